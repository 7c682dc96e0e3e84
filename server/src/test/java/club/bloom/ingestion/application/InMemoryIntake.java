package club.bloom.ingestion.application;

import club.bloom.billing.application.Quotas;
import club.bloom.catalogue.domain.Category;
import club.bloom.catalogue.domain.CategoryRepository;
import club.bloom.idempotency.application.IdempotentExecution;
import club.bloom.idempotency.domain.IdempotencyKey;
import club.bloom.idempotency.domain.IdempotencyStore;
import club.bloom.idempotency.domain.StoredResult;
import club.bloom.ingestion.domain.Purchase;
import club.bloom.ingestion.domain.PurchaseRefund;
import club.bloom.ingestion.domain.PurchaseRepository;
import club.bloom.ingestion.domain.Receipt;
import club.bloom.ingestion.domain.ReceiptRefund;
import club.bloom.ingestion.domain.ReceiptRepository;
import club.bloom.ledger.domain.Currency;
import club.bloom.ledger.domain.LedgerSettings;
import club.bloom.ledger.domain.MemberPoints;
import club.bloom.ledger.domain.Movement;
import club.bloom.ledger.domain.PointLedger;
import club.bloom.ledger.domain.PointLot;
import club.bloom.ledger.domain.SpentPointsPolicy;
import club.bloom.membership.application.RedemptionConfirmation;
import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.MemberRepository;
import club.bloom.membership.domain.PassportCode;
import club.bloom.membership.domain.PassportDirectory;
import club.bloom.membership.domain.PersonalData;
import club.bloom.membership.domain.PersonalDataVault;
import club.bloom.onboarding.domain.Partnership;
import club.bloom.onboarding.domain.Partnerships;
import club.bloom.rules.application.EarningRules;
import club.bloom.rules.domain.Grant;
import club.bloom.rules.domain.PurchaseFacts;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.Money;
import club.bloom.tenancy.domain.ProvisioningStep;
import club.bloom.tenancy.domain.Savepoints;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantRegistry;
import club.bloom.tiers.application.TierConfiguration;
import club.bloom.tiers.application.TierStanding;
import club.bloom.tiers.domain.SpendingWindows;
import club.bloom.tiers.domain.SpendingWindows.WindowStats;
import club.bloom.tiers.domain.Tier;
import club.bloom.tiers.domain.TierChange;
import club.bloom.tiers.domain.TierRepository;
import club.bloom.tiers.domain.TierRule;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One club and its partners in memory, standing in for the schemas, wired to the real recording
 * services: the purchase recording, the refund recording, the redemption recording and the intake
 * in front of them, with the real tier standing, tier configuration and idempotent execution over
 * in-memory stores. What each store holds can be read back, so a test sees what a request wrote.
 *
 * <p>Not modelled: the transaction. A request refused before its first write leaves the stores as
 * they were, as the database would; a failure after a write is the ITs' business.
 */
final class InMemoryIntake {
  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  static final String CONFIRMATION_CODE = "482913";

  static final TierRule INSIDER = rule("insider", "Insider", 1, "0", 1, "5", false);
  static final TierRule VIP = rule("vip", "VIP", 2, "30000", 3, "7", false);
  static final TierRule ELITE = rule("elite", "Elite", 3, "100000", 5, "10", false);
  static final TierRule INNER_CIRCLE = rule("inner-circle", "Inner Circle", 4, "0", 0, "12", true);

  final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  final Tenant club = active(TenantKind.CLUB, "bloom-care");
  final Tenant otherClub = active(TenantKind.CLUB, "other-club");
  final Tenant partner = active(TenantKind.PARTNER, "flora");
  final Tenant otherPartner = active(TenantKind.PARTNER, "spa-one");

