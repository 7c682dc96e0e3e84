package club.bloom.ledger.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.ledger.domain.PointsExpiringSoon;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.infrastructure.LiquibaseSchemaMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Expiry notices on a real PostgreSQL (embedded, a club schema migrated by the club changelog):
 * lots expiring within the window are announced per member, currency and expiry time, each once
 * however often the run repeats; spent, past and later lots are not.
 */
class SqlExpiryNoticesTest {
  private static final SchemaName CLUB = new SchemaName("club_notices");
  private static final TenantId CLUB_ID = new TenantId(UUID.randomUUID());
  private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  private static EmbeddedPostgres postgres;
  private static DataSource db;
  private static SqlExpiryNotices notices;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    db = postgres.getPostgresDatabase();
    LiquibaseSchemaMigrator migrator = new LiquibaseSchemaMigrator();
    Field field = LiquibaseSchemaMigrator.class.getDeclaredField("dataSource");
    field.setAccessible(true);
    field.set(migrator, db);
    migrator.migrate(TenantKind.CLUB, CLUB);
    notices = new SqlExpiryNotices();
    notices.dataSource = db;
  }

  @AfterAll
  static void stop() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void lotsExpiringWithinTheWindowAreAnnouncedOnceEach() throws Exception {
    UUID anna = member("AAAA-BBBB-CCCC");
    UUID bella = member("DDDD-EEEE-FFFF");
    Instant inThreeDays = NOW.plus(Duration.ofDays(3));
    lot(anna, 100, 40, inThreeDays);
    lot(anna, 50, 50, inThreeDays); // same expiry: one notice of 90
    lot(anna, 10, 0, inThreeDays.plusSeconds(60)); // spent
    lot(anna, 70, 70, NOW.minusSeconds(1)); // already expired
    lot(bella, 30, 30, NOW.plus(Duration.ofDays(30))); // beyond the window
    lot(bella, 20, 20, NOW.plus(Duration.ofDays(10)));

    List<PointsExpiringSoon> first =
        notices.recordDue(CLUB, CLUB_ID, NOW, NOW.plus(Duration.ofDays(14)), NOW);
    assertEquals(
        List.of(
            new PointsExpiringSoon(CLUB_ID, anna, "AAAA-BBBB-CCCC", "points", 90, inThreeDays),
            new PointsExpiringSoon(
                CLUB_ID, bella, "DDDD-EEEE-FFFF", "points", 20, NOW.plus(Duration.ofDays(10)))),
        first.stream().sorted((a, b) -> a.passportCode().compareTo(b.passportCode())).toList());

    assertTrue(
        notices.recordDue(CLUB, CLUB_ID, NOW, NOW.plus(Duration.ofDays(14)), NOW).isEmpty(),
        "announced once");
    assertEquals(0, notices.forgetBefore(CLUB, NOW));
    assertEquals(2, notices.forgetBefore(CLUB, NOW.plus(Duration.ofDays(11))));
  }

  private static UUID member(String passport) throws SQLException {
    UUID id = UUID.randomUUID();
    execute(
        "INSERT INTO "
            + CLUB
            + ".member (id, passport_code, personal_data, phone_index,"
            + " email_index, enrolled_at, version) VALUES (?, ?, ?, ?, ?, ?, 0)",
        id,
        passport,
        new byte[] {1},
        id.toString().getBytes(),
        ("e" + id).getBytes(),
        NOW.atOffset(ZoneOffset.UTC));
    return id;
  }

  private static void lot(UUID member, long granted, long remaining, Instant expires)
      throws SQLException {
    UUID entry = UUID.randomUUID();
    execute(
        "INSERT INTO "
            + CLUB
            + ".ledger_entry (id, member_id, kind, reason, posted_at)"
            + " VALUES (?, ?, 'ACCRUAL', 'test', ?)",
        entry,
        member,
        NOW.atOffset(ZoneOffset.UTC));
    execute(
        "INSERT INTO "
            + CLUB
            + ".point_lot (id, member_id, currency, granted, remaining,"
            + " available_at, expires_at, origin_entry, created_at) VALUES (?, ?, 'points', ?, ?,"
            + " ?, ?, ?, ?)",
        UUID.randomUUID(),
        member,
        granted,
        remaining,
        NOW.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC),
        expires.atOffset(ZoneOffset.UTC),
        entry,
        NOW.atOffset(ZoneOffset.UTC));
  }

  private static void execute(String sql, Object... parameters) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      ps.executeUpdate();
    }
  }
}
