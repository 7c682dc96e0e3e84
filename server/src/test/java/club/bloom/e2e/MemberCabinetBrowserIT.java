package club.bloom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The member journey in a real browser: Debian's Chromium driven by Playwright (the portal's {@code
 * e2e/member-cabinet.e2e.mjs}) signs the demo member in through Keycloak and checks the passport
 * QR, the history and the progress; the screenshot is kept under {@code
 * server/target/screenshots/}.
 */
class MemberCabinetBrowserIT {

  @Test
  void theDemoMemberSignsInAndSeesPassportHistoryAndProgress() throws Exception {
    Path portal = Path.of(System.getProperty("bloom.portal.dir", "../portal")).toAbsolutePath();
    Path build = Path.of(System.getProperty("bloom.build.dir", "target")).toAbsolutePath();
    String passport = Files.readString(build.resolve("devstack/demo-passport.txt")).strip();
    Path screenshots = Files.createDirectories(build.resolve("screenshots"));
    Path log = screenshots.resolve("member-cabinet.log");

    ProcessBuilder node =
        new ProcessBuilder("node", "e2e/member-cabinet.e2e.mjs")
            .directory(portal.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    node.environment().put("BLOOM_URL", Fixtures.STACK.bloomUrl());
    node.environment().put("CLUB", "bloom-care");
    node.environment().put("MEMBER_USERNAME", "anna@bloomandcare.demo");
    node.environment().put("MEMBER_PASSWORD", "bloom-demo-2026");
    node.environment().put("EXPECT_PASSPORT", passport);
    node.environment().put("EXPECT_MIN_PURCHASES", "3");
    node.environment().put("SCREENSHOT", screenshots.resolve("member-cabinet.png").toString());
    Process process = node.start();
    boolean finished = process.waitFor(180, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    System.out.println(output);
    assertTrue(finished, "the browser test did not finish in 180 s:\n" + output);
    assertEquals(0, process.exitValue(), "browser test failed:\n" + output);
    assertTrue(output.contains("ok - passport QR image loaded"), output);
    assertTrue(output.contains("ok - one-time code for paying with points"), output);
    assertTrue(output.contains("ok - cross-credits shown with where they pay"), output);
    assertTrue(output.contains("ok - one-time code sent by e-mail"), output);
    Mailbox.Mail mail =
        Mailbox.of("anna@bloomandcare.demo").await(s -> s.startsWith("Код для оплаты баллами"));
    assertTrue(mail.text().matches("(?s).*\\b\\d{6}\\b.*"), mail.text());
    assertTrue(output.contains("ok - passport code (TOTP) shown"), output);
    assertTrue(Files.size(screenshots.resolve("member-cabinet.png")) > 10_000);
  }
}
