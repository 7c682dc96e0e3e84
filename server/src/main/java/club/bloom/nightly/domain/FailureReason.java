package club.bloom.nightly.domain;

import java.sql.SQLException;
import java.util.Objects;

/**
 * Why a run failed, without personal data: a reason code an operator can act on, and the class of
 * the deepest cause (exception messages are not kept: a database error's message may quote the
 * values of a row).
 *
 * <p>Codes: {@code interrupted} (the runner died midway: its replica stopped or crashed), {@code
 * timeout} (a statement or transaction ran out of time), {@code lock-conflict} (a deadlock, a
 * serialization failure, a lock not available), {@code database-unavailable} (no connection),
 * {@code schema-mismatch} (a table or column the run needs is missing: the club's schema is not at
 * the release's changelog), {@code database-error} (any other SQL state), {@code internal-error}
 * (anything else).
 */
public record FailureReason(String code, String error) {
  public static final String INTERRUPTED = "interrupted";

  public FailureReason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(error, "error");
  }

  /** The reason of a run left RUNNING by a runner that died. */
  public static FailureReason interrupted() {
    return new FailureReason(INTERRUPTED, "-");
  }

  /** Classifies a failure by the SQL states and classes in its chain of causes. */
  public static FailureReason of(Throwable failure) {
    Throwable deepest = failure;
    String code = null;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      deepest = t;
      if (code == null && t instanceof SQLException sql && sql.getSQLState() != null) {
        code = bySqlState(sql.getSQLState());
      }
      if (code == null && isTimeout(t)) {
        code = "timeout";
      }
    }
    return new FailureReason(
        code == null ? "internal-error" : code, limit(deepest.getClass().getName()));
  }

  private static String bySqlState(String state) {
    if (state.startsWith("08")) {
      return "database-unavailable";
    }
    return switch (state) {
      case "57014" -> "timeout"; // query_canceled (statement_timeout)
      case "40P01", "40001", "55P03" -> "lock-conflict";
      case "42P01", "42703", "3F000", "42883" -> "schema-mismatch";
      default -> "database-error";
    };
  }

  private static boolean isTimeout(Throwable t) {
    String name = t.getClass().getSimpleName();
    return name.contains("Timeout") || name.contains("TimedOut");
  }

  private static String limit(String text) {
    return text.length() > 200 ? text.substring(0, 200) : text;
  }
}
