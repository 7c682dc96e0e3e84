package club.bloom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.model.EnrolledMember;
import club.bloom.client.model.MemberEnrolment;
import club.bloom.client.model.Receipt;
import club.bloom.devstack.BloomApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The cashier's web terminal on a phone, in a real browser: Debian's Chromium driven by Playwright
 * (the portal's {@code e2e/cashier-terminal.e2e.mjs}) at 360×740 with touch. The demo cashier of
 * Flora Studio ({@code kassa@flora.demo}, README) signs in at {@code #/t/flora-studio}, looks up a
 * member enrolled in the demo club for this test (with one earlier purchase), records a purchase
 * and sees the points and the progress; the network drops, two purchases are queued on the device,
 * the page reloads without network from its service worker, one queued purchase reaches the server
 * ahead of the terminal (its answer "lost"), the network returns and the terminal sends both. This
 * test then checks through the partner's API key that each receipt was recorded exactly once, and
 * that Liberty serves the PWA's files with their content types and caching headers. Screenshots
 * ({@code cashier-terminal*.png}) are kept under {@code server/target/screenshots/}.
 */
class CashierTerminalBrowserIT {
  private static final String CLUB = "bloom-care";
  private static final String PARTNER = "flora-studio";
  private static final String CASHIER = "kassa@flora.demo";
  private static final String CASHIER_PASSWORD = "bloom-kassa-demo-2026";
  private static final String PARTNER_KEY = "bk_test_DemoFloraStudio2026BloomCare000120UKhr";

  @Test
  void theDemoCashierRecordsOnlineAndOfflineAndEveryPurchaseIsRecordedOnce() throws Exception {
    Path portal = Path.of(System.getProperty("bloom.portal.dir", "../portal")).toAbsolutePath();
    Path build = Path.of(System.getProperty("bloom.build.dir", "target")).toAbsolutePath();
    Path screenshots = Files.createDirectories(build.resolve("screenshots"));
    Path log = screenshots.resolve("cashier-terminal.log");
    Path screenshot = screenshots.resolve("cashier-terminal.png");
    Path resultFile = screenshots.resolve("cashier-terminal.json");
    Files.deleteIfExists(resultFile);

    // A member of the demo club of her own, so the demo's Anna keeps her history.
    SecureRandom random = new SecureRandom();
    String name = Fixtures.unique("t");
    EnrolledMember member =
        Fixtures.operator()
            .clubs()
            .enrolMember(
                CLUB,
                Fixtures.key(),
                new MemberEnrolment()
                    .firstName("Ирина")
                    .lastName("Кассова")
                    .phone("+7999" + String.format("%07d", random.nextInt(10_000_000)))
                    .email(name + "@members.test"));
    String registerPhone = "+7999" + String.format("%07d", random.nextInt(10_000_000));
    // Her first purchase (through the partner's POS key) gives her a tier and a history.
    BloomApi partnerKey = Fixtures.as(PARTNER_KEY);
    String earlier =
        partnerKey
            .purchases()
            .postPurchase(
                Fixtures.key(), Fixtures.purchase(member.getPassportCode(), "1000.00", "home"))
            .getReceiptNumber();

    ProcessBuilder node =
        new ProcessBuilder("node", "e2e/cashier-terminal.e2e.mjs")
            .directory(portal.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    node.environment().put("BLOOM_URL", Fixtures.STACK.bloomUrl());
    node.environment().put("CASHIER_USERNAME", CASHIER);
    node.environment().put("CASHIER_PASSWORD", CASHIER_PASSWORD);
    node.environment().put("PARTNER", PARTNER);
    node.environment().put("PASSPORT", member.getPassportCode());
    node.environment().put("CATEGORY", "florist");
    node.environment().put("REGISTER_PHONE", registerPhone);
    node.environment().put("RESULT_FILE", resultFile.toString());
    node.environment().put("SCREENSHOT", screenshot.toString());
    node.environment().put("E2E_RUN_WAITS", "14");
    Process process = node.start();
    boolean finished = process.waitFor(300, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    System.out.println(output);
    assertTrue(finished, "the browser test did not finish in 300 s:\n" + output);
    assertEquals(0, process.exitValue(), "browser test failed:\n" + output);
    for (String line :
        List.of(
            "ok - the cashier " + CASHIER + " is at the terminal",
            "ok - the terminal fits a 360 px screen",
            "ok - touch targets are at least 44 px high",
            "ok - the member is shown: tier",
            "ok - only the partner's categories are offered",
            "ok - the service worker is installed and active",
            "ok - the network dropped and the terminal says so",
            "ok - two purchases are queued on the device",
            "ok - reloaded without network, the terminal opens from the service worker",
            "ok - back online, the terminal sent both",
            "ok - nothing is left in the queue on the device",
            "ok - a new member is registered at the counter",
            "ok - the terminal speaks English after the switch")) {
      assertTrue(output.contains(line), "missing «" + line + "» in:\n" + output);
    }
    for (String shot : List.of("", "-offline", "-synced", "-registered")) {
      Path file = screenshots.resolve("cashier-terminal" + shot + ".png");
      assertTrue(Files.size(file) > 10_000, file + " is written");
    }

    // Through the partner's API: the online purchase and both offline ones, each exactly once.
    JsonNode used = Fixtures.JSON.readTree(Files.readString(resultFile));
    List<String> expected = new ArrayList<>();
    expected.add(earlier);
    expected.add(used.get("online").asText());
    used.get("offline").forEach(r -> expected.add(r.asText()));
    List<String> recorded =
        partnerKey.purchases().listPurchases(100, null).getItems().stream()
            .filter(r -> member.getPassportCode().equals(r.getPassportCode()))
            .map(Receipt::getReceiptNumber)
            .sorted()
            .toList();
    assertEquals(expected.stream().sorted().toList(), recorded, "each receipt recorded once");
    assertEquals(4, recorded.size());
  }

  @Test
  void libertyServesTheInstallableAppsFilesWithTheirTypesAndCaching() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = Fixtures.STACK.bloomUrl();

    HttpResponse<String> worker = get(http, base + "/sw.js");
    assertEquals(200, worker.statusCode());
    assertTrue(
        worker.headers().firstValue("Content-Type").orElse("").contains("javascript"),
        worker.headers().toString());
    assertEquals("no-cache", worker.headers().firstValue("Cache-Control").orElse(null));
    assertTrue(worker.body().contains("/api/"), "the worker keeps away from the API");

    HttpResponse<String> manifest = get(http, base + "/manifest.webmanifest");
    assertEquals(200, manifest.statusCode());
    assertTrue(
        manifest
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/manifest+json"),
        manifest.headers().toString());
    assertEquals("no-cache", manifest.headers().firstValue("Cache-Control").orElse(null));
    JsonNode app = Fixtures.JSON.readTree(manifest.body());
    assertEquals("/#/t", app.get("start_url").asText());
    assertEquals("standalone", app.get("display").asText());

    HttpResponse<String> page = get(http, base + "/");
    assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElse(null));
    assertTrue(page.body().contains("rel=\"manifest\""), "the page links the manifest");
    Matcher asset = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(page.body());
    assertTrue(asset.find(), page.body());
    HttpResponse<String> script = get(http, base + asset.group(1));
    assertEquals(200, script.statusCode());
    assertEquals(
        "public, max-age=31536000, immutable",
        script.headers().firstValue("Cache-Control").orElse(null));
    // The portal's policy still holds for the worker and the page.
    assertTrue(
        worker
            .headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("script-src 'self'"));
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
