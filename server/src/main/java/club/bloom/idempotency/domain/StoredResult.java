package club.bloom.idempotency.domain;

/** What a completed request answered. */
public record StoredResult(String operation, String requestHash, int status, String body) {}
