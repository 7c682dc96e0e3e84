package club.bloom.membership.application;

import club.bloom.access.domain.Caller;
import club.bloom.access.domain.VerifiedPerson;
import club.bloom.billing.application.Quotas;
import club.bloom.billing.domain.Limit;
import club.bloom.membership.domain.ConsentChannel;
import club.bloom.membership.domain.ConsentHistory;
import club.bloom.membership.domain.ConsentKind;
import club.bloom.membership.domain.ConsentRepository;
import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.MemberRepository;
import club.bloom.membership.domain.MemberStatus;
import club.bloom.membership.domain.PassportCode;
import club.bloom.membership.domain.PassportDirectory;
import club.bloom.membership.domain.PersonalData;
import club.bloom.membership.domain.PersonalDataVault;
import club.bloom.membership.domain.PhoneNumber;
import club.bloom.membership.domain.RegistrationOrigin;
import club.bloom.shared.domain.Conflict;
import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.NotFound;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Joining a club online (issue 12, ADR 0027): a person registered herself in the club's realm and
 * verified her address; at her first sign-in she becomes a member — a passport, the club's terms
 * accepted in the version she read (channel {@code web}), marketing if she opted in.
 *
 * <ul>
 *   <li>A login that already has a member gets it back (joining twice makes nothing twice; two
 *       requests at once meet the unique login of a member: one member, the other answered 409).
 *   <li>An address that is a member's no login holds (registered at a counter, or enrolled by staff
 *       while someone else's login had the address) makes no second member: a claim link is mailed
 *       to the address ({@link ClaimLinks}), to be claimed with this login.
 *   <li>An address that is another login's member is refused (409 {@code duplicate-member}).
 *   <li>A phone that is another member's is not indexed for her, and the two are listed as likely
 *       duplicates for the club's admin, as at the counter for an e-mail (the phone is not
 *       verified: it neither binds nor reveals the other member).
 * </ul>
 */
@ApplicationScoped
public class OnlineJoining {
  @Inject TenantRegistry tenants;
  @Inject MemberRepository members;
  @Inject PersonalDataVault vault;
  @Inject PassportDirectory directory;
  @Inject ConsentRepository consents;
  @Inject MemberConsents memberConsents;
  @Inject ClaimLinks claimLinks;
  @Inject Quotas quotas;
  @Inject Clock clock;

  /**
   * The signed-in login joins its club.
   *
   * @throws club.bloom.access.domain.EmailNotVerified the login's address is not verified
   * @throws InvalidInput the phone, or the terms version when the club publishes terms
   * @throws Conflict {@code duplicate-member}: the address is another login's member
   * @throws club.bloom.billing.domain.QuotaExceeded beyond the plan's members (402)
   */
  @Transactional
  public Joined join(Caller login, JoinOnline command) {
    VerifiedPerson person = login.verifiedPerson();
    Tenant club =
        login
            .tenant()
            .flatMap(tenants::find)
            .filter(t -> t.kind() == TenantKind.CLUB)
            .filter(Tenant::isActive)
            .orElseThrow(
                () ->
                    new NotFound(
                        "unknown-club", "Unknown club", "Sign in to the club's own realm to join"));
    SchemaName schema = club.schema();
    Optional<Member> own = members.findBySubject(schema, login.subject());
    if (own.isPresent()) {
      return Joined.already(club, own.get());
    }
    String email = PersonalData.normalizeEmail(person.email());
    byte[] emailIndex = vault.emailIndex(schema, email);
    Optional<Member> byEmail = members.findByEmailIndex(schema, emailIndex);
    if (byEmail.isPresent()) {
      Member existing = byEmail.get();
      if (existing.subject().isEmpty() && existing.status() != MemberStatus.MERGED) {
        String sentTo =
            claimLinks.mail(
                club, existing, RegistrationOrigin.ONLINE, email, person.givenName().orElse(null));
        return Joined.claimLinkSent(club, sentTo);
      }
      throw new Conflict(
          "duplicate-member",
          "Already a member",
          "A member of this club with this e-mail address belongs to another login");
    }
    Instant now = clock.instant();
    // The club's current texts, for the checks below (no records: she is not a member yet).
    ConsentHistory before = new ConsentHistory(null, consents.current(schema), List.of());
    List<FieldProblem> problems = new ArrayList<>();
    Optional<PhoneNumber> phone = PhoneNumber.parse(command.phone());
    if (phone.isEmpty()) {
      problems.add(new FieldProblem("phone", "must be a valid phone number, e.g. +79161234567"));
    }
    if (person.givenName().isEmpty()) {
      problems.add(
          new FieldProblem(
              "firstName", "the login has no first name: add it to the login's profile first"));
    }
    before
        .current(ConsentKind.TERMS)
        .ifPresent(
            terms -> {
              if (command.termsVersion().isEmpty()) {
                problems.add(
                    new FieldProblem(
                        "termsVersion",
                        "is required: the club's current terms are version " + terms.version()));
              }
            });
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    byte[] phoneIndex = vault.phoneIndex(schema, phone.get().e164());
    Optional<UUID> samePhoneAs = members.findByPhoneIndex(schema, phoneIndex).map(Member::id);
    // Within the plan's members limit (402 beyond it); the subscription's lock also serialises
    // joinings of the club.
    quotas.admit(club, Limit.MEMBERS);
    UUID id = UUID.randomUUID();
    PassportCode passport = PassportCode.generate();
    PersonalData pd =
        new PersonalData(
            person.givenName().get(),
            person.familyName().orElse(null),
            phone.get().e164(),
            email,
            null);
    Member member =
        Member.joinOnline(
            id,
            login.subject(),
            passport,
            vault.seal(schema, id, pd),
            samePhoneAs.isPresent() ? null : phoneIndex,
            emailIndex,
            samePhoneAs,
            now);
    members.add(schema, member);
    directory.register(passport, club.id(), id);
    ConsentHistory history = memberConsents.historyOf(schema, id);
    if (history.current(ConsentKind.TERMS).isPresent()) {
      history
          .accept(ConsentKind.TERMS, command.termsVersion().get(), ConsentChannel.WEB, now)
          .ifPresent(r -> consents.append(schema, r));
    }
    command
        .marketingVersion()
        .flatMap(v -> history.accept(ConsentKind.MARKETING, v, ConsentChannel.WEB, now))
        .ifPresent(r -> consents.append(schema, r));
    return Joined.joined(club, member);
  }

  /**
   * Command: join with this phone, having read the terms of {@code termsVersion} (required when the
   * club publishes terms) and, if she opted in, the marketing text of {@code marketingVersion}.
   */
  public record JoinOnline(
      String phone, Optional<Integer> termsVersion, Optional<Integer> marketingVersion) {}

  /**
   * What joining did: {@code joined} (a new member), {@code already-member} (this login's member),
   * or {@code claim-link-sent} (an unclaimed member has the address; the masked address the link
   * went to).
   */
  public record Joined(
      Tenant club,
      String outcome,
      Optional<UUID> memberId,
      Optional<String> passportCode,
      Optional<String> sentTo) {
    static Joined joined(Tenant club, Member m) {
      return new Joined(
          club, "joined", Optional.of(m.id()), Optional.of(m.passport().value()), Optional.empty());
    }

    static Joined already(Tenant club, Member m) {
      return new Joined(
          club,
          "already-member",
          Optional.of(m.id()),
          Optional.of(m.passport().value()),
          Optional.empty());
    }

    static Joined claimLinkSent(Tenant club, String sentTo) {
      return new Joined(
          club, "claim-link-sent", Optional.empty(), Optional.empty(), Optional.of(sentTo));
    }
  }
}
