package club.bloom.nightly.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.SQLException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** A failure becomes a reason code and a class name, never a message. */
class FailureReasonTest {

  private static RuntimeException wrapped(Throwable cause) {
    return new IllegalStateException("outer", new RuntimeException("middle", cause));
  }

  @Test
  void sqlStatesDeepInTheChainNameTheReason() {
    assertEquals("timeout", FailureReason.of(wrapped(new SQLException("x", "57014"))).code());
    assertEquals("lock-conflict", FailureReason.of(wrapped(new SQLException("x", "40P01"))).code());
    assertEquals("lock-conflict", FailureReason.of(wrapped(new SQLException("x", "40001"))).code());
    assertEquals(
        "database-unavailable", FailureReason.of(wrapped(new SQLException("x", "08006"))).code());
    assertEquals(
        "schema-mismatch", FailureReason.of(wrapped(new SQLException("x", "42P01"))).code());
    assertEquals(
        "database-error", FailureReason.of(wrapped(new SQLException("x", "23505"))).code());
  }

  @Test
  void aTimeoutClassIsATimeoutAndAnythingElseAnInternalError() {
    assertEquals("timeout", FailureReason.of(wrapped(new TimeoutException("t"))).code());
    assertEquals("internal-error", FailureReason.of(new IllegalArgumentException("x")).code());
  }

  @Test
  void theErrorIsTheDeepestClassAndNoMessageIsKept() {
    FailureReason reason =
        FailureReason.of(wrapped(new SQLException("value anna@example.ru is bad", "23505")));

    assertEquals("java.sql.SQLException", reason.error());
    assertFalse(reason.toString().contains("anna"));
  }

  @Test
  void aCauseThatIsItsOwnCauseEndsTheWalk() {
    RuntimeException loop =
        new RuntimeException() {
          private static final long serialVersionUID = 1L;

          @Override
          public synchronized Throwable getCause() {
            return this;
          }
        };

    assertEquals("internal-error", FailureReason.of(loop).code());
  }
}