  // What the schemas hold.
  final Map<TenantId, Tenant> tenants = new HashMap<>();
  final Map<PassportCode, TenantId> passports = new HashMap<>();
  final Map<String, Partnership> partnerships = new HashMap<>();
  final Map<String, Category> categories = new LinkedHashMap<>();
  final Map<UUID, Member> members = new LinkedHashMap<>();
  final Map<UUID, Purchase> purchases = new LinkedHashMap<>();
  final List<PurchaseRefund> purchaseRefunds = new ArrayList<>();
  final Map<String, Receipt> receipts = new LinkedHashMap<>();
  final List<ReceiptRefund> receiptRefunds = new ArrayList<>();
  final Set<String> refundNumbers = new TreeSet<>();
  final Map<UUID, MemberPoints> points = new HashMap<>();
  final List<Movement> movements = new ArrayList<>();
  final List<Currency> currencies = new ArrayList<>();
  final List<TierRule> ladder = new ArrayList<>(List.of(INSIDER, VIP, ELITE, INNER_CIRCLE));
  final List<TierChange> tierHistory = new ArrayList<>();
  final Map<String, StoredResult> storedResults = new HashMap<>();
  final List<String> metered = new ArrayList<>();
  final List<Grant> ruleBonuses = new ArrayList<>();
  BigDecimal maxRedeemPercent = new BigDecimal("50");

  /** The domain events the services fired (webhooks observe them, ADR 0042). */
  final List<Object> fired = new ArrayList<>();

  final PurchaseRecording purchaseRecording = new PurchaseRecording();
  final RefundRecording refundRecording = new RefundRecording();
  final RedemptionRecording redemptionRecording = new RedemptionRecording();
  final PurchaseIntake intake = new PurchaseIntake();
  final IntakeChunk chunk = new IntakeChunk();

  /** What the batch's chunks did with savepoints (mark, release, rollback), in order. */
  final List<String> savepointCalls = new ArrayList<>();

