package club.bloom.membership.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.domain.Roles;
import club.bloom.idempotency.domain.IdempotencyKey;
import club.bloom.membership.application.CounterRegistrations;
import club.bloom.membership.application.CounterRegistrations.RegisterAtCounter;
import club.bloom.membership.application.CounterRegistrations.Registered;
import club.bloom.membership.application.CounterRegistrations.Registration;
import club.bloom.membership.domain.PhoneNumber;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.api.Params;
import club.bloom.shared.domain.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A partner's cashier registers a member by phone at the counter (API key scope {@code
 * members:register}), in a club the partner belongs to.
 */
@Path("/clubs/{club}/counter-registrations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEMBERS_REGISTER)
public class CounterRegistrationsResource {
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  @Inject CurrentCaller caller;
  @Inject CounterRegistrations registrations;

  /**
   * 201 with a new member awaiting confirmation and the link to confirm; 200 when the phone is
   * already a member's (her passport; a fresh link only while she has not confirmed). {@code
   * Cache-Control: no-store}: the answer carries a link that claims the member.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(
      @PathParam("club") String clubSlug,
      @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey,
      CounterRegistrationDto body) {
    var slug = Params.slug("club", clubSlug);
    IdempotencyKey key = new IdempotencyKey(idempotencyKey);
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    String phoneText = checks.required("phone", body.phone(), 32);
    PhoneNumber phone = null;
    if (phoneText != null) {
      phone = PhoneNumber.parse(phoneText).orElse(null);
      if (phone == null) {
        checks.fail(
            "phone",
            "is not a valid phone number (e.g. +79161234567, or 8 916 123-45-67 for Russia)");
      }
    }
    String firstName = null;
    if (body.firstName() != null && !body.firstName().isBlank()) {
      firstName = checks.personName("firstName", body.firstName());
    }
    String email = null;
    if (body.email() != null && !body.email().isBlank()) {
      email = checks.matches("email", body.email().strip(), EMAIL, "must be an e-mail address");
      if (email != null && email.length() > 254) {
        checks.fail("email", "must be at most 254 characters");
      }
    }
    checks.throwIfAny();
    Registration registration =
        registrations.register(
            caller.get(), slug, key, new RegisterAtCounter(phone, firstName, email));
    Registered r = registration.registered();
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    noStore.setPrivate(true);
    return Response.status(r.existing() ? 200 : 201)
        .entity(
            new CounterRegistrationResultDto(
                r.memberId(),
                registration.club().slug().value(),
                r.passportCode(),
                r.status(),
                r.existing(),
                r.matchedBy(),
                r.likelyDuplicate(),
                registration.link().orElse(null),
                r.linkExpiresAt(),
                r.deliveries(),
                r.emailedTo()))
        .cacheControl(noStore)
        .build();
  }

  /** The contract's {@code CounterRegistration}. */
  public record CounterRegistrationDto(String phone, String firstName, String email) {}

  /** The contract's {@code CounterRegistrationResult}. */
  public record CounterRegistrationResultDto(
      UUID memberId,
      String club,
      String passportCode,
      String status,
      boolean existing,
      String matchedBy,
      boolean likelyDuplicate,
      String confirmationUrl,
      String confirmationExpiresAt,
      List<String> deliveries,
      String emailedTo) {}
}
