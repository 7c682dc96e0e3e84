package club.bloom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.model.PlatformSignInInfo;
import club.bloom.client.model.SubscriptionUpdate;
import club.bloom.client.model.TenantSummary;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The operator's console in a real browser: Debian's Chromium driven by Playwright (the portal's
 * {@code e2e/operator-console.e2e.mjs}) signs an operator of the platform realm in, finds a partner
 * by its slug, suspends it — its API key is then refused with 403 tenant-suspended — and resumes
 * it, overrides a limit and removes the override, and opens the sign-ups; a user of the platform
 * realm without {@code platform-operator} is told there is no access. This test then checks through
 * the API that the partner is active with no overrides, and puts it so itself if the browser could
 * not. Screenshots ({@code operator-console.png}, {@code operator-console-no-access.png}) are kept
 * under {@code server/target/screenshots/}.
 */
class OperatorConsoleBrowserIT {

  @Test
  void anOperatorSuspendsAPartnerWhoseKeyIsThenRefusedAndResumesItAndOthersHaveNoAccess()
      throws Exception {
    Path portal = Path.of(System.getProperty("bloom.portal.dir", "../portal")).toAbsolutePath();
    Path build = Path.of(System.getProperty("bloom.build.dir", "target")).toAbsolutePath();
    Path screenshots = Files.createDirectories(build.resolve("screenshots"));
    Path log = screenshots.resolve("operator-console.log");
    Path screenshot = screenshots.resolve("operator-console.png");

    // The portal finds the platform realm here before anyone signs in.
    PlatformSignInInfo platform = Fixtures.anonymous().platform().getPlatformSignInInfo();
    assertEquals(
        Fixtures.STACK.keycloakUrl() + "/realms/" + Fixtures.STACK.platformRealm(),
        platform.getIssuer());
    assertEquals("bloom-portal", platform.getClientId());

    ClubFixture club = Fixtures.club();
    PartnerFixture partner = club.partner("florist");
    String realm = Fixtures.STACK.platformRealm();
    String operator = Fixtures.unique("ops") + "@operators.test";
    String operatorPassword = "pw-" + operator;
    Fixtures.KEYCLOAK.ensureUser(realm, operator, operatorPassword, "platform-operator");
    String other = Fixtures.unique("staff") + "@partners.test";
    String otherPassword = "pw-" + other;
    Fixtures.KEYCLOAK.ensureUser(realm, other, otherPassword);

    String output;
    Process process;
    boolean finished;
    try {
      ProcessBuilder node =
          new ProcessBuilder("node", "e2e/operator-console.e2e.mjs")
              .directory(portal.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      node.environment().put("BLOOM_URL", Fixtures.STACK.bloomUrl());
      node.environment().put("OPERATOR_USERNAME", operator);
      node.environment().put("OPERATOR_PASSWORD", operatorPassword);
      node.environment().put("OTHER_USERNAME", other);
      node.environment().put("OTHER_PASSWORD", otherPassword);
      node.environment().put("TENANT", partner.slug());
      node.environment().put("PARTNER_API_KEY", partner.apiKey());
      node.environment().put("SCREENSHOT", screenshot.toString());
      // Two sign-ins and several round trips: more waits than the member's journey.
      node.environment().put("E2E_RUN_WAITS", "14");
      process = node.start();
      finished = process.waitFor(300, TimeUnit.SECONDS);
      if (!finished) {
        process.destroyForcibly();
      }
      output = Files.readString(log);
      System.out.println(output);
    } finally {
      cleanUp(partner);
    }

    assertTrue(finished, "the browser test did not finish in 300 s:\n" + output);
    assertEquals(0, process.exitValue(), "browser test failed:\n" + output);
    for (String line :
        List.of(
            "ok - the operator " + operator + " is in the console",
            "ok - searching \"" + partner.slug().toUpperCase() + "\" finds only " + partner.slug(),
            "ok - suspending without a reason is refused next to the field: is required",
            "ok - the tenant is suspended, with the reason",
            "ok - the suspended partner's API key is refused: 403"
                + " https://bloom.club/problems/tenant-suspended",
            "ok - after resuming, the partner's key is served again (200)",
            "ok - the override is in force",
            "ok - the plan's own limit is back",
            "ok - the sign-ups are listed",
            "ok - " + other + ", not an operator, sees \"no access\"")) {
      assertTrue(output.contains(line), "missing «" + line + "» in:\n" + output);
    }
    assertTrue(Files.size(screenshot) > 10_000, "the screenshot is written");
    // The journey left the partner as it found it, and its key works.
    TenantSummary after = Fixtures.operator().platform().getTenant("partners", partner.slug());
    assertEquals(TenantSummary.StatusEnum.ACTIVE, after.getStatus());
    assertTrue(
        Fixtures.operator()
            .platform()
            .getTenantSubscription("partners", partner.slug())
            .getOverrides()
            .isEmpty());
    partner.api().purchases().listPurchases(1, null);
  }

  /** What the browser should have undone, undone through the API in case it could not. */
  private static void cleanUp(PartnerFixture partner) throws Exception {
    var platform = Fixtures.operator().platform();
    if (platform.getTenant("partners", partner.slug()).getStatus()
        == TenantSummary.StatusEnum.SUSPENDED) {
      platform.resumeTenant("partners", partner.slug());
    }
    if (!platform.getTenantSubscription("partners", partner.slug()).getOverrides().isEmpty()) {
      platform.changeTenantSubscription(
          "partners",
          partner.slug(),
          new SubscriptionUpdate().plan(Fixtures.TEST_PLAN).overrides(List.of()));
    }
  }
}
