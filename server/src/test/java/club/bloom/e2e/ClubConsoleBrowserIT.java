package club.bloom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.model.EarningRule;
import club.bloom.client.model.EarningRuleSet;
import club.bloom.client.model.LedgerPolicy;
import club.bloom.devstack.BloomApi;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The club console in a real browser: Debian's Chromium driven by Playwright (the portal's {@code
 * e2e/club-console.e2e.mjs}) signs the demo club's admin in, gets an invalid CEL condition refused
 * at its line and column, previews and saves a rule, changes the ledger policy and sees it after a
 * reload; a member is told she has no access. The journey cleans up after itself (the rule has a
 * unique code and only matches a partner that does not exist; the policy is put back); this test
 * checks that it did, and cleans up through the API if the browser could not. The screenshots
 * ({@code club-console.png}, {@code club-console-no-access.png}) are kept under {@code
 * server/target/screenshots/}.
 */
class ClubConsoleBrowserIT {
  private static final String CLUB = "bloom-care";
  private static final String REALM = "club-" + CLUB;
  private static final String ADMIN = "admin@bloomandcare.demo";
  private static final String ADMIN_PASSWORD = "bloom-admin-demo";

  @Test
  void theDemoAdminEditsRulesWithAPreviewAndTheLedgerPolicyAndAMemberHasNoAccess()
      throws Exception {
    Path portal = Path.of(System.getProperty("bloom.portal.dir", "../portal")).toAbsolutePath();
    Path build = Path.of(System.getProperty("bloom.build.dir", "target")).toAbsolutePath();
    Path screenshots = Files.createDirectories(build.resolve("screenshots"));
    Path log = screenshots.resolve("club-console.log");
    Path screenshot = screenshots.resolve("club-console.png");
    String ruleCode = Fixtures.unique("console-e2e");
    BloomApi admin = admin();
    LedgerPolicy before = admin.clubs().getLedgerPolicy(CLUB);
    EarningRuleSet rulesBefore = admin.rules().listEarningRules(CLUB);

    String output;
    Process process;
    boolean finished;
    try {
      ProcessBuilder node =
          new ProcessBuilder("node", "e2e/club-console.e2e.mjs")
              .directory(portal.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      node.environment().put("BLOOM_URL", Fixtures.STACK.bloomUrl());
      node.environment().put("CLUB", CLUB);
      node.environment().put("ADMIN_USERNAME", ADMIN);
      node.environment().put("ADMIN_PASSWORD", ADMIN_PASSWORD);
      node.environment().put("MEMBER_USERNAME", "anna@bloomandcare.demo");
      node.environment().put("MEMBER_PASSWORD", "bloom-demo-2026");
      node.environment().put("RULE_CODE", ruleCode);
      node.environment().put("SCREENSHOT", screenshot.toString());
      // Two sign-ins and two reloads: more waits than the member's journey.
      node.environment().put("E2E_RUN_WAITS", "12");
      process = node.start();
      finished = process.waitFor(300, TimeUnit.SECONDS);
      if (!finished) {
        process.destroyForcibly();
      }
      output = Files.readString(log);
      System.out.println(output);
    } finally {
      cleanUp(admin(), ruleCode, before);
    }

    assertTrue(finished, "the browser test did not finish in 300 s:\n" + output);
    assertEquals(0, process.exitValue(), "browser test failed:\n" + output);
    for (String line :
        List.of(
            "ok - the preview of the draft names the condition's problem: invalid CEL at 2:11:"
                + " undefined field 'amout'",
            "ok - saving is refused with \"invalid CEL at 2:11: undefined field 'amout'",
            "ok - the refused rule is not in the list",
            "ok - the preview shows the unsaved rule firing for " + ruleCode + ": +250",
            "ok - after a reload the rule " + ruleCode + " is in the list, включено",
            "ok - the rule " + ruleCode + " is deleted again",
            "ok - 150 % is refused next to its field",
            "ok - after a reload points may pay up to",
            "ok - the member anna@bloomandcare.demo sees \"no access\"")) {
      assertTrue(output.contains(line), "missing «" + line + "» in:\n" + output);
    }
    assertTrue(Files.size(screenshot) > 10_000, "the screenshot is written");
    assertTrue(
        Files.size(screenshots.resolve("club-console-no-access.png")) > 5_000,
        "the member's refusal is captured too");
    // The journey left the club as it found it.
    assertEquals(before, admin().clubs().getLedgerPolicy(CLUB));
    assertEquals(rulesBefore, admin().rules().listEarningRules(CLUB));
  }

  private static BloomApi admin() {
    Fixtures.KEYCLOAK.ensureDirectGrantClient(REALM, Fixtures.TEST_CLIENT);
    return Fixtures.as(
        Fixtures.KEYCLOAK.passwordGrant(REALM, Fixtures.TEST_CLIENT, ADMIN, ADMIN_PASSWORD));
  }

  /** What the browser should have undone, undone through the API in case it could not. */
  private static void cleanUp(BloomApi admin, String ruleCode, LedgerPolicy before)
      throws Exception {
    EarningRuleSet now = admin.rules().listEarningRules(CLUB);
    List<EarningRule> kept =
        now.getRules().stream().filter(r -> !r.getCode().equals(ruleCode)).toList();
    if (kept.size() != now.getRules().size()) {
      admin.rules().defineEarningRules(CLUB, now.rules(kept), null);
    }
    if (!before.equals(admin.clubs().getLedgerPolicy(CLUB))) {
      admin.clubs().setLedgerPolicy(CLUB, before);
    }
  }
}