  InMemoryIntake() {
    for (Tenant t : List.of(club, otherClub, partner, otherPartner)) {
      tenants.put(t.id(), t);
    }
    for (String code : List.of("gastro", "cosmetology", "spa", "wine", "florist", "fitness")) {
      categories.put(code, new Category(code, code, categories.size()));
    }
    currencies.add(new Currency(Currency.POINTS, "Баллы", BigDecimal.ONE, 0, null, false));
    Partnership flora =
        new Partnership(
            club.id().value(),
            partner.id().value(),
            Set.of("gastro", "cosmetology", "spa", "wine", "florist"),
            NOW.minus(Duration.ofDays(20)));
    flora.enableRedemption(true);
    partnerships.put(key(club.id(), partner.id()), flora);

    TierConfiguration configuration = new TierConfiguration();
    TierRepository tiers = fake(TierRepository.class, new Tiers());
    set(configuration, "tiers", tiers);
    TierStanding standing = new TierStanding();
    set(standing, "configuration", configuration);
    set(standing, "purchases", fake(SpendingWindows.class, new Purchases()));
    set(standing, "history", tiers);
    set(standing, "clock", clock);
    set(standing, "changed", events(fired));
    IdempotentExecution idempotency = new IdempotentExecution();
    set(idempotency, "store", fake(IdempotencyStore.class, new Store()));
    TenantRegistry registry = fake(TenantRegistry.class, new Registry());
    PassportDirectory directory = fake(PassportDirectory.class, new Directory());
    Partnerships links = fake(Partnerships.class, new Links());
    MemberRepository memberRepository = fake(MemberRepository.class, new Members());
    PurchaseRepository purchaseRepository = fake(PurchaseRepository.class, new Purchases());
    ReceiptRepository receiptRepository = fake(ReceiptRepository.class, new Receipts());
    PointLedger ledger = fake(PointLedger.class, new Ledger());
    LedgerSettings settings = fake(LedgerSettings.class, new Settings());

    PurchaseRecording p = purchaseRecording;
    p.tenants = registry;
    p.passports = directory;
    p.partnerships = links;
    ClubSnapshots snapshots = new ClubSnapshots();
    snapshots.categories = fake(CategoryRepository.class, new Categories());
    snapshots.standing = standing;
    snapshots.settings = settings;
    // Tests change the configuration between requests without the event: read it every time.
    snapshots.kept = new club.bloom.shared.domain.Snapshots<>(Duration.ZERO);
    p.snapshots = snapshots;
    p.members = memberRepository;
    p.purchases = purchaseRepository;
    p.receipts = receiptRepository;
    p.ledger = ledger;
    p.standing = standing;
    p.idempotency = idempotency;
    p.earningRules =
        new EarningRules() {
          @Override
          public List<Grant> grantsFor(SchemaName s, PurchaseFacts facts, long base) {
            return List.copyOf(ruleBonuses);
          }
        };
    p.vault = fake(PersonalDataVault.class, new Vault());
    p.quotas =
        new Quotas() {
          @Override
          public void purchaseAccepted(Tenant partner, Tenant club) {
            metered.add(partner.slug().value() + "@" + club.slug().value());
          }
        };
    p.clock = clock;
    p.accepted = events(fired);

    RefundRecording r = refundRecording;
    r.tenants = registry;
    r.receipts = receiptRepository;
    r.purchases = purchaseRepository;
    r.members = memberRepository;
    r.ledger = ledger;
    r.settings = settings;
    r.standing = standing;
    r.idempotency = idempotency;
    r.clock = clock;
    r.accepted = events(fired);

    RedemptionRecording d = redemptionRecording;
    d.tenants = registry;
    d.passports = directory;
    d.partnerships = links;
    d.members = memberRepository;
    d.settings = settings;
    d.confirmation =
        new RedemptionConfirmation() {
          @Override
          public void confirm(SchemaName s, UUID memberId, String code) {
            if (!CONFIRMATION_CODE.equals(code)) {
              throw InvalidInput.of("confirmationCode", "is not the member's code");
            }
          }
        };
    d.purchases = purchaseRecording;
    d.idempotency = idempotency;
    d.accepted = events(fired);

    wireChunk(chunk, registry, directory, receiptRepository);
    intake.purchases = purchaseRecording;
    intake.refunds = refundRecording;
    intake.redemptions = redemptionRecording;
    intake.chunks = chunk;
  }

  /** Wires a chunk (or a test's subclass of it) to the stores and the recorded savepoint calls. */
  void wireChunk(IntakeChunk c) {
    wireChunk(
        c,
        fake(TenantRegistry.class, new Registry()),
        fake(PassportDirectory.class, new Directory()),
        fake(ReceiptRepository.class, new Receipts()));
  }

  private void wireChunk(
      IntakeChunk c,
      TenantRegistry registry,
      PassportDirectory directory,
      ReceiptRepository receiptRepository) {
    c.purchases = purchaseRecording;
    c.refunds = refundRecording;
    c.tenants = registry;
    c.passports = directory;
    c.receipts = receiptRepository;
    c.savepoints =
        new Savepoints() {
          @Override
          public void mark(String name) {
            savepointCalls.add("mark");
          }

          @Override
          public void rollbackTo(String name) {
            savepointCalls.add("rollback");
          }

          @Override
          public void release(String name) {
            savepointCalls.add("release");
          }

          @Override
          public boolean doomed() {
            return false;
          }
        };
  }

  // Fixture builders.

  /** A confirmed member of the club, holding {@code tier} (null: none). */
  Member member(String tier) {
    Member m =
        Member.enrol(
            UUID.randomUUID(),
            "subject-" + members.size(),
            PassportCode.generate(),
            new byte[] {1},
            new byte[] {2},
            new byte[] {3},
            NOW.minus(Duration.ofDays(10)));
    if (tier != null) {
      m.promote(tier);
    }
    members.put(m.id(), m);
    passports.put(m.passport(), club.id());
    return m;
  }

