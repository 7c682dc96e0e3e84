package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.failing;
import static club.bloom.e2e.Fixtures.fields;
import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.problem;
import static club.bloom.e2e.Fixtures.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.model.EnrolledMember;
import club.bloom.client.model.InvitationRedemption;
import club.bloom.client.model.JoinRequest;
import club.bloom.client.model.JoinRequestApproval;
import club.bloom.client.model.JoinRequestCreate;
import club.bloom.client.model.JoinRequestStatus;
import club.bloom.client.model.MemberEnrolment;
import club.bloom.client.model.PartnerInvitationRequest;
import club.bloom.client.model.PartnershipDetails;
import club.bloom.client.model.Receipt;
import club.bloom.client.model.SignUpRequest;
import club.bloom.client.model.SignUpVerification;
import club.bloom.client.model.UsageLine;
import club.bloom.devstack.BloomApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The coalition end to end, every tenant signed up through the public flow: three clubs and a
 * partner business apply, verify their admin's address from the real mail, are provisioned, and
 * their admins set a password from Keycloak's mail and sign in. Club A invites the partner with a
 * code, the partner asks to join club B, which approves other categories; club C stays apart. The
 * partner's first API key posts purchases for members of A and B: the passport decides the club,
 * each club's categories hold, each club sees only its own, and C's members are out of reach.
 */
class CoalitionOnboardingIT {
  private static final Pattern ACTION_LINK =
      Pattern.compile("(http://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+)");

  /** A tenant signed up through the public flow, its admin signed in. */
  record SignedUp(String slug, String email, BloomApi admin, String firstKey) {}

  /**
   * Applies, follows the link of the real verification mail, waits for provisioning, sets the
   * admin's password from Keycloak's real mail and signs the admin in; a partner also takes its
   * first API key (shown once).
   */
  static SignedUp signUp(String kind, String prefix) throws Exception {
    String slug = Fixtures.unique(prefix);
    String email = slug + "@signup.test";
    SignUpRequest application = SignUpIT.application(kind, slug, email);
    String token = SignUpIT.applyAndReadLink(application);
    Fixtures.anonymous().signup().verifySignUp(new SignUpVerification().token(token));
    SignUpIT.awaitReady(token);
    String firstKey =
        kind.equals("partner")
            ? Fixtures.anonymous().signup().revealFirstApiKey(token).getKey()
            : null;
    Mailbox.Mail invitation =
        Mailbox.of(email).awaitMail(m -> ACTION_LINK.matcher(m.text()).find());
    Matcher action = ACTION_LINK.matcher(invitation.text());
    assertTrue(action.find());
    String password = "Pw-" + slug + "-2026!";
    SignUpIT.setPasswordThroughKeycloak(action.group(1).replace("&amp;", "&"), password);
    String realm = kind.equals("club") ? "club-" + slug : Fixtures.STACK.platformRealm();
    Fixtures.KEYCLOAK.ensureDirectGrantClient(realm, Fixtures.TEST_CLIENT);
    String access =
        kind.equals("club")
            ? Fixtures.KEYCLOAK.passwordGrant(realm, Fixtures.TEST_CLIENT, email, password)
            : Fixtures.KEYCLOAK.passwordGrant(
                realm, Fixtures.TEST_CLIENT, email, password, "openid organization");
    return new SignedUp(slug, email, Fixtures.as(access), firstKey);
  }

  /** A member enrolled by the club's own admin. */
  record Member(String club, String passport, java.util.UUID id) {}

  static Member enrol(SignedUp club) throws Exception {
    String name = Fixtures.unique("m");
    EnrolledMember m =
        club.admin()
            .clubs()
            .enrolMember(
                club.slug(),
                key(),
                new MemberEnrolment()
                    .firstName("Вера")
                    .lastName("Тестова")
                    .email(name + "@members.test")
                    .phone("+7999" + (1_000_000 + (int) (Math.random() * 8_999_999))));
    return new Member(club.slug(), m.getPassportCode(), m.getMemberId());
  }

  private static long usage(SignedUp club, String metric) throws Exception {
    return club.admin().billing().getClubSubscription(club.slug()).getUsage().stream()
        .filter(l -> metric.equals(l.getMetric()))
        .mapToLong(UsageLine::getQuantity)
        .sum();
  }

