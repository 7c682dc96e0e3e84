package club.bloom.e2e;

import club.bloom.client.ApiException;
import club.bloom.client.model.NightlyRun;
import club.bloom.client.model.NightlyRunKind;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.nightly.domain.NightlySchedule;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Time for the nightly runs' tests. Nights cannot be waited for, so the fixture moves a club's
 * night instead: it gives the club a time zone (a fixed offset, to the second) in which the local
 * time of the nightly runs comes a few seconds from now — as the earth's turning would have — or
 * dates the club and its run records back, as days passing would have.
 */
final class Nights {
  /** The local time of the nightly runs on the test stack (the default). */
  static final LocalTime LOCAL_TIME = LocalTime.of(3, 30);

  static final String TIERS = "tier-reevaluation";
  static final String EXPIRY = "point-expiry";

  private Nights() {}

  /**
   * Gives the club the time zone in which its next night's slot is {@code fromNow} from now
   * (rounded to the second); returns the slot.
   */
  static Instant moveNightTo(ClubFixture club, Duration fromNow) throws SQLException {
    Instant slot = Instant.now().plus(fromNow).truncatedTo(ChronoUnit.SECONDS);
    int offset =
        LOCAL_TIME.toSecondOfDay() - slot.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay();
    if (offset > 12 * 3600) {
      offset -= 24 * 3600;
    } else if (offset <= -12 * 3600) {
      offset += 24 * 3600;
    }
    ZoneOffset zone = ZoneOffset.ofTotalSeconds(offset);
    sql(
        "UPDATE platform.tenant SET time_zone = ? WHERE kind = 'CLUB' AND slug = ?",
        zone.getId(),
        club.slug());
    if (!new NightlySchedule(zone, LOCAL_TIME).nextSlot(Instant.now()).at().equals(slot)) {
      throw new AssertionError("the night was not moved to " + slot);
    }
    return slot;
  }

  /** The club as the registry holds it (id, creation time, time zone). */
  static Tenant tenant(ClubFixture club) throws Exception {
    try (Connection db = Fixtures.db();
        PreparedStatement ps =
            db.prepareStatement(
                "SELECT id, created_at, time_zone FROM platform.tenant"
                    + " WHERE kind = 'CLUB' AND slug = ?")) {
      ps.setString(1, club.slug());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        Tenant tenant =
            Tenant.register(
                TenantKind.CLUB,
                new Slug(club.slug()),
                club.slug(),
                "ru",
                rs.getString(3),
                rs.getTimestamp(2).toInstant());
        Field id = Tenant.class.getDeclaredField("id");
        id.setAccessible(true);
        id.set(tenant, rs.getObject(1, UUID.class));
        return tenant;
      }
    }
  }

  /** The club's nights as the server computes them. */
  static NightlySchedule schedule(Tenant club) {
    return new NightlySchedule(ZoneId.of(club.timeZone()), LOCAL_TIME);
  }

  /** The application database as a data source, for a second runner in the test's JVM. */
  static DataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(Fixtures.STACK.postgresJdbcUrl());
    ds.setUser(Fixtures.STACK.dbUser());
    ds.setPassword(Fixtures.STACK.dbPassword());
    return ds;
  }

  /** The club's run records of a kind, newest first, as the operator reads them. */
  static List<NightlyRun> runs(ClubFixture club, String kind) throws ApiException {
    return Fixtures.operator()
        .platform()
        .listNightlyRuns(club.slug(), NightlyRunKind.fromValue(kind), null, 100, null)
        .getItems();
  }

  /** Waits until the club's records of a kind include one that matches; returns it. */
  static NightlyRun awaitRun(
      ClubFixture club, String kind, Predicate<NightlyRun> which, Duration timeout)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      for (NightlyRun run : runs(club, kind)) {
        if (which.test(run)) {
          return run;
        }
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "no such "
                + kind
                + " run of "
                + club.slug()
                + " within "
                + timeout
                + ": "
                + runs(club, kind));
      }
      Thread.sleep(500);
    }
  }

  /** Dates the club's registration back. */
  static void createdAt(ClubFixture club, Instant at) throws SQLException {
    sql(
        "UPDATE platform.tenant SET created_at = ? WHERE kind = 'CLUB' AND slug = ?",
        Timestamp.from(at),
        club.slug());
  }

  /** Writes a succeeded scheduled run of a kind for the given slot (started a second after it). */
  static void succeededAt(Tenant club, String kind, NightlySchedule.Slot slot) throws SQLException {
    Instant start = slot.at().plusSeconds(1);
    sql(
        "INSERT INTO platform.nightly_run (id, kind, club_id, night, scheduled_for, started_by,"
            + " attempt, replica, started_at, finished_at, outcome, counts)"
            + " VALUES (?, ?, ?, ?, ?, 'SCHEDULE', 1, 'an-earlier-replica', ?, ?, 'SUCCEEDED',"
            + " '{}'::jsonb)",
        UUID.randomUUID(),
        kind,
        club.id().value(),
        slot.night(),
        Timestamp.from(slot.at()),
        Timestamp.from(start),
        Timestamp.from(start.plusSeconds(1)));
  }

  static void sql(String statement, Object... params) throws SQLException {
    try (Connection db = Fixtures.db();
        PreparedStatement ps = db.prepareStatement(statement)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.executeUpdate();
    }
  }
}
