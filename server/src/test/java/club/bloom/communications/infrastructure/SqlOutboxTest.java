package club.bloom.communications.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.communications.domain.Channel;
import club.bloom.communications.domain.ClaimedMessage;
import club.bloom.tenancy.infrastructure.LiquibaseSchemaMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox's SQL on a real PostgreSQL (embedded, migrated by the platform changelog): claims by
 * concurrent dispatchers are disjoint, a lease hides a claimed row until it runs out, results are
 * recorded only under the current claim, and finished rows lose their payload.
 */
class SqlOutboxTest {
  private static EmbeddedPostgres postgres;
  private static DataSource db;
  private static SqlOutbox outbox;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    db = postgres.getPostgresDatabase();
    LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator();
    Field field = LiquibaseSchemaMigrator.class.getDeclaredField("dataSource");
    field.setAccessible(true);
    field.set(migrator, db);
    migrator.migratePlatform();
    outbox = new SqlOutbox(db);
  }

  @AfterAll
  static void stop() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void empty() throws SQLException {
    execute("DELETE FROM platform.outbox_message");
  }

  @Test
  void concurrentDispatchersClaimDisjointRowsAndTogetherAllOfThem() throws Exception {
    Set<UUID> written = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      written.add(append());
    }
    int dispatchers = 8;
    CyclicBarrier start = new CyclicBarrier(dispatchers);
    ExecutorService pool = Executors.newFixedThreadPool(dispatchers);
    try {
      List<Future<List<UUID>>> results = new ArrayList<>();
      for (int d = 0; d < dispatchers; d++) {
        String replica = "replica-" + d;
        Callable<List<UUID>> claimer =
            () -> {
              start.await();
              List<UUID> mine = new ArrayList<>();
              List<ClaimedMessage> batch;
              do {
                batch = outbox.claim(replica, 7, Duration.ofMinutes(2));
                batch.forEach(m -> mine.add(m.id()));
              } while (!batch.isEmpty());
              return mine;
            };
        results.add(pool.submit(claimer));
      }
      List<UUID> all = new ArrayList<>();
      for (Future<List<UUID>> result : results) {
        all.addAll(result.get());
      }
      assertEquals(written.size(), all.size(), "no row claimed twice");
      assertEquals(written, new HashSet<>(all), "every row claimed");
    } finally {
      pool.shutdownNow();
    }
    assertEquals(200, count("attempts = 1 AND claim_token IS NOT NULL"), "one attempt each");
  }

  @Test
  void aClaimedRowIsHiddenUntilItsLeaseRunsOutThenTakenOverWithANewClaim() throws Exception {
    UUID id = append();
    ClaimedMessage first = outbox.claim("crashed", 10, Duration.ofMillis(1500)).get(0);
    assertEquals(id, first.id());
    assertEquals(1, first.attempt());

    assertTrue(outbox.claim("other", 10, Duration.ofMinutes(2)).isEmpty(), "hidden by the lease");

    Thread.sleep(1700);
    List<ClaimedMessage> takenOver = outbox.claim("other", 10, Duration.ofMinutes(2));
    assertEquals(1, takenOver.size());
    ClaimedMessage second = takenOver.get(0);
    assertEquals(2, second.attempt());
    assertNotEquals(first.claim(), second.claim());

    assertFalse(outbox.delivered(id, first.claim()), "the lost claim records nothing");
    assertEquals("PENDING", status(id));
    assertTrue(outbox.delivered(id, second.claim()));
    assertEquals("DELIVERED", status(id));
    assertEquals("other", string("claimed_by", id));
  }

  @Test
  void deliveredAndFailedRowsLoseTheirPayloadAndKeepTheirError() throws Exception {
    UUID delivered = append();
    UUID failed = append();
    List<ClaimedMessage> claimed = outbox.claim("r", 10, Duration.ofMinutes(2));
    assertEquals(2, claimed.size());
    for (ClaimedMessage m : claimed) {
      if (m.id().equals(delivered)) {
        assertTrue(outbox.delivered(m.id(), m.claim()));
      } else {
        assertTrue(outbox.failed(m.id(), m.claim(), "permanent: SMTP 550"));
      }
    }
    assertNull(bytes("payload", delivered));
    assertNull(bytes("payload", failed));
    assertEquals("FAILED", status(failed));
    assertEquals("permanent: SMTP 550", string("last_error", failed));
    assertFalse(outbox.retry(failed, claimed.get(0).claim(), Duration.ZERO, "x"), "finished");
  }

  @Test
  void aRetriedRowIsDueAgainAfterItsDelayOnly() throws Exception {
    UUID id = append();
    ClaimedMessage m = outbox.claim("r", 10, Duration.ofMinutes(2)).get(0);
    assertTrue(outbox.retry(id, m.claim(), Duration.ofMillis(1200), "java.net.ConnectException"));
    assertTrue(outbox.claim("r", 10, Duration.ofMinutes(2)).isEmpty(), "not due yet");
    Thread.sleep(1400);
    ClaimedMessage again = outbox.claim("r", 10, Duration.ofMinutes(2)).get(0);
    assertEquals(2, again.attempt());
    assertEquals("java.net.ConnectException", string("last_error", id));
  }

  @Test
  void aReleasedRowIsDueAtOnceWithoutTheAttemptCounted() throws Exception {
    UUID id = append();
    ClaimedMessage m = outbox.claim("r", 10, Duration.ofMinutes(2)).get(0);
    assertTrue(outbox.release(id, m.claim()));
    ClaimedMessage again = outbox.claim("r", 10, Duration.ofMinutes(2)).get(0);
    assertEquals(1, again.attempt());
  }

  @Test
  void theTableRefusesAFinishedRowWithAPayloadOrAPendingOneWithout() {
    UUID id = UUID.randomUUID();
    assertThrows(
        SQLException.class,
        () ->
            execute(
                "INSERT INTO platform.outbox_message (id, channel, kind, status, payload,"
                    + " next_attempt_at, created_at, finished_at) VALUES ('"
                    + id
                    + "', 'MAIL', 'k', 'DELIVERED', '\\x01', now(), now(), now())"));
    assertThrows(
        SQLException.class,
        () ->
            execute(
                "INSERT INTO platform.outbox_message (id, channel, kind, status,"
                    + " next_attempt_at, created_at) VALUES ('"
                    + id
                    + "', 'MAIL', 'k', 'PENDING', now(), now())"));
  }

  @Test
  void purgeDeletesOnlyFinishedRowsPastTheirKeepingTime() throws Exception {
    UUID pending = append();
    UUID old = append();
    UUID recent = append();
    for (ClaimedMessage m : outbox.claim("r", 10, Duration.ofMinutes(2))) {
      if (!m.id().equals(pending)) {
        outbox.delivered(m.id(), m.claim());
      } else {
        outbox.release(m.id(), m.claim());
      }
    }
    execute(
        "UPDATE platform.outbox_message SET finished_at = now() - interval '3 days' WHERE id = '"
            + old
            + "'");
    assertEquals(1, outbox.purge(Duration.ofHours(48), Duration.ofDays(30), 100));
    assertEquals(2, count("true"));
    assertEquals(0, count("id = '" + old + "'"));
    assertEquals(1, count("id = '" + recent + "'"));
    assertEquals(1, outbox.stats().pending());
  }

  @Test
  void rowsOfOneOrderingKeyAreClaimedOneAtATimeInTheOrderWrittenEvenAfterRetries()
      throws Exception {
    UUID a1 = appendOrdered("endpoint/member-a");
    UUID b1 = appendOrdered("endpoint/member-b");
    UUID a2 = appendOrdered("endpoint/member-a");
    UUID a3 = appendOrdered("endpoint/member-a");
    UUID free = append();

    List<UUID> first = ids(outbox.claim("d", 10, Duration.ofMinutes(2)));
    assertEquals(Set.of(a1, b1, free), new HashSet<>(first), "only the head of each key");
    assertTrue(outbox.claim("d", 10, Duration.ofMinutes(2)).isEmpty(), "a2 waits behind a1");

    // a1 fails and is due again at once: a2 still waits behind it.
    UUID claimOfA1 = claimOf(a1);
    assertTrue(outbox.retry(a1, claimOfA1, Duration.ZERO, "HTTP 503"));
    List<UUID> again = ids(outbox.claim("d", 10, Duration.ofMinutes(2)));
    assertEquals(List.of(a1), again, "the failed head again, never the one behind it");
    assertTrue(outbox.delivered(a1, claimOf(a1)));

    assertEquals(List.of(a2), ids(outbox.claim("d", 10, Duration.ofMinutes(2))));
    // A head that fails for good lets the next one go.
    assertTrue(outbox.failed(a2, claimOf(a2), "gave up"));
    assertEquals(List.of(a3), ids(outbox.claim("d", 10, Duration.ofMinutes(2))));
  }

  private static List<UUID> ids(List<ClaimedMessage> claimed) {
    return claimed.stream().map(ClaimedMessage::id).toList();
  }

  private static UUID claimOf(UUID id) throws SQLException {
    try (Connection c = db.getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT claim_token FROM platform.outbox_message WHERE id = '" + id + "'")) {
      rs.next();
      return rs.getObject(1, UUID.class);
    }
  }

  private static UUID appendOrdered(String key) {
    UUID id = UUID.randomUUID();
    outbox.append(id, Channel.WEBHOOK, "purchase.recorded", new byte[] {1, 2, 3}, key);
    return id;
  }

  private static UUID append() {
    UUID id = UUID.randomUUID();
    outbox.append(id, Channel.MAIL, "signup-verification", new byte[] {1, 2, 3});
    return id;
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = db.getConnection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private static long count(String where) throws SQLException {
    try (Connection c = db.getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT count(*) FROM platform.outbox_message WHERE " + where)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String status(UUID id) throws SQLException {
    return string("status", id);
  }

  private static String string(String column, UUID id) throws SQLException {
    try (Connection c = db.getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT " + column + " FROM platform.outbox_message WHERE id = '" + id + "'")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static byte[] bytes(String column, UUID id) throws SQLException {
    try (Connection c = db.getConnection();
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT " + column + " FROM platform.outbox_message WHERE id = '" + id + "'")) {
      rs.next();
      return rs.getBytes(1);
    }
  }
}
