package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.problem;
import static club.bloom.e2e.Fixtures.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.model.ConsentAnswer;
import club.bloom.client.model.ConsentDocument;
import club.bloom.client.model.ConsentKind;
import club.bloom.client.model.ConsentPublication;
import club.bloom.client.model.ConsentRecord;
import club.bloom.client.model.MemberConsentStatus;
import club.bloom.client.model.MemberConsents;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Versioned consent texts: a new version of the club's terms blocks the member's cabinet actions
 * until she accepts it, and each answer is an append-only record with version, time and channel.
 */
class ConsentIT {

  private static ConsentDocument publish(ClubFixture club, ConsentKind kind, String text)
      throws ApiException {
    return club.admin()
        .clubs()
        .publishConsentDocument(club.slug(), new ConsentPublication().kind(kind).text(text));
  }

  private static MemberConsents accept(MemberFixture member, int version, String channel)
      throws ApiException {
    return member
        .api()
        .member()
        .answerConsent(
            new ConsentAnswer()
                .kind(ConsentKind.TERMS)
                .version(version)
                .action(ConsentAnswer.ActionEnum.ACCEPT)
                .channel(ConsentAnswer.ChannelEnum.fromValue(channel)));
  }

  @Test
  void newTermsBlockTheMemberUntilAcceptedAndTheRecordKeepsVersionTimeAndChannel()
      throws Exception {
    ClubFixture club = Fixtures.club();
    MemberFixture member = club.member();
    club.partner("florist")
        .api()
        .purchases()
        .postPurchase(key(), purchase(member.passport(), "1000.00", "florist"));
    assertEquals(1, member.api().member().listMyPurchases(10, null).getItems().size());

    String v1 = "Правила клуба, редакция 1 " + Fixtures.unique("t");
    ConsentDocument terms1 = publish(club, ConsentKind.TERMS, v1);
    assertEquals(1, terms1.getVersion());
    assertTrue(terms1.getRequired());
    String shown =
        Fixtures.KEYCLOAK
            .adminGet("/admin/realms/" + club.realm() + "/localization/ru")
            .asJsonObject()
            .getString("termsText");
    assertEquals(v1, shown, "Keycloak's registration step shows the current terms");

    var cabinet = member.api().member().getMyCabinet();
    assertEquals(1, cabinet.getPendingConsents().size());
    assertEquals(1, cabinet.getPendingConsents().get(0).getVersion());
    assertEquals(v1, cabinet.getPendingConsents().get(0).getText());
    var blocked = problem(failing(() -> member.api().member().listMyPurchases(10, null)), 403);
    assertEquals("consent-required", blocked.get("type").asText().replaceAll(".*/", ""));
    problem(failing(() -> member.api().member().requestRedemptionCode(null)), 403);
    problem(failing(() -> member.api().member().enrolPassportTotp()), 403);

    OffsetDateTime before = OffsetDateTime.now().minusSeconds(5);
    MemberConsents answered = accept(member, 1, "web");
    ConsentRecord record = answered.getRecords().get(0);
    assertEquals(1, answered.getRecords().size());
    assertEquals(1, record.getVersion());
    assertEquals(ConsentRecord.ChannelEnum.WEB, record.getChannel());
    assertEquals(ConsentRecord.ActionEnum.ACCEPTED, record.getAction());
    assertEquals(terms1.getTextSha256(), record.getTextSha256());
    assertTrue(
        record.getRecordedAt().isAfter(before)
            && record.getRecordedAt().isBefore(OffsetDateTime.now().plusSeconds(5)),
        "recorded now: " + record.getRecordedAt());
    assertEquals(
        MemberConsentStatus.StatusEnum.ACCEPTED, answered.getConsents().get(0).getStatus());
    assertTrue(member.api().member().getMyCabinet().getPendingConsents().isEmpty());
    assertEquals(1, member.api().member().listMyPurchases(10, null).getItems().size());

    ConsentDocument terms2 = publish(club, ConsentKind.TERMS, "Правила клуба, редакция 2");
    assertEquals(2, terms2.getVersion());
    assertEquals(2, member.api().member().getMyCabinet().getPendingConsents().get(0).getVersion());
    problem(failing(() -> member.api().member().listMyPurchases(10, null)), 403);
    var outdated = problem(failing(() -> accept(member, 1, "web")), 409);
    assertTrue(outdated.get("type").asText().endsWith("consent-outdated"), outdated.toString());

    accept(member, 2, "terminal");
    MemberConsents again = accept(member, 2, "api");
    assertEquals(2, again.getRecords().size(), "accepting twice records once");
    assertEquals(ConsentRecord.ChannelEnum.TERMINAL, again.getRecords().get(1).getChannel());
    assertEquals(2, again.getRecords().get(1).getVersion());
    member.api().member().listMyPurchases(10, null);

    List<ConsentDocument> all = club.admin().clubs().listConsentDocuments(club.slug());
    assertEquals(List.of(2, 1), all.stream().map(ConsentDocument::getVersion).toList());

    try (Connection db = Fixtures.db();
        Statement st = db.createStatement()) {
      SQLException refused =
          assertThrows(
              SQLException.class,
              () ->
                  st.executeUpdate("UPDATE " + club.schema() + ".consent_record SET version = 9"));
      assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
      assertThrows(
          SQLException.class,
          () -> st.executeUpdate("DELETE FROM " + club.schema() + ".consent_record"));
    }
  }

