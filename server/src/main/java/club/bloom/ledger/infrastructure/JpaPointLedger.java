package club.bloom.ledger.infrastructure;

import club.bloom.ledger.domain.Account;
import club.bloom.ledger.domain.EntryKind;
import club.bloom.ledger.domain.LedgerEntry;
import club.bloom.ledger.domain.LedgerPosting;
import club.bloom.ledger.domain.MemberPoints;
import club.bloom.ledger.domain.Movement;
import club.bloom.ledger.domain.PointLedger;
import club.bloom.ledger.domain.PointLot;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The journal in a club schema. The member's row is the lock that serialises movements of one
 * member ({@code SELECT … FOR UPDATE}); entries are written before their postings and lots (foreign
 * keys). Native SQL names only validated schemas.
 */
@ApplicationScoped
public class JpaPointLedger implements PointLedger {
  @Inject TenantEntityManagers schemas;

  @Override
  public MemberPoints lock(SchemaName club, UUID memberId) {
    schemas
        .of(club)
        .createNativeQuery("SELECT id FROM " + club + ".member WHERE id = ? FOR UPDATE")
        .setParameter(1, memberId)
        .getResultList();
    return read(club, memberId);
  }

  @Override
  public MemberPoints read(SchemaName club, UUID memberId) {
    EntityManager em = schemas.of(club);
    List<PointLot> lots =
        em.createQuery(
                "select l from PointLot l where l.memberId = :member and l.remaining > 0",
                PointLot.class)
            .setParameter("member", memberId)
            .getResultList();
    @SuppressWarnings("unchecked")
    List<Object[]> owed =
        em.createNativeQuery(
                "SELECT currency, -SUM(amount) FROM "
                    + club
                    + ".ledger_posting WHERE member_id = ? AND account = 'DEBT' GROUP BY currency")
            .setParameter(1, memberId)
            .getResultList();
    Map<String, Long> debt = new HashMap<>();
    for (Object[] row : owed) {
      long value = ((Number) row[1]).longValue();
      if (value > 0) {
        debt.put((String) row[0], value);
      }
    }
    return new MemberPoints(memberId, lots, debt);
  }

  @Override
  public MemberPoints forAccrual(SchemaName club, UUID memberId) {
    return new MemberPoints(memberId, List.of(), debtOf(schemas.of(club), club, memberId));
  }

  private static Map<String, Long> debtOf(EntityManager em, SchemaName club, UUID memberId) {
    @SuppressWarnings("unchecked")
    List<Object[]> owed =
        em.createNativeQuery(
                "SELECT currency, -SUM(amount) FROM "
                    + club
                    + ".ledger_posting WHERE member_id = ? AND account = 'DEBT' GROUP BY currency")
            .setParameter(1, memberId)
            .getResultList();
    Map<String, Long> debt = new HashMap<>();
    for (Object[] row : owed) {
      long value = ((Number) row[1]).longValue();
      if (value > 0) {
        debt.put((String) row[0], value);
      }
    }
    return debt;
  }

