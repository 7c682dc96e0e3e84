package club.bloom.billing.infrastructure;

import club.bloom.billing.domain.ApiRequestMeter;
import club.bloom.billing.domain.Metric;
import club.bloom.tenancy.domain.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Counts admitted API requests in {@code platform.usage_counter}, one auto-committed upsert per
 * request on the non-transactional data source: a request is counted when it is admitted, whatever
 * its own transaction does afterwards.
 */
@ApplicationScoped
public class SqlApiRequestMeter implements ApiRequestMeter {
  @Resource(lookup = "jdbc/bloom-nontx")
  DataSource dataSource;

  @Override
  public void count(TenantId tenant, String month) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true);
      try (PreparedStatement upsert =
          connection.prepareStatement(
              "INSERT INTO platform.usage_counter (tenant_id, metric, period, quantity,"
                  + " updated_at) VALUES (?, ?, ?, 1, ?)"
                  + " ON CONFLICT (tenant_id, metric, period) DO UPDATE"
                  + " SET quantity = usage_counter.quantity + 1, updated_at = EXCLUDED.updated_at")) {
        upsert.setObject(1, tenant.value());
        upsert.setString(2, Metric.API_REQUESTS.name());
        upsert.setString(3, month);
        upsert.setTimestamp(4, Timestamp.from(Instant.now()));
        upsert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not count the API request", e);
    }
  }
}
