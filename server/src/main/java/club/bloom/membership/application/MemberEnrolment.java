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
import club.bloom.shared.domain.Conflict;
import club.bloom.tenancy.domain.IdentityDirectory;
import club.bloom.tenancy.domain.IdentityDirectory.NewUser;
import club.bloom.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Enrols a member: the login in the club's realm first (idempotent, so a retry after a failure
 * finds it), then, in one transaction, the member with sealed personal data, the passport and its
 * directory entry. Duplicates by phone or e-mail are refused.
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
  @Inject Quotas quotas;
  @Inject Clock clock;

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
    String subject =
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
    Member member =
        Member.enrol(
            id,
            subject,
            passport,
            vault.seal(club.schema(), id, pd),
            phoneIndex,
            emailIndex,
            clock.instant());
    members.add(club.schema(), member);
    directory.register(passport, club.id(), id);
    return new EnrolledMember(id, passport.value());
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

  /** The result: member and passport (no personal data: it is stored for idempotent replays). */
  public record EnrolledMember(UUID memberId, String passportCode) {}
}
