package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import org.junit.jupiter.api.Test;

/**
 * The member, signed in to the club's realm, sees passport, history across partners and progress.
 */
class MemberCabinetIT {

  @Test
  void theCabinetShowsPassportPointsProgressAndHistoryAcrossPartners() throws ApiException {
    ClubFixture club = Fixtures.club();
    PartnerFixture florist = club.partner("florist");
    PartnerFixture spa = club.partner("spa");
    MemberFixture member = club.member();
    florist
        .api()
        .purchases()
        .postPurchase(key(), purchase(member.passport(), "1000.00", "florist", 10));
    spa.api().purchases().postPurchase(key(), purchase(member.passport(), "3000.00", "spa", 5));

    var me = member.api().member();
    var cabinet = me.getMyCabinet();
    assertEquals(member.passport(), cabinet.getPassportCode());
    assertEquals("Вера", cabinet.getFirstName());
    assertEquals(club.slug(), cabinet.getClub());
    assertEquals(200L, cabinet.getPointsBalance());
    assertEquals("insider", cabinet.getTier().getCode());
    assertEquals("До VIP осталось 26 000 ₽ и 1 новая категория", cabinet.getProgress().getText());

    var history = me.listMyPurchases(10, null).getItems();
    assertEquals(2, history.size());
    assertEquals("spa", history.get(0).getCategory(), "newest first");
    assertEquals("Shop " + spa.slug(), history.get(0).getPartnerName());
    assertEquals("Цветы", history.get(1).getCategoryName());

    var qr = Fixtures.http("GET", "/me/passport/qr", member.token(), null);
    assertEquals(200, qr.statusCode());
    assertEquals("image/svg+xml", qr.headers().firstValue("Content-Type").orElse(""));
    String svg = qr.body();
    assertTrue(svg.startsWith("<svg"), svg);
    assertTrue(svg.contains("<title>" + member.passport() + "</title>"));
  }

  @Test
  void theSignInInfoOfAClubIsPublic() throws ApiException {
    ClubFixture club = Fixtures.club();
    var info = Fixtures.anonymous().clubs().getClubSignInInfo(club.slug());
    assertEquals(Fixtures.STACK.keycloakUrl() + "/realms/" + club.realm(), info.getIssuer());
    assertEquals("bloom-portal", info.getClientId());
    Fixtures.problem(
        Fixtures.failing(() -> Fixtures.anonymous().clubs().getClubSignInInfo("no-such-club")),
        404);
  }
}
