package club.bloom.bench;

import club.bloom.client.ApiException;
import club.bloom.client.model.ApiKeyRequest;
import club.bloom.client.model.Category;
import club.bloom.client.model.ClubProvisioning;
import club.bloom.client.model.CounterRegistration;
import club.bloom.client.model.Money;
import club.bloom.client.model.PartnerProvisioning;
import club.bloom.client.model.PartnershipTerms;
import club.bloom.client.model.SubscriptionUpdate;
import club.bloom.client.model.Tier;
import club.bloom.devstack.BloomApi;
import club.bloom.devstack.KeycloakTestAdmin;
import club.bloom.devstack.StackEndpoints;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The ingest benchmark of issue 10: drives {@code POST /purchases} over HTTP with N concurrent
 * clients (unique receipts and idempotency keys, several partners of several clubs), prints
 * purchases/s, p50/p95/p99 and errors per concurrency, where the CPU went (Liberty, PostgreSQL,
 * this load generator), and — in the same run, on the same database — the <b>floor</b>: {@code
 * pgbench} replaying the row writes one purchase makes ({@link PurchaseFloor}). Afterwards it
 * checks that every accepted purchase is stored exactly once on both sides and that every club's
 * ledger reconciles. Not a test: it prints figures and asserts nothing about time.
 *
 * <p>Run: {@code ./mvnw -Pbenchmark verify -Dbench.main=club.bloom.bench.IngestBenchmark}
 * (docs/benchmarks.md). Sizes: {@code -Dbench.ingest.clubs=3 -Dbench.ingest.partners=6
 * -Dbench.ingest.members=2000 -Dbench.ingest.clients=8,16,32,64 -Dbench.ingest.seconds=30
 * -Dbench.ingest.warmup=15}; {@code -Dbench.ingest.extraClubs=300
 * -Dbench.ingest.extraPartners=3000} provisions that many more tenants (idle) before measuring, to
 * show that the tenant count does not cost throughput (they stay on the stack for the next run).
 */
public final class IngestBenchmark {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String[] CATEGORIES = {"florist", "spa", "cosmetology", "gastro", "wine"};

