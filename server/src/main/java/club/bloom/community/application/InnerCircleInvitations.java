package club.bloom.community.application;

import club.bloom.access.domain.Caller;
import club.bloom.community.domain.Invitation;
import club.bloom.community.domain.Invitation.Revocation;
import club.bloom.community.domain.InvitationRepository;
import club.bloom.community.domain.InvitationStatus;
import club.bloom.community.domain.InvitedVia;
import club.bloom.membership.application.MemberConsents;
import club.bloom.membership.application.SignedInMember;
import club.bloom.membership.application.SignedInMember.Membership;
import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.MemberRepository;
import club.bloom.membership.domain.PersonalData;
import club.bloom.membership.domain.PersonalDataVault;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.Money;
import club.bloom.shared.domain.NotFound;
import club.bloom.shared.domain.PageCursor;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tiers.application.TierAssignment;
import club.bloom.tiers.application.TierStanding;
import club.bloom.tiers.domain.TierLadder;
import club.bloom.tiers.domain.TierRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Inner Circle: the club owner invites a member to an invitation-only tier, the member accepts
 * or declines in the cabinet, the owner may revoke. Acceptance grants the tier (no end date unless
 * the invitation gives one) and revocation takes it back, both through {@link TierAssignment} and
 * recorded in the tier history. Accepting needs the club's current terms accepted.
 */
@ApplicationScoped
public class InnerCircleInvitations {
  @Inject InvitationRepository invitations;
  @Inject MemberRepository members;
  @Inject PersonalDataVault vault;
  @Inject SignedInMember signedIn;
  @Inject MemberConsents consents;
  @Inject TierStanding standing;
  @Inject TierAssignment tiers;
  @Inject Clock clock;

  /**
   * Invites a member. A member who already has a pending (unexpired) or accepted invitation to the
   * tier gets that one back ({@code created} false) instead of a second.
   */
  @Transactional
  public Issued invite(Tenant club, Caller owner, Invite command) {
    Member member = resolve(club, command.member());
    TierRule tier = invitationTier(club, command.tier());
    Instant now = clock.instant();
    Optional<Invitation> open = invitations.openFor(club.schema(), member.id(), tier.code());
    if (open.isPresent()) {
      if (open.get().statusAt(now) != InvitationStatus.EXPIRED) {
        return new Issued(view(open.get(), tier, now), false);
      }
      open.get().closeIfExpired(now);
      invitations.flush(club.schema());
    }
    Invitation invitation =
        Invitation.issue(
            member.id(),
            tier.code(),
            command.member().via(),
            owner.subject(),
            now,
            command.validity(),
            command.grantUntil());
    invitations.add(club.schema(), invitation);
    return new Issued(view(invitation, tier, now), true);
  }

  /** The club's invitations, newest first. */
  @Transactional
  public Page list(Tenant club, PageCursor after, int limit) {
    Instant now = clock.instant();
    TierLadder ladder = standing.ladder(club);
    List<Invitation> page = invitations.page(club.schema(), after, limit + 1);
    boolean more = page.size() > limit;
    List<Invitation> items = more ? page.subList(0, limit) : page;
    PageCursor next =
        more ? new PageCursor(items.get(limit - 1).createdAt(), items.get(limit - 1).id()) : null;
    return new Page(items.stream().map(i -> view(i, ladder, now)).toList(), next);
  }

  /**
   * Revokes an invitation of the club; if it had been accepted, the member's tier is re-evaluated
   * at once. Revoking twice changes nothing.
   */
  @Transactional
  public InvitationView revoke(Tenant club, UUID invitationId) {
    Instant now = clock.instant();
    Invitation invitation =
        invitations.find(club.schema(), invitationId).orElseThrow(InnerCircleInvitations::unknown);
    if (invitation.revoke(now) == Revocation.GRANT_REVOKED) {
      tiers.revokeInvitationTier(club, invitation.memberId(), invitation.tierCode());
    }
    return view(invitation, standing.ladder(club), now);
  }

  /** The signed-in member's invitations, newest first. */
  @Transactional
  public List<InvitationView> mine(Caller caller) {
    Membership m = signedIn.of(caller);
    Instant now = clock.instant();
    TierLadder ladder = standing.ladder(m.club());
    return invitations.ofMember(m.club().schema(), m.member().id()).stream()
        .map(i -> view(i, ladder, now))
        .toList();
  }

