package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.problem;
import static club.bloom.e2e.Fixtures.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.model.ApiKeyRequest.ScopesEnum;
import club.bloom.client.model.ConsentKind;
import club.bloom.client.model.ConsentPublication;
import club.bloom.client.model.Invitation;
import club.bloom.client.model.Invitation.StatusEnum;
import club.bloom.client.model.InvitationRequest;
import club.bloom.devstack.BloomApi;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Inner Circle: the club owner invites a member (by id, e-mail or phone), the member accepts in
 * the cabinet and holds the invitation-only tier, shown in her passport, until the owner revokes it
 * and her tier is re-evaluated.
 */
class InnerCircleIT {

  private static List<String> tierHistory(ClubFixture club, MemberFixture member) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection db = Fixtures.db();
        PreparedStatement st =
            db.prepareStatement(
                "SELECT coalesce(from_tier, '-') || '>' || to_tier || ':' || reason FROM "
                    + club.schema()
                    + ".tier_change WHERE member_id = ? ORDER BY changed_at")) {
      st.setObject(1, member.id());
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  @Test
  void anInvitedMemberAcceptsAndHoldsTheInnerCircleUntilTheOwnerRevokesIt() throws Exception {
    ClubFixture club = Fixtures.club();
    PartnerFixture partner =
        club.partner(List.of(ScopesEnum.PURCHASES_WRITE, ScopesEnum.MEMBERS_LOOKUP), "florist");
    MemberFixture member = club.member();
    partner
        .api()
        .purchases()
        .postPurchase(key(), purchase(member.passport(), "1000.00", "florist"));
    BloomApi owner = club.admin();

    Invitation invited =
        owner.clubs().inviteMember(club.slug(), new InvitationRequest().email(member.email()));
    assertEquals(StatusEnum.PENDING, invited.getStatus());
    assertEquals("inner-circle", invited.getTier().getCode());
    assertEquals(Invitation.InvitedViaEnum.EMAIL, invited.getInvitedVia());
    assertEquals(member.id(), invited.getMemberId());
    assertTrue(invited.getExpiresAt().isAfter(OffsetDateTime.now().plusDays(13)));
    var again =
        Fixtures.http(
            "POST",
            "/clubs/" + club.slug() + "/invitations",
            adminToken(club),
            java.util.Map.of("phone", member.phone()));
    assertEquals(200, again.statusCode(), "the open invitation, not a second: " + again.body());
    assertTrue(again.body().contains(invited.getInvitationId().toString()), again.body());

    var mine = member.api().member().listMyInvitations().getItems();
    assertEquals(1, mine.size());
    assertEquals(StatusEnum.PENDING, mine.get(0).getStatus());

    Invitation accepted = member.api().member().acceptInvitation(invited.getInvitationId());
    assertEquals(StatusEnum.ACCEPTED, accepted.getStatus());
    assertEquals(
        StatusEnum.ACCEPTED,
        member.api().member().acceptInvitation(invited.getInvitationId()).getStatus(),
        "accepting again is harmless");
    var cabinet = member.api().member().getMyCabinet();
    assertEquals("inner-circle", cabinet.getTier().getCode());
    assertEquals("Inner Circle", cabinet.getInnerCircle().getTier().getName());
    assertNull(cabinet.getInnerCircle().getUntil(), "no end date unless the invitation gives one");
    assertTrue(partner.api().purchases().lookupMember(member.passport()).getInnerCircle());
    assertEquals(
        List.of("->insider:purchase", "insider>inner-circle:invitation"),
        tierHistory(club, member),
        "recorded once in the tier history");

    Invitation revoked = owner.clubs().revokeInvitation(club.slug(), invited.getInvitationId());
    assertEquals(StatusEnum.REVOKED, revoked.getStatus());
    assertNotNull(revoked.getRevokedAt());
    var after = member.api().member().getMyCabinet();
    assertEquals("insider", after.getTier().getCode(), "re-evaluated: 1,000 ₽ in one category");
    assertNull(after.getInnerCircle());
    assertEquals(
        "inner-circle>insider:invitation-revoked",
        tierHistory(club, member).get(tierHistory(club, member).size() - 1));
    assertEquals(
        StatusEnum.REVOKED,
        owner.clubs().revokeInvitation(club.slug(), invited.getInvitationId()).getStatus(),
        "revoking again changes nothing");
    assertEquals(3, tierHistory(club, member).size());
    var closed =
        problem(
            failing(() -> member.api().member().acceptInvitation(invited.getInvitationId())), 409);
    assertTrue(closed.get("type").asText().endsWith("invitation-closed"), closed.toString());
  }

  @Test
  void invitationsExpireCanBeDeclinedAndMayGrantUntilADate() throws Exception {
    ClubFixture club = Fixtures.club();
    MemberFixture member = club.member();
    BloomApi owner = club.admin();
    Invitation first =
        owner.clubs().inviteMember(club.slug(), new InvitationRequest().memberId(member.id()));
    try (Connection db = Fixtures.db();
        PreparedStatement st =
            db.prepareStatement(
                "UPDATE "
                    + club.schema()
                    + ".invitation SET expires_at = now() - interval '1 minute' WHERE id = ?")) {
      st.setObject(1, first.getInvitationId());
      assertEquals(1, st.executeUpdate());
    }
    assertEquals(
        StatusEnum.EXPIRED,
        member.api().member().listMyInvitations().getItems().get(0).getStatus());
    var expired =
        problem(
            failing(() -> member.api().member().acceptInvitation(first.getInvitationId())), 409);
    assertTrue(expired.get("type").asText().endsWith("invitation-expired"), expired.toString());

    Invitation second =
        owner.clubs().inviteMember(club.slug(), new InvitationRequest().phone(member.phone()));
    assertNotEquals(first.getInvitationId(), second.getInvitationId(), "a new one after expiry");
    assertEquals(
        StatusEnum.DECLINED,
        member.api().member().declineInvitation(second.getInvitationId()).getStatus());
    assertEquals(
        StatusEnum.DECLINED,
        member.api().member().declineInvitation(second.getInvitationId()).getStatus());
    problem(failing(() -> member.api().member().acceptInvitation(second.getInvitationId())), 409);
    problem(
        failing(() -> owner.clubs().revokeInvitation(club.slug(), second.getInvitationId())), 409);
    assertEquals(2, owner.clubs().listInvitations(club.slug(), 10, null).getItems().size());

    OffsetDateTime until = OffsetDateTime.now().plusDays(30).withNano(0);
    Invitation third =
        owner
            .clubs()
            .inviteMember(
                club.slug(),
                new InvitationRequest().memberId(member.id()).until(until).validDays(1));
    member.api().member().acceptInvitation(third.getInvitationId());
    var status = member.api().member().getMyCabinet().getInnerCircle();
    assertEquals(until.toInstant(), status.getUntil().toInstant());
  }

  @Test
  void acceptingNeedsTheClubsCurrentTerms() throws Exception {
    ClubFixture club = Fixtures.club();
    MemberFixture member = club.member();
    Invitation invited =
        club.admin()
            .clubs()
            .inviteMember(club.slug(), new InvitationRequest().email(member.email()));
    club.admin()
        .clubs()
        .publishConsentDocument(
            club.slug(), new ConsentPublication().kind(ConsentKind.TERMS).text("Правила"));
    var refused =
        problem(
            failing(() -> member.api().member().acceptInvitation(invited.getInvitationId())), 403);
    assertTrue(refused.get("type").asText().endsWith("consent-required"), refused.toString());
    assertEquals(
        StatusEnum.PENDING,
        member.api().member().listMyInvitations().getItems().get(0).getStatus(),
        "nothing was accepted");
  }

  @Test
  void otherClubsOwnersOtherMembersAndAdminsWhoAreNotOwnersGetNothing() throws Exception {
    ClubFixture club = Fixtures.club();
    ClubFixture other = Fixtures.club();
    MemberFixture member = club.member();
    MemberFixture neighbour = club.member();
    MemberFixture outsider = other.member();
    Invitation invited =
        club.admin()
            .clubs()
            .inviteMember(club.slug(), new InvitationRequest().memberId(member.id()));

    BloomApi otherOwner = other.admin();
    problem(
        failing(
            () ->
                otherOwner
                    .clubs()
                    .inviteMember(club.slug(), new InvitationRequest().memberId(member.id()))),
        404);
    problem(failing(() -> otherOwner.clubs().listInvitations(club.slug(), 10, null)), 404);
    problem(
        failing(() -> otherOwner.clubs().revokeInvitation(club.slug(), invited.getInvitationId())),
        404);
    var unknown =
        problem(
            failing(
                () -> otherOwner.clubs().revokeInvitation(other.slug(), invited.getInvitationId())),
            404);
    assertTrue(unknown.get("type").asText().endsWith("unknown-invitation"), unknown.toString());
    problem(
        failing(
            () ->
                otherOwner
                    .clubs()
                    .inviteMember(other.slug(), new InvitationRequest().email(member.email()))),
        404);
    assertTrue(outsider.api().member().listMyInvitations().getItems().isEmpty());

    problem(
        failing(() -> neighbour.api().member().acceptInvitation(invited.getInvitationId())), 404);
    problem(
        failing(() -> outsider.api().member().acceptInvitation(invited.getInvitationId())), 404);
    BloomApi adminOnly = club.staff("club-admin");
    problem(failing(() -> adminOnly.clubs().listInvitations(club.slug(), 10, null)), 403);
    assertEquals(
        StatusEnum.PENDING,
        member.api().member().listMyInvitations().getItems().get(0).getStatus());
  }

  private static String adminToken(ClubFixture club) {
    return Fixtures.KEYCLOAK.passwordGrant(
        club.realm(),
        Fixtures.TEST_CLIENT,
        "admin@" + club.slug() + ".test",
        "admin-" + club.slug());
  }
}