  private final StackEndpoints stack;
  private final KeycloakTestAdmin keycloak;
  private BloomApi operator;
  private long operatorTokenAt;
  private final HttpClient http;
  private final List<String> report = new ArrayList<>();
  private final String run = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);

  private final int clubs = Integer.getInteger("bench.ingest.clubs", 3);
  private final int partners = Integer.getInteger("bench.ingest.partners", 6);
  private final int membersPerClub = Integer.getInteger("bench.ingest.members", 2000);
  private final int[] clients =
      Arrays.stream(System.getProperty("bench.ingest.clients", "8,16,32,64").split(","))
          .mapToInt(s -> Integer.parseInt(s.trim()))
          .toArray();
  private final int seconds = Integer.getInteger("bench.ingest.seconds", 30);
  private final int warmup = Integer.getInteger("bench.ingest.warmup", 15);
  private final int extraClubs = Integer.getInteger("bench.ingest.extraClubs", 0);
  private final int extraPartners = Integer.getInteger("bench.ingest.extraPartners", 0);

  /** A partner under load: its key, and per club it belongs to, that club's passports. */
  record Shop(String slug, String key, List<String> clubs, List<String> categories) {}

  private final List<Shop> shops = new ArrayList<>();
  private final java.util.concurrent.atomic.AtomicLong levels =
      new java.util.concurrent.atomic.AtomicLong();

  /** The first problems seen per status (type and detail), to tell what the errors were. */
  private final Map<Integer, String> problems = new ConcurrentHashMap<>();

  private String floorClub;
  private Shop floorShop;
  private final Map<String, List<String>> passports = new HashMap<>();
  private final Map<String, LongAdder> acceptedByPartner = new ConcurrentHashMap<>();

  private IngestBenchmark(StackEndpoints stack) {
    this.stack = stack;
    this.keycloak =
        new KeycloakTestAdmin(
            stack.keycloakUrl(), stack.keycloakAdminUser(), stack.keycloakAdminPassword());
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /**
   * The operator's API with a token younger than a minute: on a busy machine the set-up (members
   * registered by the thousand) outlasts the token's lifetime.
   */
  private BloomApi operator() {
    if (operator == null || System.nanoTime() - operatorTokenAt > 60_000_000_000L) {
      operator =
          BloomApi.as(
              stack.bloomUrl(),
              keycloak.clientCredentials(
                  stack.platformRealm(), "bloom-ops", stack.opsClientSecret()));
      operatorTokenAt = System.nanoTime();
    }
    return operator;
  }

  public static void main(String[] args) throws Exception {
    StackEndpoints stack =
        StackEndpoints.local(
            Integer.getInteger("bloom.http.port", 9080),
            Integer.getInteger("bloom.keycloak.port", 8180),
            Integer.getInteger("bloom.postgres.port", 55432));
    new IngestBenchmark(stack).run();
  }

  private void run() throws Exception {
    line("Bloom ingest benchmark — " + Instant.now());
    line(Machine.describe());
    line(
        String.format(
            Locale.ROOT,
            "%d clubs × %d members, %d partners; %d s per level after %d s of warm-up; run id %s",
            clubs,
            membersPerClub,
            partners,
            seconds,
            warmup,
            run));
    long t0 = System.nanoTime();
    setUp();
    if (extraClubs + extraPartners > 0) {
      provisionIdleTenants();
    }
    line(
        String.format(
            Locale.ROOT,
            "set-up: %.0f s; tenants in the registry: %d",
            (System.nanoTime() - t0) / 1e9,
            tenantCount()));
    line("");
    load(Math.max(clients[0], 8), warmup, false);
    line(
        "clients | purchases/s | p50 ms | p95 ms | p99 ms | max ms | errors | CPU cores: Liberty"
            + " / PostgreSQL / load generator / machine");
    double best = 0;
    for (int n : clients) {
      best = Math.max(best, load(n, seconds, true));
    }
    line("");
    PurchaseFloor.Result floor =
        new PurchaseFloor(
                stack,
                report,
                "club_" + floorClub.replace('-', '_'),
                "partner_" + floorShop.slug().replace('-', '_'),
                tenantId(floorShop.slug()),
                membersPerClub)
            .run(
                Integer.getInteger("bench.ingest.floorClients", 8),
                Integer.getInteger("bench.ingest.floorSeconds", 20));
    line(
        String.format(
            Locale.ROOT,
            "best: %.0f purchases/s = %.0f %% of the pgbench floor (%.0f transactions/s)",
            best,
            100 * best / floor.tps(),
            floor.tps()));
    line("");
    verify();
    Path out = Path.of("target", "bench", "ingest-" + run + ".txt");
    Files.createDirectories(out.getParent());
    Files.write(out, report);
    System.out.println("(written to " + out.toAbsolutePath() + ")");
  }

  // --- set-up through the public API, as the operator and the partners ---

  private void setUp() throws Exception {
    List<String> clubSlugs = new ArrayList<>();
    for (int c = 1; c <= clubs; c++) {
      String slug = "ib" + run + "-c" + c;
      provisionClub(slug);
      clubSlugs.add(slug);
      passports.put(slug, new ArrayList<>());
    }
    for (int p = 1; p <= partners; p++) {
      String slug = "ib" + run + "-p" + p;
      operator().platform().provisionPartner(slug, new PartnerProvisioning().name("Shop " + slug));
      operator()
          .platform()
          .changeTenantSubscription("partners", slug, new SubscriptionUpdate().plan("enterprise"));
      // Each partner in one or two clubs, with two or three categories.
      List<String> joined = new ArrayList<>();
      joined.add(clubSlugs.get((p - 1) % clubs));
      if (p % 2 == 0 && clubs > 1) {
        joined.add(clubSlugs.get(p % clubs));
      }
      List<String> categories =
          List.of(CATEGORIES[p % 5], CATEGORIES[(p + 1) % 5], CATEGORIES[(p + 3) % 5]);
      for (String club : joined) {
        operator()
            .platform()
            .linkPartner(club, slug, new PartnershipTerms().categories(categories));
      }
      String key =
          operator()
              .platform()
              .issueApiKey(
                  slug,
                  new ApiKeyRequest()
                      .mode(ApiKeyRequest.ModeEnum.TEST)
                      .label("ingest benchmark")
                      .scopes(
                          List.of(
                              ApiKeyRequest.ScopesEnum.PURCHASES_WRITE,
                              ApiKeyRequest.ScopesEnum.MEMBERS_REGISTER)))
              .getKey();
      shops.add(new Shop(slug, key, List.copyOf(joined), categories));
      acceptedByPartner.put(slug, new LongAdder());
    }
    registerMembers(clubSlugs);
    // The floor's own club and partner: pgbench writes into their real tables, not into those the
    // load is checked against.
    floorClub = "ib" + run + "-floor";
    provisionClub(floorClub);
    passports.put(floorClub, new ArrayList<>());
    String floorPartner = "ib" + run + "-floorp";
    operator()
        .platform()
        .provisionPartner(floorPartner, new PartnerProvisioning().name("Floor " + floorPartner));
    operator()
        .platform()
        .changeTenantSubscription(
            "partners", floorPartner, new SubscriptionUpdate().plan("enterprise"));
    operator()
        .platform()
        .linkPartner(
            floorClub, floorPartner, new PartnershipTerms().categories(List.of("florist")));
    floorShop =
        new Shop(
            floorPartner,
            operator()
                .platform()
                .issueApiKey(
                    floorPartner,
                    new ApiKeyRequest()
                        .mode(ApiKeyRequest.ModeEnum.TEST)
                        .label("ingest benchmark floor")
                        .scopes(List.of(ApiKeyRequest.ScopesEnum.MEMBERS_REGISTER)))
                .getKey(),
            List.of(floorClub),
            List.of("florist"));
    List<Shop> loaded = List.copyOf(shops);
    shops.add(floorShop);
    registerMembers(List.of(floorClub));
    shops.clear();
    shops.addAll(loaded);
    passports.remove(floorClub);
  }

  private String tenantId(String slug) throws java.sql.SQLException {
    try (Connection db = db();
        java.sql.PreparedStatement st =
            db.prepareStatement("SELECT id FROM platform.tenant WHERE slug = ?")) {
      st.setString(1, slug);
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private void provisionClub(String slug) throws ApiException {
    operator()
        .platform()
        .provisionClub(
            slug,
            new ClubProvisioning()
                .name("Club " + slug)
                .adminEmail("admin@" + slug + ".bench")
                .adminPassword("admin-" + slug));
    operator()
        .platform()
        .changeTenantSubscription("clubs", slug, new SubscriptionUpdate().plan("enterprise"));
    List<Category> categories = new ArrayList<>();
    for (String code : CATEGORIES) {
      categories.add(new Category().code(code).name(code));
    }
    operator().clubs().defineCategories(slug, categories);
    operator()
        .clubs()
        .defineTiers(
            slug,
            List.of(
                tier("insider", "Insider", 1, "0", 1, "5"),
                tier("vip", "VIP", 2, "30000", 3, "7"),
                tier("elite", "Elite", 3, "100000", 5, "10")));
  }

  private static Tier tier(
      String code, String name, int rank, String spend, int categories, String percent) {
    return new Tier()
        .code(code)
        .name(name)
        .rank(rank)
        .minSpend(new Money().amount(spend).currency("RUB"))
        .minCategories(categories)
        .windowMonths(12)
        .accrualPercent(percent)
        .invitationOnly(false);
  }

  /** Members registered at the counter (no login needed to earn), in parallel. */
  private void registerMembers(List<String> clubSlugs) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      AtomicLong phone = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 8_000_000));
      for (String club : clubSlugs) {
        Shop registrar =
            shops.stream().filter(s -> s.clubs().contains(club)).findFirst().orElseThrow();
        BloomApi api = BloomApi.as(stack.bloomUrl(), registrar.key());
        List<String> list = java.util.Collections.synchronizedList(passports.get(club));
        for (int m = 0; m < membersPerClub; m++) {
          done.add(
              pool.submit(
                  () -> {
                    String number = String.format("+7996%07d", phone.getAndIncrement());
                    list.add(
                        api.purchases()
                            .registerAtCounter(
                                club,
                                UUID.randomUUID().toString(),
                                new CounterRegistration().phone(number))
                            .getPassportCode());
                    return null;
                  }));
        }
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private void provisionIdleTenants() throws ApiException {
    long t0 = System.nanoTime();
    for (int c = 1; c <= extraClubs; c++) {
      operator()
          .platform()
          .provisionClub(
              "ibx" + run + "-c" + c,
              new ClubProvisioning()
                  .name("Idle club " + c)
                  .adminEmail("admin" + c + "@ibx" + run + ".bench")
                  .adminPassword("admin-ibx-" + c));
      progress("idle clubs", c, extraClubs, t0);
    }
    t0 = System.nanoTime();
    for (int p = 1; p <= extraPartners; p++) {
      operator()
          .platform()
          .provisionPartner("ibx" + run + "-p" + p, new PartnerProvisioning().name("Idle " + p));
      progress("idle partners", p, extraPartners, t0);
    }
  }

  private static void progress(String what, int n, int of, long t0) {
    if (n % 100 == 0 || n == of) {
      System.out.printf(
          Locale.ROOT, "  %s: %d of %d (%.0f s)%n", what, n, of, (System.nanoTime() - t0) / 1e9);
    }
  }

  // --- the load ---

  /**
   * {@code n} clients each posting purchases back to back for {@code duration} seconds.
   *
   * @return purchases per second
   */
  private double load(int n, int duration, boolean print) throws Exception {
    long level = levels.incrementAndGet();
    long[][] latencies = new long[n][];
    int[] counts = new int[n];
    LongAdder errors = new LongAdder();
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(n);
    Cpu before = Cpu.now();
    long start = System.nanoTime();
    long deadline = start + Duration.ofSeconds(duration).toNanos();
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int client = i;
      running.add(
          pool.submit(
              () -> {
                long[] mine = new long[1 << 16];
                int count = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline) {
                  Shop shop = shops.get(random.nextInt(shops.size()));
                  String club = shop.clubs().get(random.nextInt(shop.clubs().size()));
                  List<String> members = passports.get(club);
                  String body =
                      purchase(
                          members.get(random.nextInt(members.size())),
                          shop.categories().get(random.nextInt(shop.categories().size())),
                          random,
                          "IB-" + run + "-" + level + "-" + client + "-" + count);
                  long t = System.nanoTime();
                  int status = post(shop.key(), body);
                  long took = System.nanoTime() - t;
                  if (count == mine.length) {
                    mine = Arrays.copyOf(mine, mine.length * 2);
                  }
                  mine[count++] = took;
                  statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                  if (status == 201) {
                    acceptedByPartner.get(shop.slug()).increment();
                  } else {
                    errors.increment();
                  }
                }
                latencies[client] = mine;
                counts[client] = count;
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    Cpu after = Cpu.now();
    pool.shutdown();
    long total = Arrays.stream(counts).sum();
    long[] all = new long[(int) total];
    int at = 0;
    for (int i = 0; i < n; i++) {
      System.arraycopy(latencies[i], 0, all, at, counts[i]);
      at += counts[i];
    }
    Arrays.sort(all);
    double ok = (total - errors.sum()) / elapsed;
    if (print) {
      line(
          String.format(
              Locale.ROOT,
              "%7d | %11.0f | %6.1f | %6.1f | %6.1f | %6.0f | %6d | %s",
              n,
              ok,
              ms(all, 0.50),
              ms(all, 0.95),
              ms(all, 0.99),
              all.length == 0 ? 0 : all[all.length - 1] / 1e6,
              errors.sum(),
              after.minus(before, elapsed)));
      if (errors.sum() > 0) {
        line("          statuses: " + statuses);
        problems.forEach((status, problem) -> line("          " + status + ": " + problem));
        problems.clear();
      }
    }
    return ok;
  }

  private static double ms(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
  }

  private static String purchase(
      String passport, String category, ThreadLocalRandom random, String receipt) {
    String amount = (100 + random.nextInt(9900)) + "." + (10 + random.nextInt(90));
    OffsetDateTime at =
        OffsetDateTime.now(ZoneOffset.ofHours(3)).minusMinutes(random.nextInt(600)).withNano(0);
    return "{\"passportCode\":\""
        + passport
        + "\",\"amount\":{\"amount\":\""
        + amount
        + "\",\"currency\":\"RUB\"},\"category\":\""
        + category
        + "\",\"occurredAt\":\""
        + at.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)
        + "\",\"receiptNumber\":\""
        + receipt
        + "\"}";
  }

  private int post(String key, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(stack.bloomUrl() + "/api/v1/purchases"))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + key)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        problems.putIfAbsent(response.statusCode(), response.body());
      }
      return response.statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -2;
    }
  }

  // --- after the run ---

  /** Every accepted purchase once on each side, and every club's ledger in balance. */
  private void verify() throws Exception {
    try (Connection db = db();
        Statement st = db.createStatement()) {
      long accepted = 0;
      long receipts = 0;
      boolean ok = true;
      for (Shop shop : shops) {
        String schema = "partner_" + shop.slug().replace('-', '_');
        long mine = acceptedByPartner.get(shop.slug()).sum();
        long stored = count(st, "SELECT count(*) FROM " + schema + ".receipt");
        accepted += mine;
        receipts += stored;
        if (mine != stored) {
          ok = false;
          line("MISMATCH: " + shop.slug() + " accepted " + mine + ", stored " + stored);
        }
      }
      long purchases = 0;
      for (String club : passports.keySet()) {
        String schema = "club_" + club.replace('-', '_');
        purchases += count(st, "SELECT count(*) FROM " + schema + ".purchase");
        long unbalanced =
            count(
                st,
                "SELECT count(*) FROM (SELECT entry_id, currency FROM "
                    + schema
                    + ".ledger_posting GROUP BY entry_id, currency HAVING sum(amount) <> 0) x");
        long drift =
            count(
                st,
                "SELECT (SELECT coalesce(sum(amount), 0) FROM "
                    + schema
                    + ".ledger_posting WHERE account = 'MEMBER') - (SELECT coalesce(sum(remaining),"
                    + " 0) FROM "
                    + schema
                    + ".point_lot)");
        if (unbalanced != 0 || drift != 0) {
          ok = false;
          line("LEDGER: " + club + " unbalanced entries " + unbalanced + ", drift " + drift);
        }
      }
      if (purchases != receipts) {
        ok = false;
        line("MISMATCH: " + purchases + " purchases in the clubs, " + receipts + " receipts");
      }
      line(
          String.format(
              Locale.ROOT,
              "check: %d purchases accepted, %d receipts and %d purchases stored; ledgers %s — %s",
              accepted,
              receipts,
              purchases,
              ok ? "reconcile" : "DO NOT reconcile",
              ok ? "OK" : "FAILED"));
    }
  }

  private long tenantCount() {
    try (Connection db = db();
        Statement st = db.createStatement()) {
      return count(st, "SELECT count(*) FROM platform.tenant");
    } catch (Exception e) {
      return -1;
    }
  }

  private Connection db() throws java.sql.SQLException {
    return DriverManager.getConnection(stack.postgresJdbcUrl(), stack.dbUser(), stack.dbPassword());
  }

  private static long count(Statement st, String sql) throws java.sql.SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void line(String text) {
    System.out.println(text);
    report.add(text);
  }
}
