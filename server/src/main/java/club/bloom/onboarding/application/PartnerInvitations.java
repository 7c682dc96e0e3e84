package club.bloom.onboarding.application;

import club.bloom.access.domain.Caller;
import club.bloom.onboarding.domain.InvitationCode;
import club.bloom.onboarding.domain.InvitationCodeRefused;
import club.bloom.onboarding.domain.JoinedVia;
import club.bloom.onboarding.domain.PartnerInvitation;
import club.bloom.onboarding.domain.PartnerInvitationRepository;
import club.bloom.onboarding.domain.PartnerInvitationRepository.Position;
import club.bloom.onboarding.domain.PartnerInvitationStatus;
import club.bloom.onboarding.domain.Partnership;
import club.bloom.shared.domain.NotFound;
import club.bloom.shared.domain.OutgoingMail;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A club invites a partner business: its owner or admin issues a single-use code with the
 * categories the partner will report, and Bloom mails it (after commit) or the club passes it on. A
 * partner's owner or admin redeems the code and the partnership is active at once. A partner not on
 * Bloom yet signs up first (the mail says how) and redeems the code once provisioned (ADR 0022).
 */
@ApplicationScoped
public class PartnerInvitations {
  @Inject PartnerInvitationRepository invitations;
  @Inject PartnerLinking linking;
  @Inject TenantRegistry tenants;
  @Inject Event<OutgoingMail> mail;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "bloom.portal.url", defaultValue = "http://localhost:9080")
  String portalUrl;

  /**
   * Issues an invitation; the code is in the result only, never stored. With an address, the code
   * is mailed after the transaction commits.
   */
  @Transactional
  public Issued invite(Tenant club, Caller by, Invite command) {
    linking.requireClubCategories(club, command.categories(), "categories");
    Instant now = clock.instant();
    InvitationCode code = InvitationCode.random();
    PartnerInvitation invitation =
        PartnerInvitation.issue(
            club.id().value(),
            new LinkedHashSet<>(command.categories()),
            code,
            command.email().map(OutgoingMail::masked),
            command.note(),
            by.subject(),
            now,
            command.validity());
    invitations.add(invitation);
    command.email().ifPresent(to -> mail.fire(invitationMail(club, invitation, code, to)));
    return new Issued(view(invitation, now), code);
  }

  /** The club's invitations, newest first, with their status now. */
  @Transactional
  public Page list(Tenant club, Optional<Position> after, int limit) {
    Instant now = clock.instant();
    List<PartnerInvitation> page = invitations.ofClub(club.id().value(), after, limit + 1);
    boolean more = page.size() > limit;
    List<PartnerInvitation> items = more ? page.subList(0, limit) : page;
    Position next =
        more ? new Position(items.get(limit - 1).createdAt(), items.get(limit - 1).id()) : null;
    return new Page(items.stream().map(i -> view(i, now)).toList(), Optional.ofNullable(next));
  }

  /** The club takes an invitation back; revoking twice changes nothing. */
  @Transactional
  public InvitationView revoke(Tenant club, UUID id) {
    PartnerInvitation invitation =
        invitations.find(club.id().value(), id).orElseThrow(PartnerInvitations::unknown);
    Instant now = clock.instant();
    invitation.revoke(now);
    return view(invitation, now);
  }

  /**
   * The partner redeems a code: it becomes a partner of the club with the invitation's categories.
   * Redeeming again a code this partner redeemed returns the partnership ({@code created} false).
   * Nothing changes when it is refused.
   *
   * @throws NotFound {@code unknown-invitation-code}: no such code (also: the club is gone)
   * @throws InvitationCodeRefused expired, revoked (410) or used (409)
   * @throws club.bloom.shared.domain.Conflict {@code already-partner}
   * @throws club.bloom.billing.domain.QuotaExceeded the club's plan has no room for a partner
   */
  @Transactional
  public Redeemed redeem(Tenant partner, String typedCode) {
    InvitationCode code = InvitationCode.parse(typedCode).orElseThrow(PartnerInvitations::noCode);
    PartnerInvitation invitation =
        invitations.lockByCode(code.hash()).orElseThrow(PartnerInvitations::noCode);
    Tenant club =
        tenants
            .find(new TenantId(invitation.clubId()))
            .filter(Tenant::isActive)
            .orElseThrow(PartnerInvitations::noCode);
    Instant now = clock.instant();
    if (!invitation.redeem(partner.id().value(), now)) {
      Partnership existing =
          linking
              .partnershipOf(club, partner)
              .filter(Partnership::isActive)
              .orElseThrow(InvitationCodeRefused::used);
      return new Redeemed(club, existing, false);
    }
    Partnership partnership =
        linking.join(club, partner, invitation.categories(), JoinedVia.INVITATION);
    return new Redeemed(club, partnership, true);
  }

  private InvitationView view(PartnerInvitation i, Instant now) {
    Optional<Tenant> partner = i.redeemedBy().flatMap(id -> tenants.find(new TenantId(id)));
    return new InvitationView(i, i.statusAt(now), partner);
  }

  private OutgoingMail invitationMail(
      Tenant club, PartnerInvitation invitation, InvitationCode code, String to) {
    boolean russian = club.locale() == null || club.locale().startsWith("ru");
    ZoneId zone = club.timeZone() == null ? ZoneId.of("Europe/Moscow") : ZoneId.of(club.timeZone());
    String until =
        DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .withZone(zone)
            .format(invitation.expiresAt());
    String signUp = portalUrl + "/#/signup";
    String categories = String.join(", ", invitation.categories());
    String subject =
        russian
            ? "Клуб «" + club.name() + "» приглашает вас в партнёры Bloom"
            : club.name() + " invites you to join as a partner on Bloom";
    String note = invitation.note().map(n -> "\n\n" + n).orElse("");
    String text =
        russian
            ? "Здравствуйте!\n\nКлуб «"
                + club.name()
                + "» приглашает ваш бизнес стать партнёром клуба в Bloom (категории: "
                + categories
                + ")."
                + note
                + "\n\nКод приглашения: "
                + code.display()
                + "\nОн действует до "
                + until
                + " и только один раз.\n\nЕсли ваш бизнес уже работает в Bloom, владелец или"
                + " администратор вводит код в консоли партнёра (или API: POST"
                + " /api/v1/partners/{ваш адрес}/clubs). Если нет — зарегистрируйтесь: "
                + signUp
                + " — и введите код, когда регистрация завершится.\n"
            : "Hello,\n\n"
                + club.name()
                + " invites your business to become a partner of the club on Bloom (categories: "
                + categories
                + ")."
                + note
                + "\n\nInvitation code: "
                + code.display()
                + "\nIt works once, until "
                + until
                + ".\n\nIf your business is on Bloom, its owner or admin enters the code in the"
                + " partner console (or API: POST /api/v1/partners/{your slug}/clubs). If not, sign"
                + " up first: "
                + signUp
                + " — and enter the code once your account is ready.\n";
    return new OutgoingMail("partner-invitation", to, subject, text);
  }

  private static NotFound unknown() {
    return new NotFound("unknown-invitation", "Unknown invitation", "No such invitation");
  }

  private static NotFound noCode() {
    return new NotFound(
        "unknown-invitation-code",
        "Unknown invitation code",
        "No invitation has this code; check it, or ask the club for a new one");
  }

  /**
   * Command: invite a partner to report these categories; mail the code when an address is given.
   */
  public record Invite(
      List<String> categories, Optional<String> email, Optional<String> note, Duration validity) {}

  /** An issued invitation and its code (shown once). */
  public record Issued(InvitationView invitation, InvitationCode code) {}

  /** An invitation with its status now and the partner that redeemed it. */
  public record InvitationView(
      PartnerInvitation invitation, PartnerInvitationStatus status, Optional<Tenant> partner) {}

  /** A page of invitations. */
  public record Page(List<InvitationView> items, Optional<Position> next) {}

  /** A redeemed code: the club, the partnership, and whether it was made now. */
  public record Redeemed(Tenant club, Partnership partnership, boolean created) {}
}
