package club.bloom.shared.domain;

/** What kind of problem a domain exception is; the API maps it to an HTTP status. */
public enum ProblemKind {
  INVALID,
  UNAUTHENTICATED,
  FORBIDDEN,
  NOT_FOUND,
  CONFLICT,
  UNPROCESSABLE,
  /** Beyond what the tenant's plan allows (402). */
  QUOTA_EXCEEDED,
  /** Too many requests in a short time (429). */
  RATE_LIMITED,
  /** Was there once and is no more, e.g. an expired link (410). */
  GONE,
  /** The request's {@code If-Match} names a version that is no longer current (412). */
  PRECONDITION_FAILED,
  /** The request body is larger than the operation takes (413). */
  PAYLOAD_TOO_LARGE
}
