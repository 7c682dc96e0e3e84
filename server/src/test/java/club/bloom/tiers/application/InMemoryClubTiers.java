package club.bloom.tiers.application;

import club.bloom.shared.domain.Money;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tiers.domain.MemberStandings;
import club.bloom.tiers.domain.MemberStandings.Standing;
import club.bloom.tiers.domain.MemberTierState;
import club.bloom.tiers.domain.MemberTierStates;
import club.bloom.tiers.domain.Tier;
import club.bloom.tiers.domain.TierChange;
import club.bloom.tiers.domain.TierRepository;
import club.bloom.tiers.domain.TierReview;
import club.bloom.tiers.domain.TierRule;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One club's tier data in memory, standing in for the schema: members' rows (with a version, like
 * the table's), their standings, the tier history, the ladder. It counts pages and writes, and can
 * be told to change a member between steps (as a purchase would) or to fail a write (a crash).
 */
final class InMemoryClubTiers implements MemberTierStates, MemberStandings, TierRepository {

  /** A member's row. */
  record Row(
      long version,
      Optional<String> tier,
      Optional<String> manualTier,
      Optional<Instant> manualUntil,
      Optional<Instant> belowSince) {
    static Row holding(String tier) {
      return new Row(
          0, Optional.ofNullable(tier), Optional.empty(), Optional.empty(), Optional.empty());
    }

    Row changedByAPurchase(String newTier) {
      return new Row(version + 1, Optional.of(newTier), manualTier, manualUntil, belowSince);
    }
  }

  final TreeMap<UUID, Row> members = new TreeMap<>();
  final Map<UUID, Standing> standings = new LinkedHashMap<>();
  final List<TierChange> history = new ArrayList<>();
  final List<Optional<UUID>> pagesAfter = new ArrayList<>();
  final List<TierRule> rules = new ArrayList<>();
  Duration grace = Duration.ofDays(30);
  int writes;
  int failWrite = -1;
  Consumer<Integer> afterPage = page -> {};
  Consumer<Integer> beforeWrite = write -> {};

  InMemoryClubTiers() {
    rules.add(rule("insider", 1, "0", 1, null, false));
    rules.add(rule("vip", 2, "30000", 3, null, false));
    rules.add(rule("elite", 3, "100000", 5, "1", false));
    rules.add(rule("inner-circle", 4, "0", 0, null, true));
  }

  private static TierRule rule(
      String code, int rank, String spend, int categories, String top, boolean invitation) {
    return new TierRule(
        code,
        code,
        rank,
        Money.rub(spend),
        categories,
        12,
        BigDecimal.ONE,
        invitation,
        top == null ? null : new BigDecimal(top));
  }

  /** A member with a row and a standing; ids are ordered as they are added. */
  UUID add(Row row, String spent, int categories, String topShare) {
    UUID id = new UUID(0, members.size() + 1L);
    members.put(id, row);
    standings.put(id, new Standing(Money.rub(spent), categories, new BigDecimal(topShare)));
    return id;
  }

  /** A copy with the same members, standings and history (for comparing two runs). */
  InMemoryClubTiers copy() {
    InMemoryClubTiers c = new InMemoryClubTiers();
    c.members.putAll(members);
    c.standings.putAll(standings);
    c.history.addAll(history);
    c.grace = grace;
    return c;
  }

  /** The history as comparable text, without the rows' random ids. */
  List<String> historyText() {
    return history.stream()
        .map(
            h ->
                h.memberId()
                    + " "
                    + h.fromTier().orElse("-")
                    + "→"
                    + h.toTier()
                    + " "
                    + h.reason()
                    + " "
                    + h.changedAt())
        .sorted()
        .toList();
  }

  // --- MemberTierStates --------------------------------------------------------------------

  @Override
  public List<MemberTierState> page(SchemaName club, Optional<UUID> after, int size) {
    pagesAfter.add(after);
    List<MemberTierState> page = new ArrayList<>();
    var rest = after.isPresent() ? members.tailMap(after.get(), false) : members;
    for (var e : rest.entrySet()) {
      if (page.size() == size) {
        break;
      }
      Row r = e.getValue();
      page.add(
          new MemberTierState(
              e.getKey(),
              r.version(),
              r.tier(),
              r.manualTier(),
              r.manualUntil(),
              r.belowSince(),
              Optional.ofNullable(standings.get(e.getKey()))));
    }
    afterPage.accept(pagesAfter.size());
    return page;
  }

  @Override
  public Set<UUID> write(SchemaName club, List<TierReview> reviews, Instant now) {
    writes++;
    beforeWrite.accept(writes);
    if (writes == failWrite) {
      throw new IllegalStateException("the database went away");
    }
    // All or nothing, like the transaction around it.
    Map<UUID, Row> updated = new LinkedHashMap<>();
    List<TierChange> changes = new ArrayList<>();
    Set<UUID> written = new HashSet<>();
    for (TierReview r : reviews) {
      Row row = members.get(r.memberId());
      if (row.version() != r.version()) {
        continue;
      }
      updated.put(
          r.memberId(),
          new Row(
              row.version() + 1, r.tier(), row.manualTier(), row.manualUntil(), r.belowSince()));
      if (r.changesTier()) {
        changes.add(r.change(now));
      }
      written.add(r.memberId());
    }
    members.putAll(updated);
    history.addAll(changes);
    return written;
  }

  // --- MemberStandings (the standings are given by the test) -------------------------------

  @Override
  public int recompute(SchemaName club, Instant from, Instant now) {
    return standings.size();
  }

  @Override
  public Duration gracePeriod(SchemaName club) {
    return grace;
  }

  @Override
  public void setGracePeriod(SchemaName club, Duration newGrace) {
    grace = newGrace;
  }

  // --- TierRepository ----------------------------------------------------------------------

  @Override
  public List<Tier> all(SchemaName club) {
    return rules.stream().map(Tier::new).toList();
  }

  @Override
  public void add(SchemaName club, Tier tier) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void remove(SchemaName club, Tier tier) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void record(SchemaName club, TierChange change) {
    history.add(change);
  }

  @Override
  public void flush(SchemaName club) {}

  /** No container: the standings' own transaction does nothing here. */
  static final class NoTransaction implements UserTransaction {
    @Override
    public void begin() {}

    @Override
    public void commit() {}

    @Override
    public void rollback() {}

    @Override
    public void setRollbackOnly() {}

    @Override
    public int getStatus() {
      return jakarta.transaction.Status.STATUS_NO_TRANSACTION;
    }

    @Override
    public void setTransactionTimeout(int seconds) {}
  }
}
