package club.bloom.shared.domain;

/** What kind of problem a domain exception is; the API maps it to an HTTP status. */
public enum ProblemKind {
  INVALID,
  UNAUTHENTICATED,
  FORBIDDEN,
  NOT_FOUND,
  CONFLICT,
  UNPROCESSABLE
}
