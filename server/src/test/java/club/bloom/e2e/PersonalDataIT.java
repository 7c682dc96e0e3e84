package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.model.ConsentKind;
import club.bloom.client.model.ConsentPublication;
import club.bloom.client.model.EnrolledMember;
import club.bloom.client.model.InvitationRequest;
import club.bloom.client.model.MemberEnrolment;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Personal data is stored only as ciphertext in the club's schema: reading the database directly
 * finds no plaintext anywhere, and partners' responses carry no personal field.
 */
class PersonalDataIT {

  @Test
  void theDatabaseHoldsNoPlaintextPersonalData() throws Exception {
    ClubFixture club = Fixtures.club();
    PartnerFixture partner = club.partner("florist");
    String email = Fixtures.unique("secret") + "@plaintext.test";
    String phone = "+7912" + String.format("%07d", (int) (Math.random() * 10_000_000));
    EnrolledMember member =
        Fixtures.operator()
            .clubs()
            .enrolMember(
                club.slug(),
                key(),
                new MemberEnrolment()
                    .firstName("Зинаида")
                    .lastName("Шифрованная")
                    .phone(phone)
                    .email(email)
                    .birthday(LocalDate.of(1987, 3, 8)));
    partner
        .api()
        .purchases()
        .postPurchase(key(), purchase(member.getPassportCode(), "500.00", "florist"));
    // Consents and invitations made by e-mail and by phone store none of them either.
    var owner = club.admin();
    owner
        .clubs()
        .publishConsentDocument(
            club.slug(), new ConsentPublication().kind(ConsentKind.TERMS).text("Правила клуба"));
    owner.clubs().inviteMember(club.slug(), new InvitationRequest().email(email));
    owner.clubs().inviteMember(club.slug(), new InvitationRequest().phone(phone));

    List<String> secrets =
        List.of("Зинаида", "Шифрованная", phone, phone.substring(1), email, "1987-03-08");
    String schema = club.schema();
    try (Connection db = Fixtures.db()) {
      int rows = 0;
      try (Statement st = db.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT personal_data, phone_index, email_index FROM " + schema + ".member")) {
        while (rs.next()) {
          rows++;
          for (int c = 1; c <= 3; c++) {
            assertNoPlaintext(rs.getBytes(c), secrets);
          }
        }
      }
      assertEquals(1, rows, "the one enrolled member");
      // Every text and bytea column of every table in the platform, club and partner schemas.
      for (String table :
          tables(db, schema, "platform", "partner_" + partner.slug().replace('-', '_'))) {
        try (Statement st = db.createStatement();
            ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int c = 1; c <= columns; c++) {
              Object value = rs.getObject(c);
              byte[] bytes =
                  value instanceof byte[] b
                      ? b
                      : value == null
                          ? new byte[0]
                          : value.toString().getBytes(StandardCharsets.UTF_8);
              assertNoPlaintext(bytes, secrets);
            }
          }
        }
      }
    }
  }

  @Test
  void partnersReceiveNoPersonalFields() throws Exception {
    ClubFixture club = Fixtures.club();
    PartnerFixture partner = club.partner("florist");
    var member = club.member();
    var posted =
        Fixtures.http(
            "POST",
            "/purchases",
            partner.apiKey(),
            purchase(member.passport(), "700.00", "florist"));
    assertEquals(201, posted.statusCode(), posted.body());
    var listed = Fixtures.http("GET", "/purchases?limit=1", partner.apiKey(), null);
    assertEquals(200, listed.statusCode(), listed.body());
    Set<String> resultFields = allFieldNames(Fixtures.JSON.readTree(posted.body()));
    Set<String> receiptFields = allFieldNames(Fixtures.JSON.readTree(listed.body()));
    for (Set<String> fields : List.of(resultFields, receiptFields)) {
      for (String forbidden : List.of("firstName", "lastName", "phone", "email", "birthday")) {
        assertFalse(fields.contains(forbidden), forbidden + " in " + fields);
      }
    }
    assertTrue(receiptFields.contains("passportCode"));
  }

  /** Field names at every depth of a JSON document. */
  private static Set<String> allFieldNames(com.fasterxml.jackson.databind.JsonNode node) {
    Set<String> names = new TreeSet<>();
    for (var entry : node.properties()) {
      names.add(entry.getKey());
      names.addAll(allFieldNames(entry.getValue()));
    }
    if (node.isArray()) {
      node.forEach(child -> names.addAll(allFieldNames(child)));
    }
    return names;
  }

  private static List<String> tables(Connection db, String... schemas) throws Exception {
    List<String> out = new ArrayList<>();
    for (String schema : schemas) {
      try (ResultSet rs = db.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          out.add(schema + "." + rs.getString("TABLE_NAME"));
        }
      }
    }
    assertTrue(out.size() > 10, "tables found: " + out);
    return out;
  }

  private static void assertNoPlaintext(byte[] stored, List<String> secrets) {
    if (stored == null) {
      return;
    }
    String asText = new String(stored, StandardCharsets.UTF_8);
    String asHex = HexFormat.of().formatHex(stored);
    for (String secret : secrets) {
      assertFalse(asText.contains(secret), "plaintext '" + secret + "' stored");
      assertFalse(
          asHex.contains(HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8))),
          "plaintext '" + secret + "' stored");
    }
  }
}
