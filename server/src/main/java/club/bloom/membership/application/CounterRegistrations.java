package club.bloom.membership.application;

import club.bloom.access.domain.Caller;
import club.bloom.billing.application.Quotas;
import club.bloom.billing.domain.Limit;
import club.bloom.idempotency.application.IdempotentExecution;
import club.bloom.idempotency.domain.IdempotencyKey;
import club.bloom.membership.domain.ConsentChannel;
import club.bloom.membership.domain.ConsentHistory;
import club.bloom.membership.domain.ConsentKind;
import club.bloom.membership.domain.ConsentRepository;
import club.bloom.membership.domain.CounterRegistration;
import club.bloom.membership.domain.CounterRegistrationRepository;
import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.MemberMerge;
import club.bloom.membership.domain.MemberRepository;
import club.bloom.membership.domain.MemberStatus;
import club.bloom.membership.domain.PassportCode;
import club.bloom.membership.domain.PassportDirectory;
import club.bloom.membership.domain.PersonalData;
import club.bloom.membership.domain.PersonalDataVault;
import club.bloom.membership.domain.PhoneNumber;
import club.bloom.membership.domain.RegistrationLinkInvalid;
import club.bloom.membership.domain.RegistrationLinks;
import club.bloom.onboarding.domain.Partnerships;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.NotFound;
import club.bloom.shared.domain.OutgoingMail;
import club.bloom.shared.domain.OutgoingTextMessage;
import club.bloom.shared.domain.TextMessageGateway;
import club.bloom.shared.domain.Texts;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registration at a partner's counter and its confirmation (ADR 0023).
 *
 * <p><b>Register</b>: a partner's cashier registers a person by phone in a club the partner belongs
 * to. A phone that already belongs to a member answers that member's passport (nothing created, no
 * personal field revealed; a member still awaiting confirmation gets a fresh link). A new phone
 * gives a member awaiting confirmation with a passport at once, so the purchase can be credited,
 * and a link to confirm: in the answer (the terminal shows it as a QR code), by e-mail when one was
 * given (after commit), by SMS when the installation has a gateway. An e-mail that is another
 * member's is not indexed for the new member: the two are listed as likely duplicates.
 *
 * <p><b>Claim</b>: the person signs in to the club (or registers there) and the portal sends the
 * link's token with the terms version she accepted. A link that was mailed to a member's address
 * (an enrolment or an online joining, {@link ClaimLinks}) is claimed only by a login whose verified
 * address is the member's. The registration becomes this login's member, or, when the login already
 * has a member, the registered one is merged into it; the terms consent is recorded with the
 * channel {@code counter-link}. The link is single use and expires.
 */
