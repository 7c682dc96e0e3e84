package club.bloom.tenancy.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaNameTest {
  @ParameterizedTest
  @ValueSource(strings = {"club_bloom_care", "partner_flora_studio", "club_ab", "partner_x2026"})
  void clubAndPartnerSchemasAreAccepted(String value) {
    assertEquals(value, new SchemaName(value).value());
    assertEquals(value, new SchemaName(value).toString());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "public",
        "platform",
        "club_",
        "club_a",
        "club_1abc",
        "club_Bloom",
        "club_bloom-care",
        "tenant_bloom",
        "club_bloom; drop schema platform cascade",
        "\"club_bloom\"",
        "club_bloom\n"
      })
  void anythingElseIsNeverASchemaName(String value) {
    assertThrows(IllegalArgumentException.class, () -> new SchemaName(value));
  }

  @Test
  void eachKindPrefixesTheSlugWithHyphensAsUnderscores() {
    Slug slug = new Slug("flora-studio");

    assertEquals(new SchemaName("club_flora_studio"), TenantKind.CLUB.schemaFor(slug));
    assertEquals(new SchemaName("partner_flora_studio"), TenantKind.PARTNER.schemaFor(slug));
  }

  @Test
  void theLongestSlugStillMakesASchemaNameForEitherKind() {
    Slug longest = new Slug("a" + "-b".repeat(19) + "c");

    assertEquals(40, longest.value().length());
    TenantKind.CLUB.schemaFor(longest);
    TenantKind.PARTNER.schemaFor(longest);
  }
}
