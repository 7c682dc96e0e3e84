package club.bloom.cabinet.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.domain.Roles;
import club.bloom.cabinet.application.MemberLookup;
import club.bloom.shared.domain.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A partner's cashier looks a member up by passport code at the counter (API key scope {@code
 * members:lookup}): tier, points and what the club's PD-access policy lets a cashier see.
 */
@Path("/members/lookup")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MEMBERS_LOOKUP)
public class MemberLookupResource {
  @Inject CurrentCaller caller;
  @Inject MemberLookup lookup;

  @GET
  public MemberCardDto byPassport(@QueryParam("passportCode") String passportCode) {
    if (passportCode == null || passportCode.isBlank()) {
      throw InvalidInput.of("passportCode", "is required");
    }
    return MemberCardDto.of(lookup.byPassport(caller.get(), passportCode.strip()));
  }
}
