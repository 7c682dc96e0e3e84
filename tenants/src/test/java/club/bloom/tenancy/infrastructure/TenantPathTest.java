package club.bloom.tenancy.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.tenancy.domain.SchemaName;
import org.junit.jupiter.api.Test;

class TenantPathTest {
  private static final SchemaName CLUB_A = new SchemaName("club_a1");
  private static final SchemaName CLUB_B = new SchemaName("club_b1");
  private static final SchemaName SHOP = new SchemaName("partner_shop");

  @Test
  void aTransactionHoldsOneClubAndOnePartnerSchemaInThatOrder() {
    TenantPath path = new TenantPath();
    assertTrue(path.add(SHOP));
    assertEquals("partner_shop", path.searchPath());
    assertTrue(path.add(CLUB_A));
    assertEquals("club_a1, partner_shop", path.searchPath());
    assertFalse(path.add(CLUB_A), "the same schema again changes nothing");
    assertFalse(path.add(SHOP));
  }

  @Test
  void aSecondClubSchemaInOneTransactionIsRefused() {
    TenantPath path = new TenantPath();
    path.add(CLUB_A);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> path.add(CLUB_B));
    assertTrue(e.getMessage().contains("club_a1"), e.getMessage());
    assertEquals("club_a1", path.searchPath(), "the path is unchanged");
  }

  @Test
  void aSecondPartnerSchemaInOneTransactionIsRefused() {
    TenantPath path = new TenantPath();
    path.add(SHOP);
    assertThrows(IllegalStateException.class, () -> path.add(new SchemaName("partner_other")));
  }
}