  /** A member registered at a counter, not confirmed yet. */
  Member unconfirmedMember() {
    Member m =
        Member.enrolWithoutLogin(
            UUID.randomUUID(),
            PassportCode.generate(),
            new byte[] {1},
            new byte[] {2},
            new byte[] {3},
            NOW.minus(Duration.ofDays(1)));
    members.put(m.id(), m);
    passports.put(m.passport(), club.id());
    return m;
  }

  /** Active points granted to the member outside any purchase (a welcome bonus, say). */
  void grant(Member m, long n) {
    MemberPoints p =
        points.computeIfAbsent(m.id(), id -> new MemberPoints(id, List.of(), Map.of()));
    movements.add(
        p.accrue(
            new MemberPoints.Grant(
                Currency.POINTS,
                n,
                NOW.minus(Duration.ofDays(1)),
                null,
                "welcome",
                "welcome-" + m.id(),
                null,
                null),
            NOW.minus(Duration.ofDays(1))));
  }

  long balance(Member m) {
    return Optional.ofNullable(points.get(m.id()))
        .map(p -> p.active(Currency.POINTS, NOW))
        .orElse(0L);
  }

  List<TierChange> tierChangesOf(Member m) {
    return tierHistory.stream().filter(c -> c.memberId().equals(m.id())).toList();
  }

  static PurchaseRecording.RecordPurchase purchase(
      Member m, String amount, String category, String receipt) {
    return new PurchaseRecording.RecordPurchase(
        m.passport().value(), Money.rub(amount), category, NOW.minusSeconds(60), receipt);
  }

  static RefundRecording.RecordRefund refund(String receipt, String refundNumber, String amount) {
    return new RefundRecording.RecordRefund(
        receipt, refundNumber, Money.rub(amount), NOW.minusSeconds(30));
  }

  static IdempotencyKey key(String value) {
    return new IdempotencyKey("test-key-" + value);
  }

  // The stores.

  private final class Registry {
    Optional<Tenant> find(TenantId id) {
      return Optional.ofNullable(tenants.get(id));
    }
  }

  private final class Directory {
    Optional<TenantId> clubOf(PassportCode code) {
      return Optional.ofNullable(passports.get(code));
    }
  }

  private final class Links {
    Optional<Partnership> find(TenantId clubId, TenantId partnerId) {
      return Optional.ofNullable(partnerships.get(key(clubId, partnerId)));
    }
  }

  private final class Categories {
    List<Category> all(SchemaName schema) {
      return schema.equals(club.schema()) ? List.copyOf(categories.values()) : List.of();
    }

    Optional<Category> find(SchemaName schema, String code) {
      return schema.equals(club.schema())
          ? Optional.ofNullable(categories.get(code))
          : Optional.empty();
    }
  }

  private final class Members {
    Optional<Member> find(SchemaName schema, UUID id) {
      return Optional.ofNullable(members.get(id)).filter(m -> schema.equals(club.schema()));
    }

    Optional<Member> findByPassport(SchemaName schema, PassportCode code) {
      return members.values().stream()
          .filter(m -> schema.equals(club.schema()) && m.passport().equals(code))
          .findFirst();
    }

    /** Single-threaded: the lock is the database's; here the member as found. */
    Optional<Member> lockByPassport(SchemaName schema, PassportCode code) {
      return findByPassport(schema, code);
    }
  }

  private final class Purchases {
    void add(SchemaName s, Purchase p) {
      purchases.put(p.id(), p);
    }

    Optional<Purchase> find(SchemaName s, UUID id) {
      return Optional.ofNullable(purchases.get(id));
    }

    void addRefund(SchemaName s, PurchaseRefund refund) {
      purchaseRefunds.add(refund);
    }

    Optional<UUID> memberOf(SchemaName s, UUID purchaseId) {
      return Optional.ofNullable(purchases.get(purchaseId)).map(Purchase::memberId);
    }

    long countOfMember(SchemaName s, UUID memberId) {
      return purchases.values().stream().filter(p -> p.memberId().equals(memberId)).count();
    }

