package club.bloom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.devstack.BloomApi;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sign-up journey in a real browser (Debian's Chromium driven by Playwright, the portal's
 * {@code e2e/signup.e2e.mjs}): the form, the verification mail read from the real mail server (by
 * this harness, which hands the link to the browser), provisioning to the end, and the partner's
 * first API key — which then works against the API.
 */
class SignUpBrowserIT {
  private static final Pattern LINK =
      Pattern.compile("(http://\\S+/#/signup/verify/[A-Za-z0-9_-]{43})");

  @Test
  void aPartnerSignsUpInTheBrowserAndItsFirstKeyWorks() throws Exception {
    Path portal = Path.of(System.getProperty("bloom.portal.dir", "../portal")).toAbsolutePath();
    Path build = Path.of(System.getProperty("bloom.build.dir", "target")).toAbsolutePath();
    Path screenshots = Files.createDirectories(build.resolve("screenshots"));
    Path log = screenshots.resolve("signup.log");
    Path linkFile = screenshots.resolve("signup-link.txt");
    Files.deleteIfExists(linkFile);
    String slug = Fixtures.unique("shop");
    String email = slug + "@signup.test";

    ProcessBuilder node =
        new ProcessBuilder("node", "e2e/signup.e2e.mjs")
            .directory(portal.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    node.environment().put("BLOOM_URL", Fixtures.STACK.bloomUrl());
    node.environment().put("SLUG", slug);
    node.environment().put("ADMIN_EMAIL", email);
    node.environment().put("LINK_FILE", linkFile.toString());
    node.environment().put("SCREENSHOT", screenshots.resolve("signup.png").toString());
    Process process = node.start();

    Mailbox.Mail mail = Mailbox.of(email).awaitMail(m -> LINK.matcher(m.text()).find());
    Matcher link = LINK.matcher(mail.text());
    assertTrue(link.find());
    Files.writeString(linkFile, link.group(1));

    boolean finished = process.waitFor(300, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    System.out.println(output);
    assertTrue(finished, "the browser test did not finish in 300 s:\n" + output);
    assertEquals(0, process.exitValue(), "browser test failed:\n" + output);
    assertTrue(output.contains("ok - an empty form is refused field by field"), output);
    assertTrue(output.contains("ok - first API key shown once"), output);
    assertTrue(output.contains("ok - the key is not offered again"), output);
    Matcher key = Pattern.compile("api-key: (bk_live_\\S+)").matcher(output);
    assertTrue(key.find(), output);
    var receipts = BloomApi.as(Fixtures.STACK.bloomUrl(), key.group(1)).purchases();
    assertTrue(receipts.listPurchases(null, null).getItems().isEmpty(), "the key is the partner's");
  }
}