  /**
   * Plain JDBC on the transaction's connection (the one EclipseLink and the search path use), one
   * batch per table, entries first (postings and lots reference them, and postings reference lots).
   * What EclipseLink holds unflushed is written first, so the order of the transaction's writes is
   * the order they were made in.
   */
  @Override
  public void append(SchemaName club, List<Movement> movements) {
    List<Movement> written = movements.stream().filter(m -> !m.postings().isEmpty()).toList();
    if (written.isEmpty()) {
      return;
    }
    EntityManager em = schemas.of(club);
    em.flush();
    Connection connection = em.unwrap(Connection.class);
    try (PreparedStatement entries =
            connection.prepareStatement(
                "INSERT INTO "
                    + club
                    + ".ledger_entry (id, member_id, kind, reason, source_id, posted_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)");
        PreparedStatement lots =
            connection.prepareStatement(
                "INSERT INTO "
                    + club
                    + ".point_lot (id, member_id, currency, granted, remaining, available_at,"
                    + " expires_at, origin_entry, purchase_id, partner_id, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement postings =
            connection.prepareStatement(
                "INSERT INTO "
                    + club
                    + ".ledger_posting (id, entry_id, account, member_id, currency, amount,"
                    + " lot_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      int lotCount = 0;
      for (Movement m : written) {
        LedgerEntry e = m.entry();
        entries.setObject(1, e.id());
        entries.setObject(2, e.memberId());
        entries.setString(3, e.kind().name());
        entries.setString(4, e.reason());
        entries.setString(5, e.sourceId());
        entries.setObject(6, at(e.postedAt()));
        entries.addBatch();
        for (PointLot lot : m.newLots()) {
          lots.setObject(1, lot.id());
          lots.setObject(2, lot.memberId());
          lots.setString(3, lot.currency());
          lots.setLong(4, lot.granted());
          lots.setLong(5, lot.remaining());
          lots.setObject(6, at(lot.availableAt()));
          lots.setObject(
              7,
              lot.expiresAt().map(JpaPointLedger::at).orElse(null),
              Types.TIMESTAMP_WITH_TIMEZONE);
          lots.setObject(8, lot.originEntry());
          lots.setString(9, lot.purchaseId().orElse(null));
          lots.setString(10, lot.partnerId().orElse(null));
          lots.setObject(11, at(lot.createdAt()));
          lots.addBatch();
          lotCount++;
        }
        for (LedgerPosting p : m.postings()) {
          if (p.account() == Account.MEMBER && p.amount() < 0) {
            throw new IllegalArgumentException("an appended movement never takes from a lot");
          }
          postings.setObject(1, p.id());
          postings.setObject(2, p.entryId());
          postings.setString(3, p.account().name());
          postings.setObject(4, p.memberId());
          postings.setString(5, p.currency());
          postings.setLong(6, p.amount());
          postings.setString(7, p.lotId());
          postings.addBatch();
        }
      }
      entries.executeBatch();
      if (lotCount > 0) {
        lots.executeBatch();
      }
      postings.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("could not write the ledger movements", e);
    }
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  @Override
  public long active(SchemaName club, UUID memberId, String currency, Instant now) {
    EntityManager em = schemas.of(club);
    em.flush();
    Object sum =
        em.createNativeQuery(
                "SELECT coalesce(sum(remaining), 0) FROM "
                    + club
                    + ".point_lot WHERE member_id = ? AND currency = ? AND remaining > 0"
                    + " AND available_at <= ? AND (expires_at IS NULL OR expires_at > ?)")
            .setParameter(1, memberId)
            .setParameter(2, currency)
            .setParameter(3, java.sql.Timestamp.from(now))
            .setParameter(4, java.sql.Timestamp.from(now))
            .getSingleResult();
    return ((Number) sum).longValue();
  }

  @Override
  public Map<UUID, MemberPoints> lockAll(SchemaName club, List<UUID> memberIds) {
    Map<UUID, MemberPoints> points = new HashMap<>();
    if (memberIds.isEmpty()) {
      return points;
    }
    EntityManager em = schemas.of(club);
    String ids = uuidArray(memberIds);
    em.createNativeQuery(
            "SELECT id FROM "
                + club
                + ".member WHERE id = ANY(CAST(? AS uuid[])) ORDER BY id FOR UPDATE")
        .setParameter(1, ids)
        .getResultList();
    Map<UUID, List<PointLot>> lots = new HashMap<>();
    em.createQuery(
            "select l from PointLot l where l.memberId in :members and l.remaining > 0",
            PointLot.class)
        .setParameter("members", memberIds)
        .getResultList()
        .forEach(l -> lots.computeIfAbsent(l.memberId(), k -> new ArrayList<>()).add(l));
    @SuppressWarnings("unchecked")
    List<Object[]> owed =
        em.createNativeQuery(
                "SELECT member_id, currency, -SUM(amount) FROM "
                    + club
                    + ".ledger_posting WHERE member_id = ANY(CAST(? AS uuid[]))"
                    + " AND account = 'DEBT' GROUP BY member_id, currency")
            .setParameter(1, ids)
            .getResultList();
    Map<UUID, Map<String, Long>> debts = new HashMap<>();
    for (Object[] row : owed) {
      long value = ((Number) row[2]).longValue();
      if (value > 0) {
        debts.computeIfAbsent((UUID) row[0], k -> new HashMap<>()).put((String) row[1], value);
      }
    }
    for (UUID id : memberIds) {
      points.put(
          id,
          new MemberPoints(id, lots.getOrDefault(id, List.of()), debts.getOrDefault(id, Map.of())));
    }
    return points;
  }

  @Override
  public void recordAll(SchemaName club, List<Movement> movements) {
    List<Movement> written = movements.stream().filter(m -> !m.postings().isEmpty()).toList();
    if (written.isEmpty()) {
      return;
    }
    EntityManager em = schemas.of(club);
    // Entries first (postings and lots reference them); each kind goes out as one JDBC batch.
    written.forEach(m -> em.persist(m.entry()));
    em.flush();
    for (Movement movement : written) {
      movement.postings().forEach(em::persist);
      movement.newLots().forEach(em::persist);
    }
    em.flush();
  }

  /** A PostgreSQL array literal of uuids, bound as one text parameter. */
  private static String uuidArray(List<UUID> ids) {
    return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
  }

  @Override
  public void record(SchemaName club, Movement movement) {
    if (movement.postings().isEmpty()) {
      return;
    }
    EntityManager em = schemas.of(club);
    em.persist(movement.entry());
    em.flush();
    for (LedgerPosting posting : movement.postings()) {
      em.persist(posting);
    }
    for (PointLot lot : movement.newLots()) {
      em.persist(lot);
    }
    em.flush();
  }

  /**
   * Members holding points in a currency ({@code ?1}) without a purchase since {@code ?2}: driven
   * by the members, each probed through {@code point_lot_member_ix} and {@code
   * purchase_member_time_ix}. Public so that the benchmark can EXPLAIN exactly this statement.
   */
  public static String inactiveSql(SchemaName club) {
    return "SELECT m.id FROM "
        + club
        + ".member m WHERE EXISTS (SELECT 1 FROM "
        + club
        + ".point_lot l WHERE l.member_id = m.id AND l.currency = ? AND l.remaining > 0)"
        + " AND NOT EXISTS (SELECT 1 FROM "
        + club
        + ".purchase p WHERE p.member_id = m.id AND p.occurred_at >= ?)";
  }

  /**
   * Members with points left in lots past their date ({@code ?1}), through the partial index of
   * open lots with a date. Public so that the benchmark can EXPLAIN exactly this statement.
   */
  public static String expiredSql(SchemaName club) {
    return "SELECT DISTINCT member_id FROM "
        + club
        + ".point_lot WHERE remaining > 0 AND expires_at <= ?";
  }

  @Override
  public List<UUID> membersInactiveSince(SchemaName club, String currency, Instant since) {
    @SuppressWarnings("unchecked")
    List<UUID> rows =
        schemas
            .of(club)
            .createNativeQuery(inactiveSql(club))
            .setParameter(1, currency)
            .setParameter(2, java.sql.Timestamp.from(since))
            .getResultList();
    return rows;
  }

  @Override
  public java.util.Map<String, Long> grantedFor(SchemaName club, String purchaseId) {
    var em = schemas.of(club);
    em.flush();
    List<Object[]> rows =
        em.createQuery(
                "select l.currency, sum(l.granted) from PointLot l where l.purchaseId = :purchase"
                    + " group by l.currency",
                Object[].class)
            .setParameter("purchase", purchaseId)
            .getResultList();
    java.util.Map<String, Long> granted = new java.util.TreeMap<>();
    rows.forEach(r -> granted.put((String) r[0], ((Number) r[1]).longValue()));
    return granted;
  }

  @Override
  public long reversedBy(SchemaName club, String currency, java.util.Collection<String> sourceIds) {
    if (sourceIds.isEmpty()) {
      return 0;
    }
    var em = schemas.of(club);
    em.flush();
    Object sum =
        em.createQuery(
                "select coalesce(sum(p.amount), 0) from LedgerPosting p, LedgerEntry e"
                    + " where p.entryId = e.id and e.kind = :kind and e.sourceId in :sources"
                    + " and p.account = :account and p.currency = :currency")
            .setParameter("kind", EntryKind.REVERSAL)
            .setParameter("sources", sourceIds)
            .setParameter("account", Account.ISSUANCE)
            .setParameter("currency", currency)
            .getSingleResult();
    return sum == null ? 0 : ((Number) sum).longValue();
  }

  @Override
  public List<UUID> membersWithExpiredLots(SchemaName club, Instant now) {
    @SuppressWarnings("unchecked")
    List<UUID> rows =
        schemas
            .of(club)
            .createNativeQuery(expiredSql(club))
            .setParameter(1, java.sql.Timestamp.from(now))
            .getResultList();
    return rows;
  }
}