    List<String> categoriesBetween(SchemaName s, UUID memberId, Instant from, Instant to) {
      return purchases.values().stream()
          .filter(p -> p.memberId().equals(memberId))
          .filter(p -> !p.occurredAt().isBefore(from) && p.occurredAt().isBefore(to))
          .map(Purchase::categoryCode)
          .distinct()
          .toList();
    }

    long pointsReturned(SchemaName s, UUID purchaseId) {
      return purchaseRefunds.stream()
          .filter(r -> r.purchaseId().equals(purchaseId))
          .mapToLong(PurchaseRefund::pointsReturned)
          .sum();
    }

    long pointsReversed(SchemaName s, UUID purchaseId) {
      return purchaseRefunds.stream()
          .filter(r -> r.purchaseId().equals(purchaseId))
          .mapToLong(PurchaseRefund::pointsReversed)
          .sum();
    }

    List<UUID> refundIds(SchemaName s, UUID purchaseId) {
      return purchaseRefunds.stream()
          .filter(r -> r.purchaseId().equals(purchaseId))
          .map(PurchaseRefund::id)
          .toList();
    }

    /** As the repository's query: spend net of refunds, categories with spend left. */
    WindowStats statsSince(SchemaName s, UUID memberId, Instant from) {
      List<Purchase> inWindow =
          purchases.values().stream()
              .filter(p -> p.memberId().equals(memberId) && p.occurredAt().isAfter(from))
              .filter(p -> p.refundable().isPositive())
              .toList();
      Money spent =
          inWindow.stream().map(Purchase::refundable).reduce(Money.zero(Money.RUB), Money::plus);
      int kinds = (int) inWindow.stream().map(Purchase::categoryCode).distinct().count();
      return new WindowStats(spent, kinds);
    }
  }

  private final class Receipts {
    boolean exists(SchemaName s, String number) {
      return receipts.containsKey(s + "/" + number);
    }

    void add(SchemaName s, Receipt receipt) {
      receipts.put(s + "/" + receipt.receiptNumber(), receipt);
    }

    Optional<Receipt> lockByNumber(SchemaName s, String number) {
      return Optional.ofNullable(receipts.get(s + "/" + number));
    }

    boolean refundExists(SchemaName s, String refundNumber) {
      return refundNumbers.contains(s + "/" + refundNumber);
    }

    void addRefund(SchemaName s, ReceiptRefund refund) {
      receiptRefunds.add(refund);
      refundNumbers.add(s + "/" + refundNumberOf(refund));
    }
  }

  private final class Ledger {
    MemberPoints lock(SchemaName s, UUID memberId) {
      return points.computeIfAbsent(memberId, id -> new MemberPoints(id, List.of(), Map.of()));
    }

    MemberPoints read(SchemaName s, UUID memberId) {
      return lock(s, memberId);
    }

    void record(SchemaName s, Movement movement) {
      movements.add(movement);
    }

    MemberPoints forAccrual(SchemaName s, UUID memberId) {
      // The same object as lock(): its lots are this store's lots, so balances add up.
      return lock(s, memberId);
    }

    void append(SchemaName s, List<Movement> accruals) {
      movements.addAll(accruals);
    }

    long active(SchemaName s, UUID memberId, String currency, Instant now) {
      return lock(s, memberId).active(currency, now);
    }

    Map<String, Long> grantedFor(SchemaName s, String purchaseId) {
      Map<String, Long> granted = new TreeMap<>();
      for (Movement m : movements) {
        for (PointLot lot : m.newLots()) {
          if (lot.purchaseId().equals(Optional.of(purchaseId))) {
            granted.merge(lot.currency(), lot.granted(), Long::sum);
          }
        }
      }
      return granted;
    }
  }

