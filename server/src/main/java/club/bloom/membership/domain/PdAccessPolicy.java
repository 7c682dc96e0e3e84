package club.bloom.membership.domain;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A club's PD-access policy: for each role, the visibility of each personal field. Roles the club
 * has not set follow {@link #defaults()}, which show staff of partners as little as serves the
 * counter (a cashier: the first name and a masked phone) and club staff what running the club
 * needs. A caller in several roles sees, per field, the widest any of them grants; a caller in none
 * sees nothing.
 */
public final class PdAccessPolicy {
  private final Map<PdAudience, Map<PdField, Visibility>> rules;

  private PdAccessPolicy(Map<PdAudience, Map<PdField, Visibility>> rules) {
    this.rules = new EnumMap<>(PdAudience.class);
    for (PdAudience a : PdAudience.values()) {
      Map<PdField, Visibility> row = new EnumMap<>(PdField.class);
      for (PdField f : PdField.values()) {
        row.put(f, rules.getOrDefault(a, Map.of()).getOrDefault(f, Visibility.NONE));
      }
      this.rules.put(a, row);
    }
  }

  /** Bloom's safe defaults. */
  public static PdAccessPolicy defaults() {
    Map<PdAudience, Map<PdField, Visibility>> d = new EnumMap<>(PdAudience.class);
    d.put(
        PdAudience.CASHIER,
        Map.of(PdField.FIRST_NAME, Visibility.FULL, PdField.PHONE, Visibility.MASKED));
    d.put(PdAudience.PARTNER_ANALYST, Map.of());
    d.put(
        PdAudience.CLUB_ANALYST,
        Map.of(
            PdField.FIRST_NAME,
            Visibility.FULL,
            PdField.LAST_NAME,
            Visibility.MASKED,
            PdField.BIRTHDAY,
            Visibility.MASKED));
    Map<PdField, Visibility> all = new EnumMap<>(PdField.class);
    for (PdField f : PdField.values()) {
      all.put(f, Visibility.FULL);
    }
    d.put(PdAudience.CLUB_ADMIN, all);
    d.put(PdAudience.CLUB_OWNER, all);
    return new PdAccessPolicy(d);
  }

  /** This policy with the given roles set as stated (each row names every field). */
  public PdAccessPolicy with(Map<PdAudience, Map<PdField, Visibility>> rows) {
    Map<PdAudience, Map<PdField, Visibility>> next = new EnumMap<>(rules);
    next.putAll(rows);
    return new PdAccessPolicy(next);
  }

  public Visibility visibility(PdAudience audience, PdField field) {
    return rules.get(audience).get(field);
  }

  /** The widest visibility of a field among the caller's audiences; NONE for no audience. */
  public Visibility visibility(Collection<PdAudience> audiences, PdField field) {
    Visibility v = Visibility.NONE;
    for (PdAudience a : audiences) {
      v = v.or(visibility(a, field));
    }
    return v;
  }

  /** One role's row. */
  public Map<PdField, Visibility> row(PdAudience audience) {
    return Map.copyOf(rules.get(audience));
  }

  /** What a caller in these audiences may see of a member's personal data. */
  public DisclosedPersonalData disclose(PersonalData pd, Set<PdAudience> audiences) {
    if (audiences.isEmpty()) {
      return DisclosedPersonalData.NOTHING;
    }
    return new DisclosedPersonalData(
        shown(
            visibility(audiences, PdField.FIRST_NAME),
            pd.firstName(),
            Masking.name(pd.firstName())),
        shown(visibility(audiences, PdField.LAST_NAME), pd.lastName(), Masking.name(pd.lastName())),
        shown(
            visibility(audiences, PdField.PHONE),
            pd.phone() == null ? null : pd.normalizedPhone(),
            Masking.phone(pd.phone() == null ? null : pd.normalizedPhone())),
        shown(
            visibility(audiences, PdField.EMAIL),
            pd.email() == null ? null : pd.normalizedEmail(),
            Masking.email(pd.email() == null ? null : pd.normalizedEmail())),
        shown(
            visibility(audiences, PdField.BIRTHDAY),
            pd.birthday() == null ? null : pd.birthday().toString(),
            Masking.birthday(pd.birthday())));
  }

  private static String shown(Visibility v, String full, String masked) {
    return switch (v) {
      case NONE -> null;
      case MASKED -> masked;
      case FULL -> full;
    };
  }
}
