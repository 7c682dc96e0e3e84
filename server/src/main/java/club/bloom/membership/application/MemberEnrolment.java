package club.bloom.membership.application;

import club.bloom.billing.application.Quotas;
import club.bloom.billing.domain.Limit;
import club.bloom.idempotency.application.IdempotentExecution;
import club.bloom.idempotency.domain.IdempotencyKey;
import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.MemberRepository;
import club.bloom.membership.domain.PassportCode;
import club.bloom.membership.domain.PassportDirectory;
import club.bloom.membership.domain.PersonalData;
import club.bloom.membership.domain.PersonalDataVault;
import club.bloom.membership.domain.RegistrationOrigin;
import club.bloom.shared.domain.Conflict;
import club.bloom.tenancy.domain.IdentityDirectory;
import club.bloom.tenancy.domain.IdentityDirectory.EnsuredUser;
import club.bloom.tenancy.domain.IdentityDirectory.NewUser;
import club.bloom.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Enrols a member: the login in the club's realm first (idempotent), then, in one transaction, the
 * member with sealed personal data, the passport and its directory entry. Duplicates by phone or
 * e-mail are refused.
 *
 * <p>A member is bound to a login only when its holder can be trusted with the address (ADR 0027):
 *
 * <ul>
 *   <li>a login Bloom creates now has no password: Keycloak mails the address a link to set one
 *       (and, opened, it proves the address), which leads to the cabinet. The member is bound to it
 *       at once.
 *   <li>a login that already had the address (someone registered it, perhaps not its holder; or
 *       another request created it a moment ago) is not bound: the member awaits confirmation, and
 *       a claim link is mailed to the address. The holder signs in with a login of that verified
 *       address and claims it ({@link CounterRegistrations#claim}).
 * </ul>
 *
 * <p>The login is not given Keycloak's "terms and conditions" action: Bloom asks the member to
 * accept the club's current terms in the cabinet, where the answer is recorded with its version
 * ({@link MemberConsents}); Keycloak's step guards only self-registration.
 */
@ApplicationScoped
public class MemberEnrolment {
  @Inject MemberRepository members;
  @Inject PersonalDataVault vault;
  @Inject PassportDirectory directory;
  @Inject IdentityDirectory identities;
  @Inject IdempotentExecution idempotency;
  @Inject ClaimLinks claimLinks;
  @Inject Quotas quotas;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "bloom.portal.url", defaultValue = "http://localhost:9080")
  String portalUrl;

  @Transactional
  public EnrolledMember enrol(Tenant club, IdempotencyKey key, EnrolMember command) {
    // The stored fingerprint is keyed with the club's key: no personal data leaves the club schema.
    String fingerprint =
        HexFormat.of().formatHex(vault.fingerprint(club.schema(), command.personalData()));
    return idempotency.once(
        club.id(),
        key,
        "enrol-member",
        fingerprint,
        EnrolledMember.class,
        () -> doEnrol(club, command));
  }

  private EnrolledMember doEnrol(Tenant club, EnrolMember command) {
    PersonalData pd = command.personalData();
    byte[] phoneIndex = vault.phoneIndex(club.schema(), pd.normalizedPhone());
    byte[] emailIndex = vault.emailIndex(club.schema(), pd.normalizedEmail());
    if (members.existsByPhoneOrEmail(club.schema(), phoneIndex, emailIndex)) {
      throw new Conflict(
          "duplicate-member",
          "Already a member",
          "A member with this phone or e-mail already exists");
    }
    // Within the plan's members limit (402 beyond it), before the login is created.
    quotas.admit(club, Limit.MEMBERS);
    String realm = club.realm().orElseThrow(() -> new IllegalStateException("club without realm"));
    EnsuredUser login =
        identities.ensureUser(
            realm,
            new NewUser(
                pd.normalizedEmail(),
                pd.normalizedEmail(),
                pd.firstName(),
                pd.lastName(),
                Optional.empty(),
                Set.of("member"),
                List.of("UPDATE_PASSWORD")));
    UUID id = UUID.randomUUID();
    PassportCode passport = PassportCode.generate();
    byte[] sealed = vault.seal(club.schema(), id, pd);
    Instant now = clock.instant();
    Member member =
        login.created()
            ? Member.enrol(id, login.id(), passport, sealed, phoneIndex, emailIndex, now)
            : Member.enrolWithoutLogin(id, passport, sealed, phoneIndex, emailIndex, now);
    members.add(club.schema(), member);
    directory.register(passport, club.id(), id);
    if (login.created()) {
      // Only the address's holder can set the password: Keycloak mails her the link.
      identities.sendSetPasswordMail(realm, login.id(), portalUrl + "/#/c/" + club.slug().value());
    } else {
      claimLinks.mail(
          club, member, RegistrationOrigin.ENROLMENT, pd.normalizedEmail(), pd.firstName());
    }
    return new EnrolledMember(id, passport.value(), member.status().code());
  }

  /** Command: enrol a member with these personal fields. */
  public record EnrolMember(PersonalData personalData) {
    /**
     * The names are checked before anything goes to Keycloak, which refuses some characters and
     * answered such an enrolment with a 500 before (issue 9).
     */
    public EnrolMember {
      personalData =
          new PersonalData(
              club.bloom.shared.domain.PersonName.of("firstName", personalData.firstName()),
              club.bloom.shared.domain.PersonName.of("lastName", personalData.lastName()),
              personalData.phone(),
              personalData.email(),
              personalData.birthday());
    }
  }

  /**
   * The result: member, passport and status — {@code active} (bound to the new login), or {@code
   * awaiting-confirmation} (a claim link was mailed). No personal data: it is stored for idempotent
   * replays.
   */
  public record EnrolledMember(UUID memberId, String passportCode, String status) {}
}