  private final class Settings {
    Optional<Currency> currency(SchemaName s, String code) {
      return currencies.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    List<Currency> currencies(SchemaName s) {
      return List.copyOf(currencies);
    }

    SpentPointsPolicy spentPointsPolicy(SchemaName s) {
      return SpentPointsPolicy.DEBT;
    }

    BigDecimal maxRedeemPercent(SchemaName s) {
      return maxRedeemPercent;
    }
  }

  private final class Tiers {
    List<Tier> all(SchemaName s) {
      return ladder.stream().map(Tier::new).toList();
    }

    void record(SchemaName s, TierChange change) {
      tierHistory.add(change);
    }
  }

  private final class Store {
    Optional<StoredResult> claim(
        TenantId tenant, IdempotencyKey key, String operation, String requestHash) {
      StoredResult earlier = storedResults.get(tenant + "|" + key.value());
      if (earlier != null) {
        return Optional.of(earlier);
      }
      // Claimed: kept only when completed (a failed request rolls its claim back).
      pending.put(tenant + "|" + key.value(), new String[] {operation, requestHash});
      return Optional.empty();
    }

    void complete(TenantId tenant, IdempotencyKey key, int status, String body) {
      String[] claim = pending.remove(tenant + "|" + key.value());
      storedResults.put(
          tenant + "|" + key.value(), new StoredResult(claim[0], claim[1], status, body));
    }

    private final Map<String, String[]> pending = new HashMap<>();
  }

  private static final class Vault {
    PersonalData open(SchemaName s, UUID memberId, byte[] sealed) {
      return new PersonalData("Anna", "K", "+79160000000", "anna@example.org", null);
    }
  }

  // Plumbing.

  private static String key(TenantId clubId, TenantId partnerId) {
    return clubId + "/" + partnerId;
  }

  private Tenant active(TenantKind kind, String slug) {
    Tenant t = Tenant.register(kind, new Slug(slug), slug, "ru", "Europe/Moscow", NOW);
    t.completed(ProvisioningStep.DONE, NOW);
    return t;
  }

  private static String refundNumberOf(ReceiptRefund refund) {
    try {
      Field f = ReceiptRefund.class.getDeclaredField("refundNumber");
      f.setAccessible(true);
      return (String) f.get(refund);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TierRule rule(
      String code,
      String name,
      int rank,
      String minSpend,
      int minCategories,
      String accrualPercent,
      boolean invitationOnly) {
    return new TierRule(
        code,
        name,
        rank,
        Money.rub(minSpend),
        minCategories,
        12,
        new BigDecimal(accrualPercent),
        invitationOnly);
  }

  /**
   * An implementation of the interface that hands each call to the method of {@code impl} with the
   * same name and parameter types; any other method is unsupported (a test reaching it shows that
   * the service needs more of the store than the fake models).
   */
  /** An {@code Event} that records what is fired. */
  @SuppressWarnings("unchecked")
  static <T> jakarta.enterprise.event.Event<T> events(List<Object> fired) {
    return (jakarta.enterprise.event.Event<T>)
        java.lang.reflect.Proxy.newProxyInstance(
            InMemoryIntake.class.getClassLoader(),
            new Class<?>[] {jakarta.enterprise.event.Event.class},
            (proxy, method, args) -> {
              if (method.getName().equals("fire")) {
                fired.add(args[0]);
                return null;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  static <T> T fake(Class<T> type, Object impl) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "fake " + type.getSimpleName() : null;
              }
              Method target;
              try {
                target =
                    impl.getClass().getDeclaredMethod(method.getName(), method.getParameterTypes());
              } catch (NoSuchMethodException e) {
                throw new UnsupportedOperationException(
                    type.getSimpleName() + "." + method.getName() + " is not faked");
              }
              target.setAccessible(true);
              try {
                return target.invoke(impl, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }

  private static void set(Object target, String field, Object value) {
    try {
      Field f = target.getClass().getDeclaredField(field);
      f.setAccessible(true);
      f.set(target, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static Collection<Movement> movementsOf(InMemoryIntake intake) {
    return intake.movements;
  }
}