@ApplicationScoped
public class CounterRegistrations {
  @Inject TenantRegistry tenants;
  @Inject Partnerships partnerships;
  @Inject MemberRepository members;
  @Inject PersonalDataVault vault;
  @Inject PassportDirectory directory;
  @Inject CounterRegistrationRepository registrations;
  @Inject RegistrationLinks links;
  @Inject ConsentRepository consents;
  @Inject MemberConsents memberConsents;
  @Inject MemberMerging merging;
  @Inject IdempotentExecution idempotency;
  @Inject Quotas quotas;
  @Inject Event<OutgoingMail> mail;
  @Inject Event<OutgoingTextMessage> texts;
  @Inject Instance<TextMessageGateway> smsGateways;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "bloom.portal.url", defaultValue = "http://localhost:9080")
  String portalUrl;

  @Inject
  @ConfigProperty(name = "bloom.counter.link-validity-days", defaultValue = "7")
  int linkValidityDays;

  /**
   * Registers a person at the counter of {@code partner} in club {@code clubSlug}.
   *
   * @throws NotFound {@code unknown-club}: no such active club, or the partner has not joined it
   * @throws club.bloom.onboarding.domain.PartnershipEnded the club ended the partnership
   */
  @Transactional
  public Registration register(
      Caller partner, Slug clubSlug, IdempotencyKey key, RegisterAtCounter command) {
    TenantId partnerId = partner.tenant().orElseThrow(() -> unknownClub(clubSlug));
    Tenant club =
        tenants
            .find(TenantKind.CLUB, clubSlug)
            .filter(Tenant::isActive)
            .orElseThrow(() -> unknownClub(clubSlug));
    // A club the partner never joined looks unknown; one that ended the partnership says so.
    partnerships
        .find(club.id(), partnerId)
        .orElseThrow(() -> unknownClub(clubSlug))
        .requireActive();
    PersonalData pd =
        new PersonalData(command.firstName(), null, command.phone().e164(), command.email(), null);
    // The stored fingerprint is keyed with the club's key: no personal data leaves the club schema.
    String fingerprint =
        club.slug().value() + ":" + HexFormat.of().formatHex(vault.fingerprint(club.schema(), pd));
    Registered registered =
        idempotency.once(
            partnerId,
            key,
            "register-at-counter",
            fingerprint,
            Registered.class,
            () -> doRegister(club, partnerId, pd));
    // The link is derived again from the registration id: a replay shows the same link, and no
    // token is stored with the idempotent result.
    Optional<String> link =
        Optional.ofNullable(registered.registrationId())
            .map(id -> linkOf(club, links.token(club.schema(), id)));
    return new Registration(club, registered, link);
  }

  private Registered doRegister(Tenant club, TenantId partnerId, PersonalData pd) {
    SchemaName schema = club.schema();
    Instant now = clock.instant();
    byte[] phoneIndex = vault.phoneIndex(schema, pd.normalizedPhone());
    Optional<Member> byPhone = members.findByPhoneIndex(schema, phoneIndex);
    if (byPhone.isPresent()) {
      Member existing = byPhone.get();
      if (existing.status() != MemberStatus.AWAITING_CONFIRMATION) {
        return new Registered(
            existing.id(),
            existing.passport().value(),
            existing.status().code(),
            true,
            "phone",
            false,
            null,
            null,
            List.of(),
            null);
      }
      // Not confirmed yet: a fresh link (the person may have lost the first); no e-mail is sent
      // unless the one given now is the member's own.
      byte[] emailIndex =
          pd.email() == null ? null : vault.emailIndex(schema, pd.normalizedEmail());
      boolean ownEmail =
          emailIndex != null
              && members
                  .findByEmailIndex(schema, emailIndex)
                  .map(m -> m.id().equals(existing.id()))
                  .orElse(false);
      return issue(club, partnerId, existing, ownEmail ? pd : withoutEmail(pd), true, now);
    }
    Optional<UUID> likelyDuplicateOf = Optional.empty();
    byte[] emailIndex = null;
    if (pd.email() != null) {
      emailIndex = vault.emailIndex(schema, pd.normalizedEmail());
      Optional<Member> byEmail = members.findByEmailIndex(schema, emailIndex);
      if (byEmail.isPresent()) {
        likelyDuplicateOf = Optional.of(byEmail.get().id());
        emailIndex = null;
      }
    }
    // Within the plan's members limit (402 beyond it).
    quotas.admit(club, Limit.MEMBERS);
    UUID id = UUID.randomUUID();
    PassportCode passport = PassportCode.generate();
    Member member =
        Member.registerAtCounter(
            id,
            passport,
            vault.seal(schema, id, pd),
            phoneIndex,
            emailIndex,
            likelyDuplicateOf,
            now);
    members.add(schema, member);
    directory.register(passport, club.id(), id);
    return issue(club, partnerId, member, pd, false, now);
  }

  private Registered issue(
      Tenant club,
      TenantId partnerId,
      Member member,
      PersonalData pd,
      boolean existing,
      Instant now) {
    UUID registrationId = UUID.randomUUID();
    String token = links.token(club.schema(), registrationId);
    CounterRegistration registration =
        CounterRegistration.issue(
            registrationId,
            member.id(),
            partnerId.value(),
            links.hash(token),
            now,
            Duration.ofDays(linkValidityDays));
    registrations.add(club.schema(), registration);
    String link = linkOf(club, token);
    List<String> deliveries = new ArrayList<>(List.of("screen"));
    String emailedTo = null;
    if (pd.email() != null) {
      mail.fire(linkMail(club, pd.normalizedEmail(), pd.firstName(), link, registration));
      deliveries.add("email");
      emailedTo = OutgoingMail.masked(pd.normalizedEmail());
    }
    if (smsGateways.isResolvable()) {
      texts.fire(
          new OutgoingTextMessage(
              "counter-registration", pd.normalizedPhone(), linkText(club, link)));
      deliveries.add("sms");
    }
    return new Registered(
        member.id(),
        member.passport().value(),
        member.status().code(),
        existing,
        existing ? "phone" : null,
        member.likelyDuplicateOf().isPresent(),
        registrationId,
        registration.expiresAt().toString(),
        deliveries,
        emailedTo);
  }

  /**
   * The signed-in login claims the registration of a link, having accepted the club's terms of
   * {@code termsVersion} (required when the club publishes terms).
   *
   * @throws NotFound {@code unknown-registration-link}: no registration of the login's club has it
   * @throws club.bloom.shared.domain.BloomException {@code registration-link-expired}, {@code
   *     registration-link-used} (410)
   * @throws club.bloom.membership.domain.ConsentOutdated not the current terms (409)
   */
  @Transactional
  public Claimed claim(Caller login, String token, Optional<Integer> termsVersion) {
    Tenant club =
        login
            .tenant()
            .flatMap(tenants::find)
            .filter(t -> t.kind() == TenantKind.CLUB)
            .filter(Tenant::isActive)
            .orElseThrow(RegistrationLinkInvalid::unknown);
    SchemaName schema = club.schema();
    Instant now = clock.instant();
    CounterRegistration registration =
        registrations
            .lockByTokenHash(schema, links.hash(token))
            .orElseThrow(RegistrationLinkInvalid::unknown);
    Member registered =
        members
            .find(schema, registration.memberId())
            .flatMap(m -> members.findByPassport(schema, m.passport()))
            .orElseThrow(RegistrationLinkInvalid::unknown);
    if (registration.origin().requiresTheMembersAddress()) {
      // A link mailed to the member's address: the login claiming it must be of that address,
      // verified (ADR 0027). The blind indexes compare without opening the member's data.
      byte[] address =
          vault.emailIndex(schema, PersonalData.normalizeEmail(login.verifiedPerson().email()));
      if (!registered.hasEmailIndex(address)) {
        throw RegistrationLinkInvalid.otherAddress();
      }
    }
    boolean first = registration.claim(login.subject(), now);
    Optional<Member> own = members.findBySubject(schema, login.subject());
    if (!first) {
      Member member = own.orElse(registered);
      return new Claimed(club, member.id(), member.passport().value(), Optional.empty());
    }
    Member member;
    Optional<MemberMerge> merge = Optional.empty();
    if (own.isPresent() && !own.get().id().equals(registered.id())) {
      member = own.get();
      merge =
          Optional.of(
              merging.merge(club, member, registered, MemberMerge.Reason.CLAIM, login.subject()));
    } else if (own.isPresent()) {
      member = own.get();
    } else if (registered.status() == MemberStatus.AWAITING_CONFIRMATION) {
      member = registered;
      member.confirm(login.subject());
    } else if (registered.subject().isEmpty()) {
      // Confirmed meanwhile by a merge with a member of another login: this login joins it.
      member = registered;
      member.attachLogin(login.subject());
    } else {
      throw RegistrationLinkInvalid.used();
    }
    acceptTerms(schema, member.id(), termsVersion, now);
    return new Claimed(
        club, member.id(), member.passport().value(), merge.map(MemberMerge::absorbedPassport));
  }

  private void acceptTerms(
      SchemaName schema, UUID memberId, Optional<Integer> termsVersion, Instant now) {
    ConsentHistory history = memberConsents.historyOf(schema, memberId);
    if (history.current(ConsentKind.TERMS).isEmpty()) {
      return;
    }
    int version =
        termsVersion.orElseThrow(
            () ->
                InvalidInput.of(
                    "termsVersion",
                    "is required: the club's current terms are version "
                        + history.current(ConsentKind.TERMS).get().version()));
    history
        .accept(ConsentKind.TERMS, version, ConsentChannel.COUNTER_LINK, now)
        .ifPresent(r -> consents.append(schema, r));
  }

  private String linkOf(Tenant club, String token) {
    return portalUrl + "/#/c/" + club.slug().value() + "/confirm/" + token;
  }

  private static PersonalData withoutEmail(PersonalData pd) {
    return new PersonalData(pd.firstName(), pd.lastName(), pd.phone(), null, pd.birthday());
  }

  private OutgoingMail linkMail(
      Tenant club, String to, String firstName, String link, CounterRegistration registration) {
    Texts texts = Texts.of(club.locale());
    ZoneId zone = ZoneId.of(club.timeZone());
    String until =
        DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(zone).format(registration.expiresAt());
    String greeting =
        firstName == null
            ? texts.text("mail.greeting")
            : texts.text("mail.greeting.named", firstName);
    return new OutgoingMail(
        "counter-registration",
        to,
        texts.text("membership.counter-link.subject", club.name()),
        texts.text("membership.counter-link.body", greeting, club.name(), link, until));
  }

  private static String linkText(Tenant club, String link) {
    return club.name() + ": " + link;
  }

  private static NotFound unknownClub(Slug slug) {
    return new NotFound("unknown-club", "Unknown club", "No club " + slug + " for this caller");
  }

  /** Command: register a person by phone, optionally with a first name and an e-mail. */
  public record RegisterAtCounter(PhoneNumber phone, String firstName, String email) {
    /** A first name, when given, is a person's name (the same alphabet as enrolment's). */
    public RegisterAtCounter {
      if (firstName != null) {
        firstName = club.bloom.shared.domain.PersonName.of("firstName", firstName);
      }
    }
  }

  /**
   * What a registration did (stored for idempotent replays: no personal field, no token). {@code
   * existing}: the phone was already a member's; {@code registrationId}: a link was issued.
   */
  public record Registered(
      UUID memberId,
      String passportCode,
      String status,
      boolean existing,
      String matchedBy,
      boolean likelyDuplicate,
      UUID registrationId,
      String linkExpiresAt,
      List<String> deliveries,
      String emailedTo) {}

  /** The answer: the registration and its link when one was issued. */
  public record Registration(Tenant club, Registered registered, Optional<String> link) {}

  /** The member the login now holds; the absorbed passport when a merge happened. */
  public record Claimed(
      Tenant club, UUID memberId, String passportCode, Optional<String> mergedPassport) {}
}
