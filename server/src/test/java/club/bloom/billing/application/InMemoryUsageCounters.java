package club.bloom.billing.application;

import club.bloom.billing.domain.Metric;
import club.bloom.billing.domain.UsageCounters;
import club.bloom.tenancy.domain.TenantId;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Usage counters in memory with the semantics of the SQL ones (no transactions). */
final class InMemoryUsageCounters implements UsageCounters {
  private final Map<String, Long> counters = new HashMap<>();

  private static String key(TenantId tenant, Metric metric, String period) {
    return tenant + "|" + metric + "|" + period;
  }

  @Override
  public boolean addWithin(
      TenantId tenant, Metric metric, String period, long quantity, OptionalLong ceiling) {
    long now = get(tenant, metric, period);
    if (ceiling.isPresent() && now + quantity > ceiling.getAsLong()) {
      return false;
    }
    counters.put(key(tenant, metric, period), now + quantity);
    return true;
  }

  @Override
  public long get(TenantId tenant, Metric metric, String period) {
    return counters.getOrDefault(key(tenant, metric, period), 0L);
  }

  @Override
  public Map<String, Long> byPeriodStartingWith(TenantId tenant, Metric metric, String prefix) {
    Map<String, Long> out = new TreeMap<>();
    String start = tenant + "|" + metric + "|" + prefix;
    counters.forEach(
        (k, v) -> {
          if (k.startsWith(start)) {
            out.put(k.substring(k.lastIndexOf('|') + 1), v);
          }
        });
    return out;
  }

  @Override
  public Map<TenantId, Long> of(Map<TenantId, String> periodOfTenant, Metric metric) {
    Map<TenantId, Long> out = new HashMap<>();
    periodOfTenant.forEach((t, p) -> out.put(t, get(t, metric, p)));
    return out;
  }
}