  @Test
  void aPartnerInTwoOfThreeSelfServiceClubsPostsForBothAndEachClubSeesOnlyItsOwn()
      throws Exception {
    // Four public sign-ups at once, as four businesses would: each waits on its own mail.
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Map<String, Future<SignedUp>> started = new ConcurrentHashMap<>();
    try {
      for (String[] t :
          new String[][] {{"a", "club"}, {"b", "club"}, {"c", "club"}, {"p", "partner"}}) {
        started.put(t[0], pool.submit(() -> signUp(t[1], t[1].equals("club") ? "club" : "shop")));
      }
      SignedUp clubA = started.get("a").get();
      SignedUp clubB = started.get("b").get();
      SignedUp clubC = started.get("c").get();
      SignedUp shop = started.get("p").get();
      for (SignedUp club : List.of(clubA, clubB, clubC)) {
        Fixtures.configure(club.admin(), club.slug());
      }

      // Club A invites the partner by code; the partner's owner redeems it.
      String code =
          clubA
              .admin()
              .partnerships()
              .invitePartner(
                  clubA.slug(),
                  new PartnerInvitationRequest().categories(List.of("florist", "spa")))
              .getCode();
      PartnershipDetails inA =
          shop.admin()
              .partnerships()
              .redeemPartnerInvitation(shop.slug(), new InvitationRedemption().code(code));
      assertEquals(clubA.slug(), inA.getClub());

      // The partner asks to join club B; B approves other categories than asked for.
      JoinRequest asked =
          shop.admin()
              .partnerships()
              .requestToJoinClub(
                  shop.slug(),
                  new JoinRequestCreate()
                      .club(clubB.slug())
                      .categories(List.of("florist", "spa", "wine"))
                      .message("Flowers and wine, two shops."));
      JoinRequest pending =
          clubB
              .admin()
              .partnerships()
              .listClubJoinRequests(clubB.slug(), JoinRequestStatus.PENDING, 10, null)
              .getItems()
              .get(0);
      assertEquals(asked.getRequestId(), pending.getRequestId());
      clubB
          .admin()
          .partnerships()
          .approveJoinRequest(
              clubB.slug(),
              asked.getRequestId(),
              new JoinRequestApproval().categories(List.of("florist", "wine")));

      // The partner's two relationships, each with its own categories; C is not among them.
      Map<String, List<String>> clubs =
          shop.admin().partnerships().listPartnerClubs(shop.slug()).stream()
              .collect(
                  Collectors.toMap(PartnershipDetails::getClub, PartnershipDetails::getCategories));
      assertEquals(
          Map.of(clubA.slug(), List.of("florist", "spa"), clubB.slug(), List.of("florist", "wine")),
          clubs);
      assertEquals(
          List.of(shop.slug()),
          clubB.admin().partnerships().listClubPartners(clubB.slug()).stream()
              .map(PartnershipDetails::getPartner)
              .toList());
      assertTrue(clubC.admin().partnerships().listClubPartners(clubC.slug()).isEmpty());

      // Members in each club, enrolled by each club's own admin.
      Member anna = enrol(clubA);
      Member bella = enrol(clubB);
      Member clara = enrol(clubC);

      // The partner's first API key posts for members of A and B: the passport decides the club.
      BloomApi pos = Fixtures.as(shop.firstKey());
      assertEquals(
          clubA.slug(),
          pos.purchases()
              .postPurchase(key(), purchase(anna.passport(), "2500.00", "spa"))
              .getClub());
      assertEquals(
          clubB.slug(),
          pos.purchases()
              .postPurchase(key(), purchase(bella.passport(), "1800.00", "wine"))
              .getClub());
      pos.purchases().postPurchase(key(), purchase(bella.passport(), "900.00", "florist"));
      // Spa is allowed in A, not in B.
      JsonNode spaInB =
          problem(
              failing(
                  () ->
                      pos.purchases()
                          .postPurchase(key(), purchase(bella.passport(), "700.00", "spa"))),
              400);
      assertEquals(List.of("category"), fields(spaInB));
      assertTrue(spaInB.toString().contains("florist, wine"), spaInB.toString());
      // C's member is out of reach, and so is B's wine for A's member.
      JsonNode inC =
          problem(
              failing(
                  () ->
                      pos.purchases()
                          .postPurchase(key(), purchase(clara.passport(), "500.00", "florist"))),
              404);
      assertTrue(inC.get("type").asText().endsWith("/unknown-passport"), inC.toString());
      problem(
          failing(
              () ->
                  pos.purchases().postPurchase(key(), purchase(anna.passport(), "500.00", "wine"))),
          400);

      // Each club sees only its own members and purchases; C sees none of the partner's.
      assertEquals(1, usage(clubA, "purchases"));
      assertEquals(2, usage(clubB, "purchases"));
      assertEquals(0, usage(clubC, "purchases"));
      for (SignedUp club : List.of(clubA, clubB, clubC)) {
        assertEquals(1, usage(club, "members"), club.slug());
      }
      assertEquals(
          clubA.slug(), clubA.admin().clubs().getClubMember(clubA.slug(), anna.id()).getClub());
      problem(failing(() -> clubA.admin().clubs().getClubMember(clubA.slug(), bella.id())), 404);
      problem(failing(() -> clubA.admin().clubs().getClubMember(clubB.slug(), bella.id())), 404);
      problem(failing(() -> clubC.admin().clubs().getClubMember(clubC.slug(), anna.id())), 404);
      problem(failing(() -> clubC.admin().partnerships().listClubPartners(clubA.slug())), 404);
      problem(
          failing(
              () ->
                  clubB.admin().partnerships().listClubJoinRequests(clubA.slug(), null, 10, null)),
          404);

      // The partner's receipts keep the two relationships apart.
      Map<String, List<String>> receipts =
          pos.purchases().listPurchases(50, null).getItems().stream()
              .collect(
                  Collectors.groupingBy(
                      Receipt::getClub,
                      Collectors.mapping(
                          r -> r.getCategory() + "@" + r.getPassportCode(), Collectors.toList())));
      assertEquals(
          Map.of(
              clubA.slug(),
              List.of("spa@" + anna.passport()),
              clubB.slug(),
              List.of("florist@" + bella.passport(), "wine@" + bella.passport())),
          Map.of(
              clubA.slug(),
              receipts.get(clubA.slug()),
              clubB.slug(),
              receipts.get(clubB.slug()).stream().sorted().toList()),
          receipts.toString());
      assertEquals(2, receipts.size(), "no receipt in C");
    } finally {
      pool.shutdownNow();
    }
  }
}
