package club.bloom.membership.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.domain.Roles;
import club.bloom.membership.application.CounterRegistrations;
import club.bloom.membership.application.CounterRegistrations.Claimed;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.domain.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The signed-in login claims a registration made at a partner's counter, with the link's token.
 * (Its own root path: {@code /me} belongs to another root resource.) Claiming again with the same
 * login answers the same; hence no Idempotency-Key.
 */
@Path("/me/counter-registrations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEMBER)
public class MyCounterRegistrationsResource {
  private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");

  @Inject CurrentCaller caller;
  @Inject CounterRegistrations registrations;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public ClaimedDto claim(ClaimDto body) {
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    String token =
        checks.matches("token", body.token(), TOKEN, "must be the token of a registration link");
    if (body.termsVersion() != null && body.termsVersion() < 1) {
      checks.fail("termsVersion", "must be at least 1");
    }
    checks.throwIfAny();
    Claimed claimed =
        registrations.claim(caller.get(), token, Optional.ofNullable(body.termsVersion()));
    return new ClaimedDto(
        claimed.memberId(),
        claimed.club().slug().value(),
        claimed.passportCode(),
        claimed.mergedPassport().isPresent(),
        claimed.mergedPassport().orElse(null));
  }

  /** The contract's {@code RegistrationClaim}. */
  public record ClaimDto(String token, Integer termsVersion) {}

  /** The contract's {@code ClaimedRegistration}. */
  public record ClaimedDto(
      UUID memberId, String club, String passportCode, boolean merged, String mergedPassportCode) {}
}
