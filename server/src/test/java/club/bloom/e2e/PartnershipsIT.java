package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.fields;
import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.problem;
import static club.bloom.e2e.Fixtures.purchase;
import static club.bloom.e2e.Fixtures.refund;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.model.PartnerCategories;
import club.bloom.client.model.PartnerInvitation;
import club.bloom.client.model.PartnerInvitationRequest;
import club.bloom.client.model.PartnershipDetails;
import club.bloom.client.model.PurchaseRequest;
import club.bloom.devstack.BloomApi;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Partnerships made by clubs and partners: a club's invitations (mailed or passed on as a code),
 * listed with their status and revoked; the club's partners listed, their categories changed and a
 * partnership ended — purchases refused from then on, history kept.
 */
class PartnershipsIT {
  static final Pattern CODE =
      Pattern.compile(
          "\\b([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-"
              + "[0-9A-HJKMNP-TV-Z]{4})\\b");

  @Test
  void aClubInvitesPartnersByMailOrByCodeListsTheInvitationsAndRevokesOne() throws Exception {
    ClubFixture club = Fixtures.club();
    BloomApi admin = club.admin();
    String email = Fixtures.unique("owner") + "@partners.test";

    PartnerInvitation mailed =
        admin
            .partnerships()
            .invitePartner(
                club.slug(),
                new PartnerInvitationRequest()
                    .categories(List.of("spa", "florist"))
                    .email(email)
                    .note("Welcome!")
                    .validDays(30));
    assertEquals(PartnerInvitation.StatusEnum.PENDING, mailed.getStatus());
    assertEquals(List.of("florist", "spa"), mailed.getCategories());
    assertTrue(mailed.getCode().endsWith(mailed.getCodeHint()), mailed.toString());
    assertEquals(email.charAt(0) + "***@partners.test", mailed.getSentTo());
    assertTrue(mailed.getExpiresAt().isAfter(OffsetDateTime.now().plusDays(29)));

    // The real mail carries the code and the way to sign up for a business not on Bloom yet.
    Mailbox.Mail mail = Mailbox.of(email).awaitMail(m -> m.text().contains(mailed.getCode()));
    assertTrue(mail.subject().contains("Club " + club.slug()), mail.subject());
    assertTrue(mail.text().contains("/#/signup"), mail.text());
    assertTrue(mail.text().contains("Welcome!"), mail.text());

    PartnerInvitation byCode =
        admin
            .partnerships()
            .invitePartner(club.slug(), new PartnerInvitationRequest().categories(List.of("wine")));
    assertNull(byCode.getSentTo());
    Matcher m = CODE.matcher(byCode.getCode());
    assertTrue(m.matches(), byCode.getCode());

    // Only the hash of a code is stored: its SHA-256, and the code nowhere in the row.
    try (Connection db = Fixtures.db();
        PreparedStatement s =
            db.prepareStatement(
                "SELECT code_hash = sha256(convert_to(?, 'UTF8')), position(? in i::text)"
                    + " FROM platform.partner_invitation i WHERE id = ?")) {
      String plain = byCode.getCode().replace("-", "");
      s.setString(1, plain);
      s.setString(2, plain);
      s.setObject(3, byCode.getInvitationId());
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next());
        assertTrue(rs.getBoolean(1), "the hash of the code");
        assertEquals(0, rs.getInt(2), "no code in clear");
      }
    }

    PartnerInvitation revoked =
        admin.partnerships().revokePartnerInvitation(club.slug(), byCode.getInvitationId());
    assertEquals(PartnerInvitation.StatusEnum.REVOKED, revoked.getStatus());
    assertEquals(
        PartnerInvitation.StatusEnum.REVOKED,
        admin
            .partnerships()
            .revokePartnerInvitation(club.slug(), byCode.getInvitationId())
            .getStatus(),
        "revoking twice changes nothing");

    var listed = admin.partnerships().listPartnerInvitations(club.slug(), 1, null);
    assertEquals(1, listed.getItems().size());
    assertEquals(byCode.getInvitationId(), listed.getItems().get(0).getInvitationId());
    assertNull(listed.getItems().get(0).getCode(), "a code is shown once");
    var rest = admin.partnerships().listPartnerInvitations(club.slug(), 10, listed.getNextCursor());
    assertEquals(
        List.of(mailed.getInvitationId()),
        rest.getItems().stream().map(PartnerInvitation::getInvitationId).toList());
    assertNull(rest.getNextCursor());

    // Categories must be the club's; each wrong one is named. Nothing is stored.
    JsonNode bad =
        problem(
            failing(
                () ->
                    admin
                        .partnerships()
                        .invitePartner(
                            club.slug(),
                            new PartnerInvitationRequest()
                                .categories(List.of("spa", "cars", "boats")))),
            400);
    assertEquals(List.of("categories[1]", "categories[2]"), fields(bad));
    assertEquals(
        2, admin.partnerships().listPartnerInvitations(club.slug(), 10, null).getItems().size());

    // Another club's staff sees none of it.
    ClubFixture other = Fixtures.club();
    problem(
        failing(() -> other.admin().partnerships().listPartnerInvitations(club.slug(), 10, null)),
        404);
    problem(
        failing(
            () ->
                other
                    .admin()
                    .partnerships()
                    .revokePartnerInvitation(other.slug(), mailed.getInvitationId())),
        404);
    // An analyst may not invite.
    problem(
        failing(
            () ->
                club.staff("club-analyst")
                    .partnerships()
                    .invitePartner(
                        club.slug(), new PartnerInvitationRequest().categories(List.of("spa")))),
        403);
  }

  @Test
  void theClubChangesWhatAPartnerMayReportAndEndsThePartnershipKeepingItsHistory()
      throws Exception {
    ClubFixture club = Fixtures.club();
    PartnerFixture shop = club.partner("florist", "spa");
    MemberFixture member = club.member();
    BloomApi admin = club.admin();
    PurchaseRequest first = purchase(member.passport(), "1000.00", "spa");
    shop.api().purchases().postPurchase(key(), first);

    List<PartnershipDetails> partners = admin.partnerships().listClubPartners(club.slug());
    assertEquals(1, partners.size());
    PartnershipDetails p = partners.get(0);
    assertEquals(shop.slug(), p.getPartner());
    assertEquals(List.of("florist", "spa"), p.getCategories());
    assertEquals(PartnershipDetails.JoinedViaEnum.OPERATOR, p.getJoinedVia());
    assertEquals(PartnershipDetails.StatusEnum.ACTIVE, p.getStatus());
    assertEquals(1, club.staff("club-analyst").partnerships().listClubPartners(club.slug()).size());

    PartnershipDetails changed =
        admin
            .partnerships()
            .changePartnerCategories(
                club.slug(), shop.slug(), new PartnerCategories().categories(List.of("florist")));
    assertEquals(List.of("florist"), changed.getCategories());
    JsonNode spa =
        problem(
            failing(
                () ->
                    shop.api()
                        .purchases()
                        .postPurchase(key(), purchase(member.passport(), "500.00", "spa"))),
            400);
    assertEquals(List.of("category"), fields(spa));
    JsonNode wrong =
        problem(
            failing(
                () ->
                    admin
                        .partnerships()
                        .changePartnerCategories(
                            club.slug(),
                            shop.slug(),
                            new PartnerCategories().categories(List.of("florist", "cars")))),
            400);
    assertEquals(List.of("categories[1]"), fields(wrong));

    PartnershipDetails ended = admin.partnerships().endPartnership(club.slug(), shop.slug());
    assertEquals(PartnershipDetails.StatusEnum.ENDED, ended.getStatus());
    assertFalse(ended.getEndedAt() == null);
    assertEquals(
        ended.getEndedAt(),
        admin.partnerships().endPartnership(club.slug(), shop.slug()).getEndedAt(),
        "ending twice changes nothing");
    JsonNode refused =
        problem(
            failing(
                () ->
                    shop.api()
                        .purchases()
                        .postPurchase(key(), purchase(member.passport(), "500.00", "florist"))),
            403);
    assertTrue(refused.get("type").asText().endsWith("/partnership-ended"), refused.toString());
    // History stays: the member's purchase is still hers, and an earlier receipt can be refunded.
    assertEquals(1, member.api().member().listMyPurchases(null, null).getItems().size());
    shop.api().purchases().postRefund(key(), refund(first.getReceiptNumber(), "100.00"));
    problem(
        failing(
            () ->
                admin
                    .partnerships()
                    .changePartnerCategories(
                        club.slug(),
                        shop.slug(),
                        new PartnerCategories().categories(List.of("spa")))),
        404);
    assertEquals(
        PartnershipDetails.StatusEnum.ENDED,
        admin.partnerships().listClubPartners(club.slug()).get(0).getStatus());

    // The operator may link it again: active from now, with the new categories.
    Fixtures.operator()
        .platform()
        .linkPartner(
            club.slug(),
            shop.slug(),
            new club.bloom.client.model.PartnershipTerms().categories(List.of("spa")));
    shop.api().purchases().postPurchase(key(), purchase(member.passport(), "700.00", "spa"));
    PartnershipDetails again = admin.partnerships().listClubPartners(club.slug()).get(0);
    assertEquals(PartnershipDetails.StatusEnum.ACTIVE, again.getStatus());
    assertTrue(again.getSince().isAfter(p.getSince()));
  }
}
