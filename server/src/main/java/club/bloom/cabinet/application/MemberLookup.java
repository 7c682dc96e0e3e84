package club.bloom.cabinet.application;

import club.bloom.access.domain.Caller;
import club.bloom.ledger.domain.Currency;
import club.bloom.ledger.domain.PointLedger;
import club.bloom.membership.application.PersonalDataDisclosure;
import club.bloom.membership.domain.DisclosedPersonalData;
import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.MemberRepository;
import club.bloom.membership.domain.MemberStatus;
import club.bloom.membership.domain.PassportCode;
import club.bloom.membership.domain.PassportDirectory;
import club.bloom.membership.domain.UnknownPassport;
import club.bloom.onboarding.domain.Partnerships;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.NotFound;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantRegistry;
import club.bloom.tiers.application.TierStanding;
import club.bloom.tiers.domain.TierProgress;
import club.bloom.tiers.domain.TierRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads of one member by someone other than the member: a partner's cashier at the counter (by
 * passport code, in clubs the partner has joined) and club staff (by member id). Personal fields
 * come only through {@link PersonalDataDisclosure}, under the club's PD-access policy.
 */
@ApplicationScoped
@Transactional
public class MemberLookup {
  @Inject TenantRegistry tenants;
  @Inject PassportDirectory passports;
  @Inject Partnerships partnerships;
  @Inject MemberRepository members;
  @Inject PointLedger ledger;
  @Inject TierStanding standing;
  @Inject PersonalDataDisclosure disclosure;
  @Inject Clock clock;

  /**
   * A member by passport code, for a partner of the member's club; any other passport (unknown, or
   * of a club the partner has not joined) answers the same 404.
   */
  public MemberCard byPassport(Caller partner, String passportCode) {
    TenantId partnerId = partner.tenant().orElseThrow(UnknownPassport::new);
    PassportCode code =
        PassportCode.parse(passportCode)
            .orElseThrow(
                () ->
                    InvalidInput.of(
                        "passportCode",
                        "is not a passport code (12 characters, e.g. 7K3M-9QXA-2B4C)"));
    TenantId clubId = passports.clubOf(code).orElseThrow(UnknownPassport::new);
    partnerships.find(clubId, partnerId).orElseThrow(UnknownPassport::new).requireActive();
    Tenant club = tenants.find(clubId).filter(Tenant::isActive).orElseThrow(UnknownPassport::new);
    Member member = members.findByPassport(club.schema(), code).orElseThrow(UnknownPassport::new);
    return card(club, partner, member);
  }

  /** A member of the staff's club by id (the club already checked against the caller). */
  public MemberCard byId(Tenant club, Caller staff, UUID memberId) {
    Member member =
        members
            .find(club.schema(), memberId)
            .orElseThrow(() -> new NotFound("unknown-member", "Unknown member", "No such member"));
    return card(club, staff, member);
  }

  private MemberCard card(Tenant club, Caller caller, Member member) {
    Instant now = clock.instant();
    Optional<TierRule> tier = member.tier().flatMap(standing.ladder(club)::find);
    return new MemberCard(
        member.id(),
        club,
        member.passport(),
        tier,
        tier.map(TierRule::invitationOnly).orElse(false),
        ledger.read(club.schema(), member.id()).active(Currency.POINTS, now),
        disclosure.disclose(club, caller, member),
        member.status(),
        member.mergedInto(),
        standing.progress(club, member.id(), member.tier()));
  }

  /**
   * What a reader other than the member sees of a member. The progress to the next tier is no
   * personal data (the club's own totals): the cashier tells the member what is left (ADR 0043).
   */
  public record MemberCard(
      UUID memberId,
      Tenant club,
      PassportCode passport,
      Optional<TierRule> tier,
      boolean innerCircle,
      long pointsBalance,
      DisclosedPersonalData personal,
      MemberStatus status,
      Optional<UUID> mergedInto,
      TierProgress progress) {}
}
