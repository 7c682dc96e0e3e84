package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.KEYCLOAK;
import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.model.ApiKeyRequest.ScopesEnum;
import club.bloom.client.model.ConsentKind;
import club.bloom.client.model.ConsentPublication;
import club.bloom.client.model.ConsentRecord;
import club.bloom.client.model.CounterRegistration;
import club.bloom.client.model.CounterRegistrationResult;
import club.bloom.client.model.MemberStatus;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The confirmation journey in a real browser (the portal's {@code
 * e2e/confirm-registration.e2e.mjs}): a person registered at a partner's counter opens the link
 * from her e-mail, signs in to the club, accepts the terms on the confirmation page and sees her
 * passport and the points credited since the counter. Screenshot under {@code
 * server/target/screenshots/}.
 */
class CounterRegistrationBrowserIT {
  private static final Pattern LINK =
      Pattern.compile("(http\\S+/#/c/[a-z0-9-]+/confirm/[A-Za-z0-9_-]{43})");

  @Test
  void aPersonRegisteredAtTheCounterConfirmsByTheMailedLinkAndSeesHerPoints() throws Exception {
    ClubFixture club = Fixtures.club();
    club.admin()
        .clubs()
        .publishConsentDocument(
            club.slug(),
            new ConsentPublication().kind(ConsentKind.TERMS).text("Правила клуба, редакция 1"));
    PartnerFixture shop =
        club.partner(List.of(ScopesEnum.PURCHASES_WRITE, ScopesEnum.MEMBERS_REGISTER), "florist");
    String email = Fixtures.unique("maria") + "@counter.test";
    String phone =
        "+7999" + String.format("%07d", new java.security.SecureRandom().nextInt(10_000_000));
    CounterRegistrationResult registered =
        shop.api()
            .purchases()
            .registerAtCounter(
                club.slug(),
                key(),
                new CounterRegistration().phone(phone).firstName("Мария").email(email));
    shop.api()
        .purchases()
        .postPurchase(key(), purchase(registered.getPassportCode(), "6000.00", "florist", 10));
    Mailbox.Mail mail = Mailbox.of(email).awaitMail(m -> LINK.matcher(m.text()).find());
    Matcher link = LINK.matcher(mail.text());
    assertTrue(link.find(), mail.text());
    // She registers in the club's realm (here made by the admin API, as the realm's own page
    // would).
    String password = "pw-" + UUID.randomUUID();
    KEYCLOAK.adminSend(
        "POST",
        "/admin/realms/" + club.realm() + "/users",
        jakarta.json.Json.createObjectBuilder()
            .add("username", email)
            .add("email", email)
            .add("emailVerified", true)
            .add("enabled", true)
            .add("firstName", "Мария")
            .add("lastName", "Кассова")
            .add(
                "credentials",
                jakarta.json.Json.createArrayBuilder()
                    .add(
                        jakarta.json.Json.createObjectBuilder()
                            .add("type", "password")
                            .add("value", password)
                            .add("temporary", false)))
            .build());

    String output =
        journey(
            "confirm-registration",
            java.util.Map.of(
                "CONFIRM_URL",
                link.group(1),
                "MEMBER_USERNAME",
                email,
                "MEMBER_PASSWORD",
                password,
                "EXPECT_PASSPORT",
                registered.getPassportCode(),
                "EXPECT_POINTS",
                "300"));
    assertTrue(output.contains("ok - the club's terms are shown before confirming"), output);
    var login =
        Fixtures.as(KEYCLOAK.passwordGrant(club.realm(), Fixtures.TEST_CLIENT, email, password));
    assertEquals(registered.getMemberId(), login.member().getMyCabinet().getMemberId());
    assertEquals(
        ConsentRecord.ChannelEnum.COUNTER_LINK,
        login.member().getMyConsents().getRecords().get(0).getChannel());
    assertEquals(
        MemberStatus.ACTIVE,
        club.admin().clubs().getClubMember(club.slug(), registered.getMemberId()).getStatus());
  }

  /** Runs the browser script with these variables; returns its output after checking it passed. */
  private static String journey(String name, java.util.Map<String, String> env) throws Exception {
    Path portal = Path.of(System.getProperty("bloom.portal.dir", "../portal")).toAbsolutePath();
    Path build = Path.of(System.getProperty("bloom.build.dir", "target")).toAbsolutePath();
    Path screenshots = Files.createDirectories(build.resolve("screenshots"));
    Path log = screenshots.resolve(name + ".log");
    ProcessBuilder node =
        new ProcessBuilder("node", "e2e/confirm-registration.e2e.mjs")
            .directory(portal.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    node.environment().putAll(env);
    node.environment().put("SCREENSHOT", screenshots.resolve(name + ".png").toString());
    Process process = node.start();
    boolean finished = process.waitFor(180, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    System.out.println(output);
    assertTrue(finished, "the browser test did not finish in 180 s:\n" + output);
    assertEquals(0, process.exitValue(), "browser test failed:\n" + output);
    assertTrue(Files.size(screenshots.resolve(name + ".png")) > 10_000);
    return output;
  }
}
