package club.bloom.membership.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.domain.Roles;
import club.bloom.membership.api.ConsentDtos.ConsentAnswerDto;
import club.bloom.membership.api.ConsentDtos.MemberConsentsDto;
import club.bloom.membership.application.MemberConsents;
import club.bloom.membership.application.MemberConsents.Answer;
import club.bloom.membership.domain.ConsentChannel;
import club.bloom.membership.domain.ConsentKind;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.domain.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The signed-in member's consents: where they stand and every answer given, and a new answer. (Its
 * own root path: {@code /me} belongs to another root resource, and JAX-RS does not backtrack
 * between root resources.)
 */
@Path("/me/consents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEMBER)
public class MyConsentsResource {
  @Inject CurrentCaller caller;
  @Inject MemberConsents consents;

  @GET
  public MemberConsentsDto get() {
    return MemberConsentsDto.of(consents.history(caller.get()));
  }

  /**
   * Accepting what is accepted, or withdrawing what is withdrawn, records nothing: a retry is
   * harmless, hence no Idempotency-Key.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public MemberConsentsDto answer(ConsentAnswerDto body) {
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    ConsentKind kind =
        enumField(
            checks,
            "kind",
            body.kind(),
            ConsentKind.parse(body.kind()).orElse(null),
            "terms, marketing");
    ConsentChannel channel =
        enumField(
            checks,
            "channel",
            body.channel(),
            // counter-link is recorded only by claiming a counter registration's link.
            ConsentChannel.parse(body.channel())
                .filter(c -> c != ConsentChannel.COUNTER_LINK)
                .orElse(null),
            "web, terminal, api");
    String action = checks.required("action", body.action(), 16);
    boolean accept = "accept".equals(action);
    if (action != null && !accept && !"withdraw".equals(action)) {
      checks.fail("action", "must be one of accept, withdraw");
    }
    if (accept && body.version() == null) {
      checks.fail("version", "is required to accept: the version of the text the member read");
    }
    if (body.version() != null && body.version() < 1) {
      checks.fail("version", "must be at least 1");
    }
    checks.throwIfAny();
    return MemberConsentsDto.of(
        consents.answer(
            caller.get(),
            new Answer(kind, body.version() == null ? 0 : body.version(), accept, channel)));
  }

  private static <T> T enumField(
      FieldChecks checks, String field, String text, T parsed, String allowed) {
    if (text == null || text.isBlank()) {
      checks.fail(field, "is required");
    } else if (parsed == null) {
      checks.fail(field, "must be one of " + allowed);
    }
    return parsed;
  }
}
