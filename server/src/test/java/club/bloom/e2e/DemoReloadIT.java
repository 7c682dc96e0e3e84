package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.model.EnrolledMember;
import club.bloom.client.model.MemberEnrolment;
import club.bloom.devstack.BloomApi;
import club.bloom.devstack.DemoData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's first command loads the demo club on every start, over whatever an earlier run left
 * (issue 9, finding 15: a demo partner with more than 100 receipts stopped the whole stack). The
 * stack under test was started with the demo; loading it again must change nothing.
 */
class DemoReloadIT {
  private static final String CLUB = "bloom-care";
  private static final String FLORA_KEY = "bk_test_DemoFloraStudio2026BloomCare000120UKhr";

  @Test
  void theDemoLoadsAgainOverAPartnerWithManyReceiptsAndPostsNothingTwice() throws Exception {
    // A member of our own, so that the demo members' standing stays as the other tests expect.
    String name = Fixtures.unique("reload");
    EnrolledMember member =
        Fixtures.operator()
            .clubs()
            .enrolMember(
                CLUB,
                key(),
                new MemberEnrolment()
                    .firstName("Вера")
                    .lastName("Повторная")
                    .phone(
                        "+7999"
                            + String.format(
                                "%07d", new java.security.SecureRandom().nextInt(10_000_000)))
                    .email(name + "@members.test"));
    BloomApi flora = Fixtures.as(FLORA_KEY);
    for (int i = 0; i < 101; i++) {
      // Flora Studio is on the Start plan (25 requests a second): wait when told to.
      var request = purchase(member.getPassportCode(), "10.00", "florist");
      String key = key();
      while (true) {
        try {
          flora.purchases().postPurchase(key, request);
          break;
        } catch (club.bloom.client.ApiException e) {
          if (e.getCode() != 429) {
            throw e;
          }
          Thread.sleep(1000);
        }
      }
    }
    long receiptsBefore = count("partner_flora_studio.receipt");
    long purchasesBefore = count("club_bloom_care.purchase");

    List<String> banner = DemoData.load(Fixtures.STACK);

    assertEquals(receiptsBefore, count("partner_flora_studio.receipt"), "no receipt again");
    assertEquals(purchasesBefore, count("club_bloom_care.purchase"), "no purchase again");
    Path passportFile =
        Path.of(System.getProperty("bloom.build.dir"), "devstack", "demo-passport.txt");
    if (Files.exists(passportFile)) {
      String passport = Files.readString(passportFile).strip();
      assertTrue(
          banner.stream().anyMatch(line -> line.contains(passport)),
          "Anna keeps her passport: " + banner);
    }
  }

  private static long count(String table) throws Exception {
    try (Connection db = Fixtures.db();
        Statement st = db.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