  /**
   * The member accepts: the tier is granted. Accepting again changes nothing. Refused (403) until
   * the member has accepted the club's current terms.
   */
  @Transactional
  public InvitationView accept(Caller caller, UUID invitationId) {
    Membership m = signedIn.of(caller);
    consents.requireAccepted(m.club().schema(), m.member().id());
    Instant now = clock.instant();
    Invitation invitation = ownInvitation(m, invitationId);
    if (invitation.accept(now)) {
      tiers.grantByInvitation(
          m.club(), m.member().id(), invitation.tierCode(), invitation.grantUntil());
    }
    return view(invitation, standing.ladder(m.club()), now);
  }

  /** The member declines. Declining again changes nothing. */
  @Transactional
  public InvitationView decline(Caller caller, UUID invitationId) {
    Membership m = signedIn.of(caller);
    Instant now = clock.instant();
    Invitation invitation = ownInvitation(m, invitationId);
    invitation.decline(now);
    return view(invitation, standing.ladder(m.club()), now);
  }

  private Invitation ownInvitation(Membership m, UUID invitationId) {
    return invitations
        .find(m.club().schema(), invitationId)
        .filter(i -> i.memberId().equals(m.member().id()))
        .orElseThrow(InnerCircleInvitations::unknown);
  }

  private Member resolve(Tenant club, MemberReference ref) {
    Optional<Member> found =
        switch (ref.via()) {
          case MEMBER -> {
            UUID id;
            try {
              id = UUID.fromString(ref.value());
            } catch (IllegalArgumentException e) {
              throw InvalidInput.of("memberId", "is not a member id");
            }
            yield members.find(club.schema(), id);
          }
          case EMAIL ->
              members.findByEmailIndex(
                  club.schema(),
                  vault.emailIndex(club.schema(), PersonalData.normalizeEmail(ref.value())));
          case PHONE ->
              members.findByPhoneIndex(
                  club.schema(),
                  vault.phoneIndex(club.schema(), PersonalData.normalizePhone(ref.value())));
        };
    return found.orElseThrow(
        () ->
            new NotFound(
                "unknown-member", "Unknown member", "No member of the club by this " + ref.what()));
  }

  /** The tier asked for, or the club's highest invitation-only tier. */
  private TierRule invitationTier(Tenant club, Optional<String> code) {
    TierLadder ladder = standing.ladder(club);
    if (code.isPresent()) {
      return ladder
          .find(code.get())
          .filter(TierRule::invitationOnly)
          .orElseThrow(
              () -> InvalidInput.of("tier", "must be an invitation-only tier of the club"));
    }
    return ladder.rules().stream()
        .filter(TierRule::invitationOnly)
        .max(Comparator.comparingInt(TierRule::rank))
        .orElseThrow(() -> InvalidInput.of("tier", "the club has no invitation-only tier"));
  }

  private static InvitationView view(Invitation i, TierLadder ladder, Instant now) {
    // A tier the club has since removed is still named by its code.
    return view(
        i,
        ladder
            .find(i.tierCode())
            .orElseGet(
                () ->
                    new TierRule(
                        i.tierCode(),
                        i.tierCode(),
                        0,
                        Money.zero(Money.RUB),
                        0,
                        12,
                        BigDecimal.ZERO,
                        true)),
        now);
  }

  private static InvitationView view(Invitation i, TierRule tier, Instant now) {
    return new InvitationView(i, i.statusAt(now), tier);
  }

  private static NotFound unknown() {
    return new NotFound("unknown-invitation", "Unknown invitation", "No such invitation");
  }

  /** Who is invited: a member id, an e-mail or a phone, as the owner gave it. */
  public record MemberReference(InvitedVia via, String value) {
    String what() {
      return switch (via) {
        case MEMBER -> "id";
        case EMAIL -> "e-mail";
        case PHONE -> "phone";
      };
    }
  }

  /**
   * Command: invite a member to a tier (default: the club's highest invitation-only tier), open for
   * {@code validity}, the tier granted until a date or (empty) until revoked.
   */
  public record Invite(
      MemberReference member,
      Optional<String> tier,
      Duration validity,
      Optional<Instant> grantUntil) {}

  /** An invitation with its status now and its tier. */
  public record InvitationView(Invitation invitation, InvitationStatus status, TierRule tier) {}

  /** The result of an invitation: the invitation, and whether it is new. */
  public record Issued(InvitationView invitation, boolean created) {}

  /** A page of invitations; {@code next} is null on the last page. */
  public record Page(List<InvitationView> items, PageCursor next) {}
}
