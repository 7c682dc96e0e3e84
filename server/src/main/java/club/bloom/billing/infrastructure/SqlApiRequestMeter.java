package club.bloom.billing.infrastructure;

import club.bloom.billing.domain.ApiRequestMeter;
import club.bloom.billing.domain.Metric;
import club.bloom.tenancy.domain.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts admitted API requests in {@code platform.usage_counter}, in a short transaction of its own
 * on the non-transactional data source: a request is counted when it is admitted, whatever its own
 * transaction does afterwards (ADR 0014).
 *
 * <p>Every request of a tenant touches its month's counter, so the counter is split into slots like
 * the purchase counter (ADR 0036): each request adds 1 to a random slot, and requests of one tenant
 * do not queue on one row. The count is informational (no limit is checked against it), so its
 * transaction commits asynchronously ({@code synchronous_commit = off}): it does not wait for the
 * WAL flush, and a crash of PostgreSQL can lose the last fraction of a second of counts, never
 * purchases.
 */
@ApplicationScoped
public class SqlApiRequestMeter implements ApiRequestMeter {
  @Resource(lookup = "jdbc/bloom-nontx")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "bloom.billing.counter-slots", defaultValue = "16")
  int counterSlots;

  @Override
  public void count(TenantId tenant, String month) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement async = connection.createStatement();
          PreparedStatement upsert =
              connection.prepareStatement(
                  "INSERT INTO platform.usage_counter (tenant_id, metric, period, slot, quantity,"
                      + " updated_at) VALUES (?, ?, ?, ?, 1, ?)"
                      + " ON CONFLICT (tenant_id, metric, period, slot) DO UPDATE"
                      + " SET quantity = usage_counter.quantity + 1,"
                      + " updated_at = EXCLUDED.updated_at")) {
        async.execute("SET LOCAL synchronous_commit = off");
        upsert.setObject(1, tenant.value());
        upsert.setString(2, Metric.API_REQUESTS.name());
        upsert.setString(3, month);
        upsert.setShort(4, (short) ThreadLocalRandom.current().nextInt(Math.max(1, counterSlots)));
        upsert.setTimestamp(5, Timestamp.from(Instant.now()));
        upsert.executeUpdate();
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not count the API request", e);
    }
  }
}
