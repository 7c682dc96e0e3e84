package club.bloom.billing.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The limits in force for a tenant: its plan's, with the operator's overrides on top. A limit that
 * is absent is unlimited.
 */
public final class Limits {
  private final Map<Limit, Long> values;

  public Limits(Map<Limit, Long> values) {
    Map<Limit, Long> copy = new EnumMap<>(Limit.class);
    values.forEach(
        (limit, value) -> {
          if (value == null || value < 0) {
            throw new IllegalArgumentException(limit + " must be a number ≥ 0: " + value);
          }
          copy.put(limit, value);
        });
    this.values = Collections.unmodifiableMap(copy);
  }

  /** How much the limit allows; empty when unlimited. */
  public OptionalLong allowed(Limit limit) {
    Long value = values.get(limit);
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  /** These limits with the overrides applied; an override without value makes a limit unlimited. */
  public Limits overriddenBy(Collection<LimitOverride> overrides) {
    Map<Limit, Long> merged = new EnumMap<>(Limit.class);
    merged.putAll(values);
    for (LimitOverride o : overrides) {
      if (o.value().isPresent()) {
        merged.put(o.limit(), o.value().getAsLong());
      } else {
        merged.remove(o.limit());
      }
    }
    return new Limits(merged);
  }

  /**
   * The limits these would break given what is used ({@code used}: the quantities that count
   * against each limit when these limits take effect); limits without usage are not checked.
   */
  public List<PlanBelowUsage.Shortfall> shortfalls(Map<Limit, Long> used) {
    List<PlanBelowUsage.Shortfall> shortfalls = new ArrayList<>();
    for (Limit limit : Limit.values()) {
      Long quantity = used.get(limit);
      Long allowed = values.get(limit);
      if (quantity != null && allowed != null && quantity > allowed) {
        shortfalls.add(new PlanBelowUsage.Shortfall(limit, allowed, quantity));
      }
    }
    return shortfalls;
  }

  /** The limits that are set (the others are unlimited). */
  public Map<Limit, Long> asMap() {
    return values;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Limits l && l.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
