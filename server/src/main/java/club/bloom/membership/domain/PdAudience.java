package club.bloom.membership.domain;

import club.bloom.access.domain.Roles;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The roles the club's PD-access policy speaks of, and how a caller's roles map onto them. A
 * partner's API key with the scope {@code members:lookup} is the cashier's terminal. Roles outside
 * the policy (a platform operator, a key for purchases only) see no personal field.
 */
public enum PdAudience {
  CASHIER("cashier"),
  PARTNER_ANALYST("partner-analyst"),
  CLUB_ANALYST("club-analyst"),
  CLUB_ADMIN("club-admin"),
  CLUB_OWNER("club-owner");

  private final String role;

  PdAudience(String role) {
    this.role = role;
  }

  /** The role's name, as in tokens and in the policy's contract. */
  public String role() {
    return role;
  }

  public static Optional<PdAudience> parse(String role) {
    for (PdAudience a : values()) {
      if (a.role.equals(role)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /** The audiences a caller with these roles belongs to. */
  public static Set<PdAudience> of(Set<String> roles) {
    Set<PdAudience> out = EnumSet.noneOf(PdAudience.class);
    for (PdAudience a : values()) {
      if (roles.contains(a.role)) {
        out.add(a);
      }
    }
    if (roles.contains(Roles.MEMBERS_LOOKUP)) {
      out.add(CASHIER);
    }
    return out;
  }
}
