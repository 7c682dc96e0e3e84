package club.bloom.membership.application;

import club.bloom.access.domain.Caller;
import club.bloom.membership.domain.DisclosedPersonalData;
import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.PdAccessPolicyRepository;
import club.bloom.membership.domain.PdAudience;
import club.bloom.membership.domain.PersonalDataVault;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;

/**
 * The one place where a member's personal data is opened for anyone but the member: every read by
 * club staff or partners goes through {@link #disclose}, which applies the club's PD-access policy
 * as it stands at that moment to the caller's roles. (ArchitectureTest keeps other classes from
 * opening the vault.) A caller in none of the policy's roles sees no field, without decrypting.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PersonalDataDisclosure {
  @Inject PersonalDataVault vault;
  @Inject PdAccessPolicyRepository policies;

  public DisclosedPersonalData disclose(Tenant club, Caller caller, Member member) {
    Set<PdAudience> audiences = PdAudience.of(caller.roles());
    if (audiences.isEmpty() || !(caller.belongsTo(club.id()) || isPartner(caller))) {
      return DisclosedPersonalData.NOTHING;
    }
    return policies
        .policy(club.schema())
        .disclose(vault.open(club.schema(), member.id(), member.sealedPersonalData()), audiences);
  }

  // A partner's credential names the partner, not the club: its reads reach a member only through
  // a partnership with the member's club, which the calling use case has checked.
  private static boolean isPartner(Caller caller) {
    return caller.tenantKind().filter(k -> k == TenantKind.PARTNER).isPresent();
  }
}