  @Test
  void marketingIsOptionalAndCanBeWithdrawnButTheTermsCannot() throws Exception {
    ClubFixture club = Fixtures.club();
    MemberFixture member = club.member();
    publish(club, ConsentKind.MARKETING, "Рассылки о событиях клуба");
    var pending = member.api().member().getMyCabinet().getPendingConsents();
    assertEquals(1, pending.size());
    assertEquals(false, pending.get(0).getRequired());
    member.api().member().listMyPurchases(10, null); // optional texts block nothing

    var me = member.api().member();
    me.answerConsent(
        new ConsentAnswer()
            .kind(ConsentKind.MARKETING)
            .version(1)
            .action(ConsentAnswer.ActionEnum.ACCEPT)
            .channel(ConsentAnswer.ChannelEnum.WEB));
    MemberConsents withdrawn =
        me.answerConsent(
            new ConsentAnswer()
                .kind(ConsentKind.MARKETING)
                .action(ConsentAnswer.ActionEnum.WITHDRAW)
                .channel(ConsentAnswer.ChannelEnum.API));
    assertEquals(
        MemberConsentStatus.StatusEnum.WITHDRAWN, withdrawn.getConsents().get(0).getStatus());
    assertEquals(
        List.of(ConsentRecord.ActionEnum.ACCEPTED, ConsentRecord.ActionEnum.WITHDRAWN),
        withdrawn.getRecords().stream().map(ConsentRecord::getAction).toList());

    publish(club, ConsentKind.TERMS, "Правила");
    var refused =
        problem(
            failing(
                () ->
                    me.answerConsent(
                        new ConsentAnswer()
                            .kind(ConsentKind.TERMS)
                            .action(ConsentAnswer.ActionEnum.WITHDRAW)
                            .channel(ConsentAnswer.ChannelEnum.WEB))),
            409);
    assertTrue(refused.get("type").asText().endsWith("consent-not-withdrawable"));
    var raw =
        Fixtures.http(
            "POST",
            "/me/consents",
            member.token(),
            java.util.Map.of("kind", "cookies", "action", "accept"));
    assertEquals(400, raw.statusCode(), raw.body());
    var invalid = Fixtures.JSON.readTree(raw.body());
    // The contract's schema names the unknown kind and the missing channel.
    assertEquals(
        java.util.Set.of("kind", "channel"),
        java.util.Set.copyOf(Fixtures.fields(invalid)),
        invalid.toString());
  }

  @Test
  void anotherClubsStaffCannotSeeOrPublishTheClubsTexts() throws Exception {
    ClubFixture club = Fixtures.club();
    ClubFixture other = Fixtures.club();
    publish(club, ConsentKind.TERMS, "Правила");
    problem(failing(() -> other.admin().clubs().listConsentDocuments(club.slug())), 404);
    problem(
        failing(
            () ->
                other
                    .admin()
                    .clubs()
                    .publishConsentDocument(
                        club.slug(),
                        new ConsentPublication().kind(ConsentKind.TERMS).text("Чужие правила"))),
        404);
    assertEquals(1, club.admin().clubs().listConsentDocuments(club.slug()).size());
    MemberFixture member = club.member();
    problem(failing(() -> member.api().clubs().listConsentDocuments(club.slug())), 403);
    // A member of the other club is not asked to accept this club's terms.
    assertTrue(other.member().api().member().getMyCabinet().getPendingConsents().isEmpty());
  }
}
