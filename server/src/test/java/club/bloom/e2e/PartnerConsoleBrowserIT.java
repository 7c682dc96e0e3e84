package club.bloom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.ApiException;
import club.bloom.client.model.ApiKey;
import club.bloom.client.model.PartnerInvitationRequest;
import club.bloom.client.model.PartnershipDetails;
import club.bloom.client.model.StaffMember;
import club.bloom.client.model.StaffRole;
import club.bloom.devstack.BloomApi;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.Login;
import club.bloom.e2e.Fixtures.PartnerFixture;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The partner's console in a real browser: Debian's Chromium driven by Playwright (the portal's
 * {@code e2e/partner-console.e2e.mjs}) signs the partner's owner in (platform realm, member of the
 * partner's organization), sees its club, issues an API key — this test calls {@code GET
 * /purchases} with the secret the browser was shown, while the journey waits — revokes it (then
 * 401), invites a cashier (whose set-password mail this test reads) and redeems an invitation code
 * another club's admin created through the API (the club then appears). This test then checks the
 * outcome through the API; the owner of another partner is told there is no access. The screenshot
 * ({@code partner-console.png}) is kept under {@code server/target/screenshots/}.
 */
class PartnerConsoleBrowserIT {

  private static final Pattern ACTION_LINK =
      Pattern.compile("(http://[^\\s\"<>]+/login-actions/action-token\\?[^\\s\"<>]+)");

  @Test
  void aPartnersOwnerManagesKeysStaffAndClubsInTheConsole() throws Exception {
    Path portal = Path.of(System.getProperty("bloom.portal.dir", "../portal")).toAbsolutePath();
    Path build = Path.of(System.getProperty("bloom.build.dir", "target")).toAbsolutePath();
    Path screenshots = Files.createDirectories(build.resolve("screenshots"));
    Path log = screenshots.resolve("partner-console.log");
    Path screenshot = screenshots.resolve("partner-console.png");
    Path keyFile = screenshots.resolve("partner-console.key");
    Path checked = screenshots.resolve("partner-console.key.checked");
    Files.deleteIfExists(keyFile);
    Files.deleteIfExists(checked);

    ClubFixture club = Fixtures.club();
    PartnerFixture partner = club.partner("florist");
    Login owner = Fixtures.partnerStaffLogin(partner.slug(), "partner-owner");
    // Another club's admin invites partners by code; the owner redeems it in the browser.
    ClubFixture inviting = Fixtures.club();
    String code =
        inviting
            .admin()
            .partnerships()
            .invitePartner(
                inviting.slug(), new PartnerInvitationRequest().categories(List.of("florist")))
            .getCode();
    String cashier = Fixtures.unique("cashier") + "@partners.test";
    Login other = Fixtures.partnerStaffLogin(inviting.partner("florist").slug(), "partner-owner");

    ProcessBuilder node =
        new ProcessBuilder("node", "e2e/partner-console.e2e.mjs")
            .directory(portal.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    node.environment().put("BLOOM_URL", Fixtures.STACK.bloomUrl());
    node.environment().put("OWNER_USERNAME", owner.username());
    node.environment().put("OWNER_PASSWORD", owner.password());
    node.environment().put("PARTNER", partner.slug());
    node.environment().put("CLUB", club.slug());
    node.environment().put("CATEGORY", "florist");
    node.environment().put("INVITING_CLUB", inviting.slug());
    node.environment().put("INVITATION_CODE", code);
    node.environment().put("CASHIER_EMAIL", cashier);
    node.environment().put("KEY_FILE", keyFile.toString());
    node.environment().put("SCREENSHOT", screenshot.toString());
    node.environment().put("OTHER_USERNAME", other.username());
    node.environment().put("OTHER_PASSWORD", other.password());
    node.environment().put("E2E_RUN_WAITS", "14");
    Process process = node.start();

    // While the journey runs: try the key the browser was shown, and tell the journey the answer.
    String secret = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (process.isAlive() && System.nanoTime() < deadline) {
      if (secret == null && Files.exists(keyFile)) {
        secret = Files.readString(keyFile).trim();
        int status = statusOf(BloomApi.as(Fixtures.STACK.bloomUrl(), secret));
        Files.writeString(checked, Integer.toString(status));
      }
      Thread.sleep(200);
    }
    boolean finished = process.waitFor(1, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    System.out.println(output);
    Files.deleteIfExists(keyFile);

    assertTrue(finished, "the browser test did not finish in 300 s:\n" + output);
    assertEquals(0, process.exitValue(), "browser test failed:\n" + output);
    for (String line :
        List.of(
            "ok - the owner " + owner.username() + " is in the partner's console",
            "ok - the partner sees its club " + club.slug(),
            "ok - the new key is shown once, with a copy hint",
            "ok - the list of keys does not show the secret",
            "ok - the key works against GET /api/v1/purchases: 200",
            "ok - the revoked key is refused: 401",
            "ok - the cashier " + cashier + " is on the staff, invited",
            "ok - a made-up invitation code is refused next to the field",
            "ok - after redeeming the code the club " + inviting.slug() + " is listed",
            "ok - " + other.username() + ", another partner's owner, sees \"no access\"")) {
      assertTrue(output.contains(line), "missing «" + line + "» in:\n" + output);
    }
    assertTrue(Files.size(screenshot) > 10_000, "the screenshot is written");

    // The key the browser issued worked, and is now refused.
    assertTrue(secret != null && secret.startsWith("bk_live_"), "the journey handed the key over");
    assertEquals(401, statusOf(BloomApi.as(Fixtures.STACK.bloomUrl(), secret)));
    BloomApi operator = Fixtures.operator();
    String issued = secret;
    ApiKey revoked =
        operator.access().listPartnerApiKeys(partner.slug()).stream()
            .filter(k -> issued.startsWith(k.getPrefix()))
            .findFirst()
            .orElseThrow();
    assertEquals(ApiKey.StatusEnum.REVOKED, revoked.getStatus());
    assertEquals("E2E till", revoked.getLabel());

    // The cashier is invited and gets the set-password mail.
    StaffMember invited =
        operator.staff().listPartnerStaff(partner.slug()).stream()
            .filter(m -> cashier.equalsIgnoreCase(m.getEmail()))
            .findFirst()
            .orElseThrow();
    assertTrue(invited.getRoles().contains(StaffRole.CASHIER), invited.toString());
    Mailbox.Mail mail = Mailbox.of(cashier).awaitMail(m -> ACTION_LINK.matcher(m.text()).find());
    assertTrue(ACTION_LINK.matcher(mail.text()).find(), mail.text());

    // The partner is in the inviting club now, with the invitation's categories.
    PartnershipDetails joined =
        operator.partnerships().listPartnerClubs(partner.slug()).stream()
            .filter(p -> inviting.slug().equals(p.getClub()))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("florist"), joined.getCategories());
    assertEquals(PartnershipDetails.StatusEnum.ACTIVE, joined.getStatus());
  }

  /** The status {@code GET /purchases} answers a bearer. */
  private static int statusOf(BloomApi api) {
    try {
      api.purchases().listPurchases(1, null);
      return 200;
    } catch (ApiException e) {
      return e.getCode();
    }
  }
}
