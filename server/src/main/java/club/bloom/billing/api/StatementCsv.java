package club.bloom.billing.api;

import club.bloom.billing.domain.UsageStatement;
import club.bloom.tenancy.domain.Tenant;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A usage statement as a CSV download (RFC 4180, UTF-8, header row): one row per charge, one per
 * usage line, and the total.
 */
final class StatementCsv {
  static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
  private static final String[] HEADER = {
    "tenant_kind",
    "tenant",
    "month",
    "section",
    "item",
    "from",
    "to",
    "quantity",
    "limit",
    "allowed",
    "amount",
    "currency"
  };

  private StatementCsv() {}

  static Response response(Tenant tenant, UsageStatement statement) {
    String file =
        "usage-"
            + BillingDtos.kindName(tenant.kind())
            + "-"
            + tenant.slug()
            + "-"
            + statement.month()
            + ".csv";
    return Response.ok(render(tenant, statement), MEDIA_TYPE)
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .build();
  }

  static String render(Tenant tenant, UsageStatement s) {
    StringWriter out = new StringWriter();
    String kind = BillingDtos.kindName(tenant.kind());
    String slug = tenant.slug().value();
    String month = s.month().toString();
    try (CSVPrinter csv =
        new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
      for (UsageStatement.Charge c : s.charges()) {
        csv.printRecord(
            kind,
            slug,
            month,
            "charge",
            c.planCode(),
            c.from(),
            c.to(),
            "",
            "",
            "",
            c.amount().plain(),
            c.amount().currency());
      }
      for (UsageStatement.UsageLine l : s.usage()) {
        csv.printRecord(
            kind,
            slug,
            month,
            "usage",
            l.metric(),
            "",
            "",
            l.quantity(),
            l.limit() == null ? "" : l.limit().contractName(),
            l.allowed() == null ? "" : l.allowed(),
            "",
            "");
      }
      csv.printRecord(
          kind,
          slug,
          month,
          "total",
          s.closed() ? "closed" : "open",
          s.period().start(),
          s.period().end(),
          "",
          "",
          "",
          s.total().plain(),
          s.total().currency());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
