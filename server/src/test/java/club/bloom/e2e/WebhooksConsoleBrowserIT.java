package club.bloom.e2e;

import static club.bloom.e2e.Fixtures.key;
import static club.bloom.e2e.Fixtures.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.model.WebhookEndpoint;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.Login;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import club.bloom.e2e.WebhookReceiver.Received;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Webhooks in the partner's console, in a real browser (the portal's {@code
 * e2e/webhooks-console.e2e.mjs}): the owner registers an endpoint and is shown its secret once;
 * this test posts a purchase and verifies, with the secret the browser showed, the signature its
 * receiver got; the journey then reads the delivery log, redelivers, rotates and disables. The
 * screenshot ({@code webhooks-console.png}) is kept under {@code server/target/screenshots/}.
 */
class WebhooksConsoleBrowserIT {
  @Test
  void aPartnersOwnerRegistersAnEndpointAndReadsItsLogInTheConsole() throws Exception {
    Path portal = Path.of(System.getProperty("bloom.portal.dir", "../portal")).toAbsolutePath();
    Path build = Path.of(System.getProperty("bloom.build.dir", "target")).toAbsolutePath();
    Path screenshots = Files.createDirectories(build.resolve("screenshots"));
    Path log = screenshots.resolve("webhooks-console.log");
    Path screenshot = screenshots.resolve("webhooks-console.png");
    Path secretFile = screenshots.resolve("webhooks-console.secret");
    Path checked = screenshots.resolve("webhooks-console.secret.checked");
    Files.deleteIfExists(secretFile);
    Files.deleteIfExists(checked);

    ClubFixture club = Fixtures.club();
    PartnerFixture partner = club.partner("florist");
    MemberFixture member = club.member();
    Login owner = Fixtures.partnerStaffLogin(partner.slug(), "partner-owner");
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      ProcessBuilder node =
          new ProcessBuilder("node", "e2e/webhooks-console.e2e.mjs")
              .directory(portal.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      node.environment().put("BLOOM_URL", Fixtures.STACK.bloomUrl());
      node.environment().put("OWNER_USERNAME", owner.username());
      node.environment().put("OWNER_PASSWORD", owner.password());
      node.environment().put("PARTNER", partner.slug());
      node.environment().put("RECEIVER_URL", receiver.url("/console"));
      node.environment().put("SECRET_FILE", secretFile.toString());
      node.environment().put("SCREENSHOT", screenshot.toString());
      node.environment().put("E2E_RUN_WAITS", "14");
      Process process = node.start();

      // While the journey runs: a purchase, and its signature checked with the shown secret.
      String secret = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
      while (process.isAlive() && System.nanoTime() < deadline) {
        if (secret == null && Files.exists(secretFile)) {
          secret = Files.readString(secretFile).trim();
          partner
              .api()
              .purchases()
              .postPurchase(key(), purchase(member.passport(), "100.00", "florist"));
          Received got =
              receiver
                  .await(
                      "/console",
                      r -> r.stream().anyMatch(Received::accepted),
                      Duration.ofSeconds(60))
                  .get(0);
          Files.writeString(
              checked, WebhookReceiver.verify(got, secret) ? "verified" : "not verified");
        }
        Thread.sleep(200);
      }
      boolean finished = process.waitFor(1, TimeUnit.SECONDS);
      if (!finished) {
        process.destroyForcibly();
      }
      String output = Files.readString(log);
      System.out.println(output);
      Files.deleteIfExists(secretFile);

      assertTrue(finished, "the browser test did not finish in 300 s:\n" + output);
      assertEquals(0, process.exitValue(), "browser test failed:\n" + output);
      for (String line :
          List.of(
              "ok - the signing secret is shown once after registering",
              "ok - the list of endpoints does not show the secret",
              "ok - a purchase arrived signed with that secret: verified",
              "ok - the log shows the message delivered",
              "ok - rotating shows a new secret once",
              "ok - the endpoint is disabled")) {
        assertTrue(output.contains(line), "missing «" + line + "» in:\n" + output);
      }
      assertTrue(Files.size(screenshot) > 10_000, "the screenshot is written");

      // What the browser did is what the API says; the redelivery came with the same id.
      List<WebhookEndpoint> endpoints =
          Fixtures.operator().webhooks().listPartnerWebhookEndpoints(partner.slug());
      assertEquals(1, endpoints.size());
      assertEquals(WebhookEndpoint.StatusEnum.DISABLED, endpoints.get(0).getStatus());
      assertEquals("E2E receiver", endpoints.get(0).getDescription());
      List<Received> accepted = receiver.accepted("/console");
      assertTrue(accepted.size() >= 1, accepted.toString());
      assertTrue(
          accepted.stream().allMatch(r -> r.id().equals(accepted.get(0).id())),
          accepted.toString());
    }
  }
}
