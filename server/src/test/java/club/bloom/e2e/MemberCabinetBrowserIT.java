package club.bloom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.model.ConsentKind;
import club.bloom.client.model.ConsentPublication;
import club.bloom.client.model.InvitationRequest;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The member journey in a real browser: Debian's Chromium driven by Playwright (the portal's {@code
 * e2e/member-cabinet.e2e.mjs}) signs the demo member in through Keycloak and checks the passport
 * QR, the history and the progress (accepting the club's terms in the cabinet when they are new to
 * her); a fixture member accepts new terms and an Inner Circle invitation. Screenshots are kept
 * under {@code server/target/screenshots/}.
 */
class MemberCabinetBrowserIT {

  @Test
  void theDemoMemberSignsInAndSeesPassportHistoryAndProgress() throws Exception {
    Path build = Path.of(System.getProperty("bloom.build.dir", "target")).toAbsolutePath();
    String passport = Files.readString(build.resolve("devstack/demo-passport.txt")).strip();
    String output =
        journey(
            "member-cabinet",
            Map.of(
                "CLUB", "bloom-care",
                "MEMBER_USERNAME", "anna@bloomandcare.demo",
                "MEMBER_PASSWORD", "bloom-demo-2026",
                "EXPECT_PASSPORT", passport,
                "EXPECT_MIN_PURCHASES", "3"));
    assertTrue(output.contains("ok - passport QR image loaded"), output);
    assertTrue(output.contains("ok - one-time code for paying with points"), output);
    assertTrue(output.contains("ok - cross-credits shown with where they pay"), output);
    assertTrue(output.contains("ok - one-time code sent by e-mail"), output);
    Mailbox.Mail mail =
        Mailbox.of("anna@bloomandcare.demo").await(s -> s.startsWith("Код для оплаты баллами"));
    assertTrue(mail.text().matches("(?s).*\\b\\d{6}\\b.*"), mail.text());
    assertTrue(output.contains("ok - passport code (TOTP) shown"), output);
  }

  /**
   * A member whose club has published new terms and whose owner has invited her to the Inner
   * Circle: the cabinet asks for the terms first, then she accepts the invitation and her passport
   * carries the badge.
   */
  @Test
  void aMemberAcceptsNewTermsAndAnInnerCircleInvitationInTheCabinet() throws Exception {
    ClubFixture club = Fixtures.club();
    MemberFixture member = club.member();
    club.admin()
        .clubs()
        .publishConsentDocument(
            club.slug(),
            new ConsentPublication().kind(ConsentKind.TERMS).text("Правила клуба, редакция 1"));
    club.admin().clubs().inviteMember(club.slug(), new InvitationRequest().memberId(member.id()));
    String output =
        journey(
            "inner-circle",
            Map.of(
                "CLUB",
                club.slug(),
                "MEMBER_USERNAME",
                member.email(),
                "MEMBER_PASSWORD",
                member.password(),
                "EXPECT_PASSPORT",
                member.passport(),
                "EXPECT_MIN_PURCHASES",
                "0",
                "EXPECT_TERMS",
                "1",
                "EXPECT_INVITATION",
                "1",
                "EXPECT_CROSS_CREDITS",
                "0"));
    assertTrue(output.contains("ok - accepted the club's terms in the cabinet"), output);
    assertTrue(output.contains("ok - the passport carries the badge \"Inner Circle\""), output);
    var me = member.api().member().getMyCabinet();
    assertEquals("inner-circle", me.getTier().getCode());
    assertEquals(
        "web", member.api().member().getMyConsents().getRecords().get(0).getChannel().getValue());
  }

  /** Runs the browser script with these variables; returns its output after checking it passed. */
  private static String journey(String name, Map<String, String> env) throws Exception {
    Path portal = Path.of(System.getProperty("bloom.portal.dir", "../portal")).toAbsolutePath();
    Path build = Path.of(System.getProperty("bloom.build.dir", "target")).toAbsolutePath();
    Path screenshots = Files.createDirectories(build.resolve("screenshots"));
    Path log = screenshots.resolve(name + ".log");

    ProcessBuilder node =
        new ProcessBuilder("node", "e2e/member-cabinet.e2e.mjs")
            .directory(portal.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    node.environment().put("BLOOM_URL", Fixtures.STACK.bloomUrl());
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
