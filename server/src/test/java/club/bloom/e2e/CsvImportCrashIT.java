package club.bloom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.client.model.ApiKeyRequest.ScopesEnum;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.MemberFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Liberty killed with SIGKILL in the middle of a large CSV import (ADR 0041): after the restart the
 * recovery restarts the job, which resumes from the import's last checkpoint (not from the first
 * row), and every row ends applied exactly once — one receipt, one purchase fact, one idempotency
 * record, points once — and the club's ledger reconciles.
 */
class CsvImportCrashIT {
  static final int ROWS = 1200;

  @Test
  void anImportKilledMidFileResumesFromItsCheckpointAndAppliesEveryRowOnce() throws Exception {
    ClubFixture club = Fixtures.club();
    PartnerFixture shop =
        club.partner(List.of(ScopesEnum.PURCHASES_WRITE, ScopesEnum.IMPORTS_WRITE), "florist");
    List<MemberFixture> members = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      members.add(club.member());
    }
    String when =
        LocalDateTime.now(ZoneId.of("Europe/Moscow"))
            .minusMinutes(30)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    String run = Fixtures.unique("K");
    StringBuilder file =
        new StringBuilder("receiptNumber,passportCode,amount,category,occurredAt\n");
    for (int i = 0; i < ROWS; i++) {
      file.append(run)
          .append('-')
          .append(i)
          .append(',')
          .append(members.get(i % members.size()).passport())
          .append(',')
          .append(100 + i % 37)
          .append(".00,florist,")
          .append(when)
          .append('\n');
    }
    JsonNode queued =
        CsvImports.accepted(
            shop.slug(), shop.apiKey(), file.toString().getBytes(StandardCharsets.UTF_8));
    String id = queued.get("id").asText();
    CsvImports.await(
        shop.slug(),
        shop.apiKey(),
        id,
        i -> i.get("rowsDone").asInt() >= 200,
        Duration.ofMinutes(3));

    StackControl.killLibertyAndAwaitRestart();

    JsonNode afterRestart =
        CsvImports.json(
            CsvImports.get("/partners/" + shop.slug() + "/imports/" + id, shop.apiKey()));
    int checkpoint = afterRestart.get("rowsDone").asInt();
    assertTrue(checkpoint >= 200 && checkpoint < ROWS, "killed mid-file: " + afterRestart);
    assertEquals(0, checkpoint % 100, "the counts move only with a checkpoint of 100 rows");

    JsonNode done = CsvImports.finished(shop.slug(), shop.apiKey(), id);
    assertEquals(ROWS, done.get("rowsAccepted").asInt(), done.toString());
    assertEquals(0, done.get("rowsRejected").asInt());

    String partnerSchema = "partner_" + shop.slug().replace('-', '_');
    assertEquals(ROWS, count("SELECT count(*) FROM " + partnerSchema + ".receipt"));
    assertEquals(
        ROWS,
        count(
            "SELECT count(DISTINCT receipt_number) FROM "
                + partnerSchema
                + ".receipt"
                + " WHERE receipt_number LIKE ?",
            run + "-%"));
    assertEquals(
        ROWS, count("SELECT count(*) FROM " + club.schema() + ".purchase"), "one fact per row");
    assertEquals(
        ROWS,
        count(
            "SELECT count(*) FROM platform.idempotency_record WHERE idem_key LIKE ?",
            "csv-purchase:" + run + "-%"));
    long earned =
        count("SELECT coalesce(sum(points_earned), 0) FROM " + partnerSchema + ".receipt");
    long balances = 0;
    for (MemberFixture m : members) {
      balances += m.api().member().getMyCabinet().getPointsBalance();
    }
    assertEquals(earned, balances, "points credited once per receipt");
    Fixtures.assertLedgerReconciles(club);

    assertTrue(
        count("SELECT restarts FROM platform.csv_import WHERE id = ?", UUID.fromString(id)) >= 1,
        "a new run took the import over");
    long executions = executionsAfterTheKill(UUID.fromString(id));
    assertTrue(
        executions <= ROWS - checkpoint,
        "the new run read "
            + executions
            + " rows: it resumed from the checkpoint "
            + checkpoint
            + ", not from the first row");
  }

  /**
   * The rows the import's latest job execution read, from Liberty's job repository in schema {@code
   * batch} (its step thread executions count the items read).
   */
  static long executionsAfterTheKill(UUID id) {
    long execution = count("SELECT execution_id FROM platform.csv_import WHERE id = ?", id);
    assertTrue(execution > 0, "the run's execution is recorded");
    return count(
        "SELECT coalesce(sum(m_read), 0) FROM batch.stepthreadexecution WHERE fk_jobexecid = ?",
        execution);
  }

  static long count(String sql, Object... params) {
    try (Connection db = Fixtures.db();
        PreparedStatement st = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new AssertionError(sql, e);
    }
  }
}
