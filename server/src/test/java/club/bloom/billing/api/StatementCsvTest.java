package club.bloom.billing.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import club.bloom.billing.domain.Catalogue;
import club.bloom.billing.domain.Limit;
import club.bloom.billing.domain.Subscription.PlanPeriod;
import club.bloom.billing.domain.UsageStatement;
import club.bloom.billing.domain.UsageStatement.UsageLine;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class StatementCsvTest {
  @Test
  void aStatementIsOneRowPerChargeAndUsageLineAndATotal() throws IOException {
    Instant start = Instant.parse("2026-10-31T21:00:00Z");
    Instant middle = Instant.parse("2026-11-15T21:00:00Z");
    Instant end = Instant.parse("2026-11-30T21:00:00Z");
    UsageStatement statement =
        UsageStatement.compute(
            YearMonth.of(2026, 11),
            ZoneId.of("Europe/Moscow"),
            Instant.parse("2026-12-01T10:00:00Z"),
            List.of(
                new PlanPeriod("start", start, middle), new PlanPeriod("business", middle, end)),
            Catalogue::byCode,
            List.of(
                new UsageLine("purchases", 1234, Limit.PURCHASES_PER_MONTH, 250000L),
                new UsageLine("apiRequests", 98765, null, null),
                new UsageLine("members", 7, Limit.MEMBERS, null)));
    Tenant club =
        Tenant.register(
            TenantKind.CLUB, new Slug("bloom-care"), "Bloom, \"Care\"", "ru", null, start);

    String csv = StatementCsv.render(club, statement);
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))
            .getRecords();

    assertEquals(6, rows.size());
    assertEquals("charge", rows.get(0).get("section"));
    assertEquals("start", rows.get(0).get("item"));
    assertEquals("2450.00", rows.get(0).get("amount"));
    assertEquals("9950.00", rows.get(1).get("amount"));
    assertEquals("purchases", rows.get(2).get("item"));
    assertEquals("1234", rows.get(2).get("quantity"));
    assertEquals("purchasesPerMonth", rows.get(2).get("limit"));
    assertEquals("250000", rows.get(2).get("allowed"));
    assertEquals("", rows.get(4).get("allowed"), "unlimited");
    assertEquals("total", rows.get(5).get("section"));
    assertEquals("closed", rows.get(5).get("item"));
    assertEquals("12400.00", rows.get(5).get("amount"));
    assertEquals("RUB", rows.get(5).get("currency"));
    assertEquals("bloom-care", rows.get(5).get("tenant"));
  }
}
