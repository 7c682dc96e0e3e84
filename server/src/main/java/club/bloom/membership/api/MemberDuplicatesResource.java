package club.bloom.membership.api;

import club.bloom.access.api.CurrentCaller;
import club.bloom.access.application.StaffScope;
import club.bloom.access.domain.Roles;
import club.bloom.membership.application.MemberMerging;
import club.bloom.membership.domain.Member;
import club.bloom.shared.api.Params;
import club.bloom.tenancy.domain.Tenant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/**
 * Members likely to be one person, for the club's admin to merge: a member registered at a counter
 * with the e-mail of another member, or who joined online with another member's phone. Ids,
 * passports and statuses only; personal fields are read per member under the PD-access policy
 * ({@code GET /clubs/{club}/members/{member}}).
 */
@Path("/clubs/{club}/member-duplicates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.CLUB_ADMIN, Roles.CLUB_OWNER})
public class MemberDuplicatesResource {
  @Inject CurrentCaller caller;
  @Inject StaffScope scope;
  @Inject MemberMerging merging;

  @GET
  public List<LikelyDuplicateDto> list(@PathParam("club") String clubSlug) {
    Tenant club = scope.clubFor(caller.get(), Params.slug("club", clubSlug));
    return merging.likelyDuplicates(club).stream()
        .map(
            d ->
                new LikelyDuplicateDto(
                    MemberRefDto.of(d.member()), MemberRefDto.of(d.duplicateOf()), d.matchedBy()))
        .toList();
  }

  /** The contract's {@code LikelyDuplicate}. */
  public record LikelyDuplicateDto(
      MemberRefDto member, MemberRefDto duplicateOf, String matchedBy) {}

  /** The contract's {@code MemberRef}. */
  public record MemberRefDto(UUID memberId, String passportCode, String status, String enrolledAt) {
    static MemberRefDto of(Member m) {
      return new MemberRefDto(
          m.id(), m.passport().value(), m.status().code(), m.enrolledAt().toString());
    }
  }
}
