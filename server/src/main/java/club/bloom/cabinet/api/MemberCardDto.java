package club.bloom.cabinet.api;

import club.bloom.cabinet.application.MemberLookup.MemberCard;
import club.bloom.membership.domain.DisclosedPersonalData;
import club.bloom.shared.api.Dto.TierRef;
import club.bloom.tiers.api.ProgressDto;
import club.bloom.tiers.application.ProgressView;
import java.util.UUID;

/**
 * The contract's {@code MemberCard}: a member as staff or a partner's cashier see it. Personal
 * fields the club's PD-access policy hides from the caller are absent; {@code status} says whether
 * the member has confirmed (a member registered at a counter awaits confirmation); {@code progress}
 * is what is left to the next tier, for the cashier to tell her.
 */
public record MemberCardDto(
    UUID memberId,
    String club,
    String passportCode,
    TierRef tier,
    boolean innerCircle,
    long pointsBalance,
    PersonalFieldsDto personal,
    String status,
    UUID mergedInto,
    ProgressDto progress) {

  /** The contract's {@code PersonalFields}. */
  public record PersonalFieldsDto(
      String firstName, String lastName, String phone, String email, String birthday) {
    static PersonalFieldsDto of(DisclosedPersonalData d) {
      return new PersonalFieldsDto(d.firstName(), d.lastName(), d.phone(), d.email(), d.birthday());
    }
  }

  static MemberCardDto of(MemberCard card) {
    return new MemberCardDto(
        card.memberId(),
        card.club().slug().value(),
        card.passport().value(),
        card.tier().map(t -> new TierRef(t.code(), t.name())).orElse(null),
        card.innerCircle(),
        card.pointsBalance(),
        PersonalFieldsDto.of(card.personal()),
        card.status().code(),
        card.mergedInto().orElse(null),
        ProgressDto.of(ProgressView.of(card.progress(), card.club().locale())));
  }
}
