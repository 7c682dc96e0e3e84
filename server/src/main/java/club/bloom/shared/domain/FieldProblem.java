package club.bloom.shared.domain;

/** One field that is wrong, and why. {@code field} is the JSON path or header name. */
public record FieldProblem(String field, String reason) {}
