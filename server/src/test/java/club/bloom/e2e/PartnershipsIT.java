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

import club.bloom.client.model.InvitationRedemption;
import club.bloom.client.model.JoinRequest;
import club.bloom.client.model.JoinRequestApproval;
import club.bloom.client.model.JoinRequestCreate;
import club.bloom.client.model.JoinRequestDecline;
import club.bloom.client.model.JoinRequestStatus;
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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Partnerships made by clubs and partners: a club's invitations (mailed or passed on as a code),
 * listed with their status and revoked, redeemed once by a partner's owner; partners' requests to
 * join, approved with the club's categories or declined; the club's partners listed, their
 * categories changed and a partnership ended — purchases refused from then on, history kept; the
 * plan's partnersPerClub limit on every way in.
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

    // An ended partnership holds no place in the plan; the operator may link it again: active
    // from now, with the new categories.
    Fixtures.override("clubs", club.slug(), "partnersPerClub", 1);
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

  @Test
  void simultaneousRequestsToJoinTheSameClubLeaveOnePendingAndRefuseTheOthersWith409()
      throws Exception {
    ClubFixture club = Fixtures.club();
    PartnerFixture shop = lonePartner();
    String owner = Fixtures.partnerStaffToken(List.of(shop.slug()), "partner-owner");
    var body = java.util.Map.of("club", club.slug(), "categories", List.of("spa"));
    int parallel = 8;
    var start = new java.util.concurrent.CountDownLatch(1);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(parallel);
    try {
      List<java.util.concurrent.Future<java.net.http.HttpResponse<String>>> answers =
          new java.util.ArrayList<>();
      for (int i = 0; i < parallel; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return Fixtures.http(
                      "POST", "/partners/" + shop.slug() + "/join-requests", owner, body);
                }));
      }
      start.countDown();
      List<Integer> statuses = new java.util.ArrayList<>();
      for (var answer : answers) {
        var response = answer.get(2, java.util.concurrent.TimeUnit.MINUTES);
        statuses.add(response.statusCode());
        assertTrue(
            response.statusCode() == 201 || response.statusCode() == 409,
            "a race must answer 201 or 409, never "
                + response.statusCode()
                + ": "
                + response.body());
      }
      assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        1,
        Fixtures.as(owner)
            .partnerships()
            .listPartnerJoinRequests(shop.slug(), 10, null)
            .getItems()
            .size());
  }

  /** A partner on no club yet, with a test key (as the operator provisions it). */
  static PartnerFixture lonePartner() throws Exception {
    String slug = Fixtures.unique("partner");
    BloomApi operator = Fixtures.operator();
    operator
        .platform()
        .provisionPartner(
            slug, new club.bloom.client.model.PartnerProvisioning().name("Shop " + slug));
    Fixtures.subscribe(operator, "partners", slug, Fixtures.TEST_PLAN);
    return new PartnerFixture(slug, null);
  }

  static String issue(BloomApi admin, ClubFixture club, String... categories)
      throws club.bloom.client.ApiException {
    return admin
        .partnerships()
        .invitePartner(club.slug(), new PartnerInvitationRequest().categories(List.of(categories)))
        .getCode();
  }

  static String type(JsonNode problem) {
    String type = problem.get("type").asText();
    return type.substring(type.lastIndexOf('/') + 1);
  }

  @Test
  void aPartnerRedeemsACodeOnceAndEveryBadCodeIsRefusedLeavingNothingChanged() throws Exception {
    ClubFixture club = Fixtures.club();
    BloomApi admin = club.admin();
    PartnerFixture shop = lonePartner();
    BloomApi owner = Fixtures.partnerStaff(shop.slug(), "partner-owner");
    String code = issue(admin, club, "spa", "florist");

    JsonNode unknown =
        problem(
            failing(
                () ->
                    owner
                        .partnerships()
                        .redeemPartnerInvitation(
                            shop.slug(), new InvitationRedemption().code("AAAA-BBBB-CCCC-DDDD"))),
            404);
    assertEquals("unknown-invitation-code", type(unknown));
    String revokedCode = issue(admin, club, "spa");
    admin
        .partnerships()
        .revokePartnerInvitation(
            club.slug(),
            admin
                .partnerships()
                .listPartnerInvitations(club.slug(), 1, null)
                .getItems()
                .get(0)
                .getInvitationId());
    assertEquals(
        "invitation-revoked",
        type(
            problem(
                failing(
                    () ->
                        owner
                            .partnerships()
                            .redeemPartnerInvitation(
                                shop.slug(), new InvitationRedemption().code(revokedCode))),
                410)));
    String expiredCode = issue(admin, club, "spa");
    try (Connection db = Fixtures.db();
        PreparedStatement s =
            db.prepareStatement(
                "UPDATE platform.partner_invitation SET expires_at = now() - interval '1 minute'"
                    + " WHERE code_hint = ?")) {
      s.setString(1, expiredCode.substring(expiredCode.length() - 4));
      s.executeUpdate();
    }
    assertEquals(
        "invitation-expired",
        type(
            problem(
                failing(
                    () ->
                        owner
                            .partnerships()
                            .redeemPartnerInvitation(
                                shop.slug(), new InvitationRedemption().code(expiredCode))),
                410)));
    assertTrue(owner.partnerships().listPartnerClubs(shop.slug()).isEmpty(), "nothing changed");

    // A cashier or analyst may not join clubs; another partner's staff does not see this partner.
    problem(
        failing(
            () ->
                Fixtures.partnerStaff(shop.slug(), "cashier")
                    .partnerships()
                    .redeemPartnerInvitation(shop.slug(), new InvitationRedemption().code(code))),
        403);
    PartnerFixture other = lonePartner();
    BloomApi otherOwner = Fixtures.partnerStaff(other.slug(), "partner-owner");
    problem(
        failing(
            () ->
                otherOwner
                    .partnerships()
                    .redeemPartnerInvitation(shop.slug(), new InvitationRedemption().code(code))),
        404);
    problem(failing(() -> otherOwner.partnerships().listPartnerClubs(shop.slug())), 404);

    // Typed loosely, the code works: the partner is in the club with the invitation's categories.
    var joined =
        owner
            .partnerships()
            .redeemPartnerInvitationWithHttpInfo(
                shop.slug(),
                new InvitationRedemption().code(" " + code.toLowerCase().replace("-", " ") + " "));
    assertEquals(201, joined.getStatusCode());
    assertEquals(club.slug(), joined.getData().getClub());
    assertEquals(List.of("florist", "spa"), joined.getData().getCategories());
    assertEquals(PartnershipDetails.JoinedViaEnum.INVITATION, joined.getData().getJoinedVia());
    var retried =
        owner
            .partnerships()
            .redeemPartnerInvitationWithHttpInfo(
                shop.slug(), new InvitationRedemption().code(code));
    assertEquals(200, retried.getStatusCode(), "a retry by the same partner");
    assertEquals(
        "invitation-used",
        type(
            problem(
                failing(
                    () ->
                        otherOwner
                            .partnerships()
                            .redeemPartnerInvitation(
                                other.slug(), new InvitationRedemption().code(code))),
                409)));
    assertEquals(
        "already-partner",
        type(
            problem(
                failing(
                    () ->
                        owner
                            .partnerships()
                            .redeemPartnerInvitation(
                                shop.slug(),
                                new InvitationRedemption().code(issue(admin, club, "wine")))),
                409)));
    PartnerInvitation used =
        admin.partnerships().listPartnerInvitations(club.slug(), 10, null).getItems().stream()
            .filter(i -> code.endsWith(i.getCodeHint()))
            .findFirst()
            .orElseThrow();
    assertEquals(PartnerInvitation.StatusEnum.REDEEMED, used.getStatus());
    assertEquals(shop.slug(), used.getPartner());
    assertEquals(
        List.of(club.slug()),
        Fixtures.partnerStaff(shop.slug(), "partner-analyst")
            .partnerships()
            .listPartnerClubs(shop.slug())
            .stream()
            .map(PartnershipDetails::getClub)
            .toList());

    // The club's plan has room for one partner: the next code is refused with 402, still usable.
    Fixtures.override("clubs", club.slug(), "partnersPerClub", 1);
    String full = issue(admin, club, "spa");
    JsonNode quota =
        problem(
            failing(
                () ->
                    otherOwner
                        .partnerships()
                        .redeemPartnerInvitation(
                            other.slug(), new InvitationRedemption().code(full))),
            402);
    assertEquals("partnersPerClub", quota.get("limit").asText(), quota.toString());
    Fixtures.override("clubs", club.slug(), "partnersPerClub", 2);
    assertEquals(
        201,
        otherOwner
            .partnerships()
            .redeemPartnerInvitationWithHttpInfo(
                other.slug(), new InvitationRedemption().code(full))
            .getStatusCode());
  }

  @Test
  void aPartnerAsksToJoinAndTheClubApprovesWithItsCategoriesOrDeclinesWithAReason()
      throws Exception {
    ClubFixture club = Fixtures.club();
    BloomApi admin = club.admin();
    PartnerFixture shop = lonePartner();
    BloomApi owner = Fixtures.partnerStaff(shop.slug(), "partner-admin");

    JsonNode badCategories =
        problem(
            failing(
                () ->
                    owner
                        .partnerships()
                        .requestToJoinClub(
                            shop.slug(),
                            new JoinRequestCreate()
                                .club(club.slug())
                                .categories(List.of("spa", "cars")))),
            400);
    assertEquals(List.of("categories[1]"), fields(badCategories));
    assertEquals(
        "unknown-club",
        type(
            problem(
                failing(
                    () ->
                        owner
                            .partnerships()
                            .requestToJoinClub(
                                shop.slug(),
                                new JoinRequestCreate().club(Fixtures.unique("nowhere")))),
                404)));
    JoinRequest asked =
        owner
            .partnerships()
            .requestToJoinClub(
                shop.slug(),
                new JoinRequestCreate()
                    .club(club.slug())
                    .categories(List.of("spa", "wine"))
                    .message("Two salons in the centre."));
    assertEquals(JoinRequestStatus.PENDING, asked.getStatus());
    assertEquals(
        "join-request-pending",
        type(
            problem(
                failing(
                    () ->
                        owner
                            .partnerships()
                            .requestToJoinClub(
                                shop.slug(), new JoinRequestCreate().club(club.slug()))),
                409)));

    var pending =
        admin.partnerships().listClubJoinRequests(club.slug(), JoinRequestStatus.PENDING, 10, null);
    assertEquals(
        List.of(asked.getRequestId()),
        pending.getItems().stream().map(JoinRequest::getRequestId).toList());
    assertEquals("Two salons in the centre.", pending.getItems().get(0).getMessage());
    assertEquals(shop.slug(), pending.getItems().get(0).getPartner());
    // Another club's staff sees none of it.
    ClubFixture other = Fixtures.club();
    problem(
        failing(
            () ->
                other
                    .admin()
                    .partnerships()
                    .approveJoinRequest(other.slug(), asked.getRequestId(), null)),
        404);

    JsonNode wrong =
        problem(
            failing(
                () ->
                    admin
                        .partnerships()
                        .approveJoinRequest(
                            club.slug(),
                            asked.getRequestId(),
                            new JoinRequestApproval().categories(List.of("spa", "boats")))),
            400);
    assertEquals(List.of("categories[1]"), fields(wrong));
    assertTrue(owner.partnerships().listPartnerClubs(shop.slug()).isEmpty(), "nothing changed");

    JoinRequest approved =
        admin
            .partnerships()
            .approveJoinRequest(
                club.slug(),
                asked.getRequestId(),
                new JoinRequestApproval().categories(List.of("spa")));
    assertEquals(JoinRequestStatus.APPROVED, approved.getStatus());
    assertEquals(List.of("spa"), approved.getApprovedCategories());
    assertEquals(
        JoinRequestStatus.APPROVED,
        admin
            .partnerships()
            .approveJoinRequest(club.slug(), asked.getRequestId(), null)
            .getStatus(),
        "approving twice changes nothing");
    assertEquals(
        "join-request-decided",
        type(
            problem(
                failing(
                    () ->
                        admin
                            .partnerships()
                            .declineJoinRequest(
                                club.slug(), asked.getRequestId(), new JoinRequestDecline())),
                409)));
    PartnershipDetails mine = owner.partnerships().listPartnerClubs(shop.slug()).get(0);
    assertEquals(List.of("spa"), mine.getCategories());
    assertEquals(PartnershipDetails.JoinedViaEnum.REQUEST, mine.getJoinedVia());
    assertEquals(
        "already-partner",
        type(
            problem(
                failing(
                    () ->
                        owner
                            .partnerships()
                            .requestToJoinClub(
                                shop.slug(), new JoinRequestCreate().club(club.slug()))),
                409)));

    // Another partner is declined, sees why, and may ask again.
    PartnerFixture late = lonePartner();
    BloomApi lateOwner = Fixtures.partnerStaff(late.slug(), "partner-owner");
    JoinRequest second =
        lateOwner
            .partnerships()
            .requestToJoinClub(late.slug(), new JoinRequestCreate().club(club.slug()));
    assertEquals(
        "categories",
        fields(
                problem(
                    failing(
                        () ->
                            admin
                                .partnerships()
                                .approveJoinRequest(club.slug(), second.getRequestId(), null)),
                    400))
            .get(0),
        "no categories asked for, none given");
    admin
        .partnerships()
        .declineJoinRequest(
            club.slug(),
            second.getRequestId(),
            new JoinRequestDecline().reason("We already have a florist in your district."));
    JoinRequest seen =
        lateOwner.partnerships().listPartnerJoinRequests(late.slug(), 10, null).getItems().get(0);
    assertEquals(JoinRequestStatus.DECLINED, seen.getStatus());
    assertEquals("We already have a florist in your district.", seen.getDeclineReason());
    assertTrue(lateOwner.partnerships().listPartnerClubs(late.slug()).isEmpty());
    lateOwner
        .partnerships()
        .requestToJoinClub(late.slug(), new JoinRequestCreate().club(club.slug()));

    // Within the plan: with room for one partner, approving a second is 402 and changes nothing.
    Fixtures.override("clubs", club.slug(), "partnersPerClub", 1);
    UUID again =
        admin
            .partnerships()
            .listClubJoinRequests(club.slug(), JoinRequestStatus.PENDING, 10, null)
            .getItems()
            .get(0)
            .getRequestId();
    problem(
        failing(
            () ->
                admin
                    .partnerships()
                    .approveJoinRequest(
                        club.slug(), again, new JoinRequestApproval().categories(List.of("wine")))),
        402);
    assertEquals(
        JoinRequestStatus.PENDING,
        lateOwner
            .partnerships()
            .listPartnerJoinRequests(late.slug(), 1, null)
            .getItems()
            .get(0)
            .getStatus());
  }
}
