package club.bloom.tenancy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TenantTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void aClubOwnsASchemaNamedAfterItsSlug() {
    Tenant club =
        Tenant.register(TenantKind.CLUB, new Slug("bloom-care"), "Bloom&Care", "ru", null, NOW);
    assertEquals("club_bloom_care", club.schema().value());
    assertEquals(TenantStatus.PROVISIONING, club.status());
  }

  @Test
  void provisioningStepsNeverGoBackwardsAndDoneActivates() {
    Tenant partner =
        Tenant.register(TenantKind.PARTNER, new Slug("flora"), "Flora", null, null, NOW);
    partner.completed(ProvisioningStep.IDENTITY_CREATED, NOW);
    partner.completed(ProvisioningStep.SCHEMA_MIGRATED, NOW);
    assertEquals(ProvisioningStep.IDENTITY_CREATED, partner.provisioningStep());
    assertFalse(partner.isActive());
    partner.completed(ProvisioningStep.DONE, NOW);
    assertTrue(partner.isActive());
    assertTrue(partner.hasCompleted(ProvisioningStep.ADMIN_CREATED));
  }

  @Test
  void aSuspendedTenantIsNotActiveAndResumingRestoresIt() {
    Tenant club =
        Tenant.register(TenantKind.CLUB, new Slug("bloom-care"), "Bloom&Care", "ru", null, NOW);
    club.completed(ProvisioningStep.DONE, NOW);
    club.suspend("unpaid invoice", NOW.plusSeconds(60));
    club.suspend("another reason", NOW.plusSeconds(120));
    assertEquals(TenantStatus.SUSPENDED, club.status());
    assertFalse(club.isActive());
    assertEquals("unpaid invoice", club.suspensionReason().orElseThrow());
    assertEquals(NOW.plusSeconds(60), club.suspendedAt().orElseThrow());

    club.completed(ProvisioningStep.DONE, NOW.plusSeconds(180));
    assertTrue(club.isSuspended(), "provisioning run again does not lift a suspension");

    club.resume(NOW.plusSeconds(240));
    assertTrue(club.isActive());
    assertTrue(club.suspendedAt().isEmpty());
    assertTrue(club.suspensionReason().isEmpty());
  }

  @Test
  void aTenantSuspendedBeforeProvisioningFinishedResumesToProvisioning() {
    Tenant partner =
        Tenant.register(TenantKind.PARTNER, new Slug("flora"), "Flora", null, null, NOW);
    partner.suspend("fraud check", NOW);
    partner.resume(NOW);
    assertEquals(TenantStatus.PROVISIONING, partner.status());
  }

  @Test
  void slugsRejectWhatCouldNotBeASchemaName() {
    for (String bad :
        new String[] {"A-club", "x", "club_x", "1club", "club-", "a--b", "a b c", "drop;table"}) {
      assertThrows(Slug.InvalidSlug.class, () -> new Slug(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> new SchemaName("public"));
    assertThrows(
        IllegalArgumentException.class, () -> new SchemaName("club_x; drop schema platform"));
  }

  @Test
  void aPartnersOrganizationAliasNamesItAndNothingElseDoes() {
    Slug slug = new Slug("flower-lab");
    assertEquals("partner-flower-lab", Tenant.organizationAlias(slug));
    assertEquals(
        java.util.Optional.of(slug), Tenant.partnerOfOrganization(Tenant.organizationAlias(slug)));
    assertTrue(Tenant.partnerOfOrganization("acme").isEmpty());
    assertTrue(Tenant.partnerOfOrganization("partner-").isEmpty());
    assertTrue(Tenant.partnerOfOrganization("partner-Bad Slug").isEmpty());
    assertTrue(Tenant.partnerOfOrganization(null).isEmpty());
  }
}
