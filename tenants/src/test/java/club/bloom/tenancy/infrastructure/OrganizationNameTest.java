package club.bloom.tenancy.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Partners' names may repeat; their organizations' names, unique in Keycloak, may not. */
class OrganizationNameTest {
  @Test
  void twoPartnersOfOneNameGetTwoOrganizationNamesAlwaysTheSame() {
    String a = KeycloakIdentityDirectory.organizationName("partner-flora", "Flora Studio");
    String b = KeycloakIdentityDirectory.organizationName("partner-flora-2", "Flora Studio");
    assertEquals("Flora Studio (partner-flora)", a);
    assertNotEquals(a, b);
    assertEquals(a, KeycloakIdentityDirectory.organizationName("partner-flora", "Flora Studio"));
  }

  @Test
  void aLongNameIsCutToKeycloaksLimitKeepingTheAlias() {
    String name = KeycloakIdentityDirectory.organizationName("partner-x", "N".repeat(400));
    assertEquals(255, name.length());
    assertTrue(name.endsWith(" (partner-x)"));
  }
}
