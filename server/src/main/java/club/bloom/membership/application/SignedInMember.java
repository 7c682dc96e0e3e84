package club.bloom.membership.application;

import club.bloom.access.domain.Caller;
import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.MemberRepository;
import club.bloom.shared.domain.NotFound;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The club and member of a signed-in member: the club from the token's verified issuer, the member
 * by the token's subject in that club's schema (404 {@code no-membership} otherwise), for a login
 * whose address is verified (403 {@code email-not-verified} otherwise). For the cabinet's use
 * cases, here and in other contexts.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class SignedInMember {
  @Inject TenantRegistry tenants;
  @Inject MemberRepository members;

  public Membership of(Caller caller) {
    // A login whose address is not verified has no role to get here; and no membership either.
    caller.verifiedPerson();
    Tenant club =
        caller
            .tenant()
            .flatMap(tenants::find)
            .orElseThrow(() -> new NotFound("no-membership", "No membership", "Not a club member"));
    Member member =
        members
            .findBySubject(club.schema(), caller.subject())
            .orElseThrow(
                () ->
                    new NotFound(
                        "no-membership",
                        "No membership",
                        "This login is not a member of the club yet: join with POST"
                            + " /me/membership"));
    return new Membership(club, member);
  }

  /** A member and the club. */
  public record Membership(Tenant club, Member member) {}
}
