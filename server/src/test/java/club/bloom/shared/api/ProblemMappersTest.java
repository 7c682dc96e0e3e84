package club.bloom.shared.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

  @Test
  void aUniqueViolationDeepInTheCauseChainIsAConflict() {
    SQLException duplicate =
        new SQLException("duplicate key value violates unique constraint", "23505");
    RuntimeException wrapped =
        new IllegalStateException(
            "rollback", new RuntimeException("persistence", new RuntimeException(duplicate)));
    assertTrue(ProblemMappers.isUniqueViolation(wrapped));
  }

  @Test
  void aUniqueViolationChainedAsTheNextExceptionOfABatchIsAConflict() {
    SQLException batch = new SQLException("batch entry 0 failed", "XX000");
    batch.setNextException(new SQLException("duplicate key", "23505"));
    assertTrue(ProblemMappers.isUniqueViolation(new RuntimeException(batch)));
  }

  @Test
  void otherDatabaseErrorsAreNot() {
    assertFalse(
        ProblemMappers.isUniqueViolation(
            new RuntimeException(new SQLException("foreign key violation", "23503"))));
    assertFalse(ProblemMappers.isUniqueViolation(new RuntimeException("no cause")));
  }
}
