package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.KEYCLOAK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.model.ConsentKind;
import club.bloom.client.model.ConsentPublication;
import club.bloom.client.model.ConsentRecord;
import club.bloom.e2e.Fixtures.ClubFixture;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Joining a club online in a real browser (the portal's {@code e2e/join-online.e2e.mjs}): a person
 * chooses "join the club" on its page, registers on Keycloak's registration page, opens the
 * verification link from the real mail (read here over IMAP and handed to the browser), sets her
 * password, and at her first sign-in joins and lands in the cabinet with a passport. Her consents
 * are recorded with their versions and the channel {@code web}. Screenshot under {@code
 * server/target/screenshots/}.
 */
class JoiningOnlineBrowserIT {
  private static final Pattern ACTION_LINK =
      Pattern.compile("(http://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+)");

  @Test
  void aPersonRegistersOnTheClubsPageVerifiesHerAddressAndLandsInTheCabinetWithAPassport()
      throws Exception {
    ClubFixture club = Fixtures.club();
    club.admin()
        .clubs()
        .publishConsentDocument(
            club.slug(),
            new ConsentPublication().kind(ConsentKind.TERMS).text("Правила клуба, редакция 1"));
    club.admin()
        .clubs()
        .publishConsentDocument(
            club.slug(),
            new ConsentPublication().kind(ConsentKind.MARKETING).text("Рассылки клуба, ред. 1"));
    String email = Fixtures.unique("olga") + "@online.test";
    String password = "Olga-online-2026!";
    String phone = "+7999" + String.format("%07d", new SecureRandom().nextInt(10_000_000));

    Path portal = Path.of(System.getProperty("bloom.portal.dir", "../portal")).toAbsolutePath();
    Path build = Path.of(System.getProperty("bloom.build.dir", "target")).toAbsolutePath();
    Path screenshots = Files.createDirectories(build.resolve("screenshots"));
    String name = "join-online";
    Path log = screenshots.resolve(name + ".log");
    Path linkFile = screenshots.resolve(name + ".link");
    Files.deleteIfExists(linkFile);
    ProcessBuilder node =
        new ProcessBuilder("node", "e2e/join-online.e2e.mjs")
            .directory(portal.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    node.environment()
        .putAll(
            java.util.Map.of(
                "CLUB_URL",
                Fixtures.STACK.bloomUrl() + "/#/c/" + club.slug(),
                "MEMBER_EMAIL",
                email,
                "MEMBER_PASSWORD",
                password,
                "MEMBER_PHONE",
                phone,
                "VERIFY_LINK_FILE",
                linkFile.toString(),
                "SCREENSHOT",
                screenshots.resolve(name + ".png").toString()));
    Process process = node.start();
    try {
      // Keycloak mails the verification link to the address she registered: hand it over.
      Mailbox.Mail mail = Mailbox.of(email).awaitMail(m -> ACTION_LINK.matcher(m.text()).find());
      Matcher link = ACTION_LINK.matcher(mail.text());
      assertTrue(link.find(), mail.text());
      Files.writeString(linkFile, link.group(1).replace("&amp;", "&"));
      boolean finished = process.waitFor(240, TimeUnit.SECONDS);
      if (!finished) {
        process.destroyForcibly();
      }
      String output = Files.readString(log);
      System.out.println(output);
      assertTrue(finished, "the browser test did not finish in 240 s:\n" + output);
      assertEquals(0, process.exitValue(), "browser test failed:\n" + output);
      assertTrue(Files.size(screenshots.resolve(name + ".png")) > 10_000);

      Matcher shown = Pattern.compile("passport ([0-9A-Z-]{14})").matcher(output);
      assertTrue(shown.find(), output);
      var her =
          Fixtures.as(KEYCLOAK.passwordGrant(club.realm(), Fixtures.TEST_CLIENT, email, password));
      var cabinet = her.member().getMyCabinet();
      assertEquals(shown.group(1), cabinet.getPassportCode());
      assertEquals("Ольга", cabinet.getFirstName());
      List<ConsentRecord> records = her.member().getMyConsents().getRecords();
      assertEquals(2, records.size(), records::toString);
      assertTrue(records.stream().allMatch(r -> r.getChannel() == ConsentRecord.ChannelEnum.WEB));
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }
  }
}
