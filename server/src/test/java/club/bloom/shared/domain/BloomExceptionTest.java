package club.bloom.shared.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** What logs see of a domain exception (issue 9, item 13): never its detail. */
class BloomExceptionTest {
  @Test
  void logsAndStackTracesShowTheTypeAndTitleButNotTheDetail() {
    Conflict e =
        new Conflict("already-staff", "Already staff", "anna@example.org is already staff");
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    assertFalse(trace.toString().contains("anna@example.org"), trace::toString);
    assertFalse(e.toString().contains("anna@example.org"), e::toString);
    assertEquals("club.bloom.shared.domain.Conflict: already-staff (Already staff)", e.toString());
    // The caller still reads the detail in the problem+json answer.
    assertEquals("anna@example.org is already staff", e.getMessage());
  }

  @Test
  void aCauseShowsNoDetailEither() {
    RuntimeException wrapped =
        new RuntimeException("wrapped", new NotFound("unknown-x", "Unknown", "no 79161234567"));
    StringWriter trace = new StringWriter();
    wrapped.printStackTrace(new PrintWriter(trace));
    assertFalse(trace.toString().contains("79161234567"), trace::toString);
  }
}
