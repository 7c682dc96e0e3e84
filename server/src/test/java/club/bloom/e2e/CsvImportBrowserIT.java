package club.bloom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.model.ApiKeyRequest.ScopesEnum;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.Login;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The CSV import in the partner's console, in Debian's Chromium driven by Playwright ({@code
 * portal/e2e/csv-import.e2e.mjs}): the owner saves a mapping, drops a file, sees the progress and
 * the result with the rejected row, and gets the rejections as CSV; this test then checks the
 * import through the API. The screenshot ({@code csv-import.png}) is kept under {@code
 * server/target/screenshots/}.
 */
class CsvImportBrowserIT {

  @Test
  void aPartnersOwnerDropsADaysFileAndSeesItsRejectedRows() throws Exception {
    Path portal = Path.of(System.getProperty("bloom.portal.dir", "../portal")).toAbsolutePath();
    Path build = Path.of(System.getProperty("bloom.build.dir", "target")).toAbsolutePath();
    Path screenshots = Files.createDirectories(build.resolve("screenshots"));
    Path log = screenshots.resolve("csv-import.log");
    Path screenshot = screenshots.resolve("csv-import.png");

    ClubFixture club = Fixtures.club();
    PartnerFixture partner =
        club.partner(List.of(ScopesEnum.PURCHASES_READ, ScopesEnum.IMPORTS_WRITE), "florist");
    MemberFixture member = club.member();
    Login owner = Fixtures.partnerStaffLogin(partner.slug(), "partner-owner");
    String when =
        LocalDateTime.now(ZoneId.of("Europe/Moscow"))
            .minusMinutes(20)
            .format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm"));
    String csv =
        "Дата;Номер чека;Карта;Сумма;Категория\n"
            + when
            + ";"
            + Fixtures.unique("Ч")
            + ";"
            + member.passport()
            + ";1 500,00;florist\n"
            + when
            + ";"
            + Fixtures.unique("Ч")
            + ";"
            + member.passport()
            + ";12.50;florist\n";

    ProcessBuilder node =
        new ProcessBuilder("node", "e2e/csv-import.e2e.mjs")
            .directory(portal.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    node.environment().put("BLOOM_URL", Fixtures.STACK.bloomUrl());
    node.environment().put("OWNER_USERNAME", owner.username());
    node.environment().put("OWNER_PASSWORD", owner.password());
    node.environment().put("PARTNER", partner.slug());
    node.environment().put("CSV", csv);
    node.environment().put("BAD_LINE", "3");
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
    assertTrue(Files.size(screenshot) > 10_000, "the screenshot is written");

    JsonNode list =
        CsvImports.json(
            CsvImports.get("/partners/" + partner.slug() + "/imports", partner.apiKey()));
    assertEquals(1, list.get("items").size());
    JsonNode done = list.get("items").get(0);
    assertEquals("FINISHED", done.get("status").asText());
    assertEquals("kassa-day.csv", done.get("fileName").asText());
    assertEquals(1, done.get("rowsAccepted").asInt());
    assertEquals(1, done.get("rowsRejected").asInt());
    assertEquals(75L, member.api().member().getMyCabinet().getPointsBalance(), "5% of 1 500 ₽");
  }
}
