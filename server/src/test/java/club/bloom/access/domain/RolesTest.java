package club.bloom.access.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RolesTest {

  @Test
  void aCashierRecordsPurchasesLooksUpAndRegistersMembersButReadsNoReceipts() {
    Set<String> roles = Roles.partnerStaff(Set.of(Roles.CASHIER));
    assertEquals(
        Set.of(Roles.CASHIER, Roles.PURCHASES_WRITE, Roles.MEMBERS_LOOKUP, Roles.MEMBERS_REGISTER),
        roles);
  }

  @Test
  void anAnalystOnlyReads() {
    assertEquals(
        Set.of(Roles.PARTNER_ANALYST, Roles.PURCHASES_READ),
        Roles.partnerStaff(Set.of(Roles.PARTNER_ANALYST)));
  }

  @Test
  void rolesThatAreNotPartnerStaffRolesAreDropped() {
    Set<String> roles =
        Roles.partnerStaff(Set.of(Roles.PLATFORM_OPERATOR, Roles.CLUB_OWNER, "offline_access"));
    assertTrue(roles.isEmpty(), roles.toString());
  }

  @Test
  void everyPartnerStaffRoleImpliesSomeCapability() {
    for (String role : Roles.PARTNER_STAFF) {
      assertTrue(Roles.partnerStaff(Set.of(role)).size() > 1, role);
    }
  }
}
