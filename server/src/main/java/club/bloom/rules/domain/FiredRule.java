package club.bloom.rules.domain;

/**
 * A rule whose condition held: what it earned ({@code points} may be 0 after rounding down) and
 * why; {@code capped} when the club's accrual cap cut it.
 */
public record FiredRule(
    String code,
    String name,
    EffectKind effect,
    String currency,
    long points,
    boolean capped,
    String explanation) {}
