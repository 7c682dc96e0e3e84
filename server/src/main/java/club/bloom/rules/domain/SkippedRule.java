package club.bloom.rules.domain;

/** A rule that granted nothing, and why. */
public record SkippedRule(String code, String name, SkipReason reason, String explanation) {}
