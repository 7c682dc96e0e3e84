package club.bloom.bench;

import club.bloom.client.ApiException;
import club.bloom.client.model.ClubProvisioning;
import club.bloom.client.model.PartnerProvisioning;
import club.bloom.devstack.BloomApi;
import club.bloom.devstack.KeycloakTestAdmin;
import club.bloom.devstack.StackEndpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The provisioning benchmark of issue #4: provisions {@code bench.tenants} clubs (default 100),
 * each with its own Keycloak realm, and as many partner businesses, each an organization of the
 * platform realm, one after the other through the operator's API ({@code PUT
 * /platform/clubs/{club}}, {@code PUT /platform/partners/{partner}}), and prints the time per
 * tenant — min, median, p95, max — per batch of {@code bench.batch} (default 25), so that what the
 * growing realm count does to provisioning shows. After each batch it also times what a member's
 * sign-in and the admin API cost with that many realms, and Keycloak's memory. Not a test: it
 * prints figures and asserts nothing about time. Run it with {@code ./mvnw -Pbenchmark verify
 * -Dbench.main=club.bloom.bench.ProvisioningBenchmark} (docs/benchmarks.md).
 *
 * <p>Tenants are named {@code pb<run>-c<n>} and {@code pb<run>-p<n>} and stay on the stack: a
 * second run starts with the realms of the first and continues the curve.
 */
public final class ProvisioningBenchmark {
  private final StackEndpoints stack;
  private final KeycloakTestAdmin keycloak;
  private final int tenants;
  private final int batch;
  private final List<String> report = new ArrayList<>();

  private ProvisioningBenchmark(StackEndpoints stack, int tenants, int batch) {
    this.stack = stack;
    this.keycloak =
        new KeycloakTestAdmin(
            stack.keycloakUrl(), stack.keycloakAdminUser(), stack.keycloakAdminPassword());
    this.tenants = tenants;
    this.batch = batch;
  }

  public static void main(String[] args) throws Exception {
    StackEndpoints stack =
        StackEndpoints.local(
            Integer.getInteger("bloom.http.port", 9080),
            Integer.getInteger("bloom.keycloak.port", 8180),
            Integer.getInteger("bloom.postgres.port", 55432));
    new ProvisioningBenchmark(
            stack, Integer.getInteger("bench.tenants", 100), Integer.getInteger("bench.batch", 25))
        .run();
  }

  private void run() throws Exception {
    line("Bloom provisioning benchmark — " + Instant.now());
    line(Machine.describe());
    String run = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
    int realmsBefore = realmCount();
    line(
        String.format(
            Locale.ROOT,
            "%d clubs (a realm each) and %d partners (an organization each), interleaved, in batches"
                + " of %d; Keycloak holds %d realms before; run id %s",
            tenants,
            tenants,
            batch,
            realmsBefore,
            run));
    line("");
    line(
        "batch | realms at start | club ms: min / median / p95 / max | partner ms: min / median /"
            + " p95 / max | member token ms | admin realm list ms | Keycloak RSS MB | load");
    List<Long> allClubs = new ArrayList<>();
    List<Long> allPartners = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int from = 1; from <= tenants; from += batch) {
      int to = Math.min(tenants, from + batch - 1);
      int realmsAtStart = realmCount();
      String load = Machine.loadAverage();
      List<Long> clubs = new ArrayList<>();
      List<Long> partners = new ArrayList<>();
      String lastClub = null;
      for (int i = from; i <= to; i++) {
        lastClub = "pb" + run + "-c" + i;
        clubs.add(timeClub(lastClub));
        partners.add(timePartner("pb" + run + "-p" + i));
      }
      allClubs.addAll(clubs);
      allPartners.addAll(partners);
      line(
          String.format(
              Locale.ROOT,
              "%d–%d | %d | %s | %s | %d | %d | %s | %s",
              from,
              to,
              realmsAtStart,
              stats(clubs),
              stats(partners),
              memberTokenMillis(lastClub),
              adminRealmListMillis(),
              Machine.keycloakRssMb(),
              load));
    }
    line("");
    line(
        String.format(
            Locale.ROOT,
            "all %d clubs: %s ms; all %d partners: %s ms; %d tenants in %.1f min; Keycloak now holds"
                + " %d realms",
            allClubs.size(),
            stats(allClubs),
            allPartners.size(),
            stats(allPartners),
            allClubs.size() + allPartners.size(),
            (System.nanoTime() - t0) / 60e9,
            realmCount()));
    Path out = Path.of("target", "benchmark", "provisioning-" + tenants + "-" + run + ".txt");
    Files.createDirectories(out.getParent());
    Files.write(out, report);
    System.out.println("(written to " + out.toAbsolutePath() + ")");
  }

  // --- one tenant ------------------------------------------------------------------------------

  private BloomApi operator() {
    return BloomApi.as(
        stack.bloomUrl(),
        keycloak.clientCredentials(stack.platformRealm(), "bloom-ops", stack.opsClientSecret()));
  }

  /** A club: schema and migrations, its realm from the template, its admin. */
  private long timeClub(String slug) throws ApiException {
    BloomApi operator = operator(); // outside the timing: a token of the platform realm
    long t = System.nanoTime();
    operator
        .platform()
        .provisionClub(
            slug,
            new ClubProvisioning()
                .name("Benchmark " + slug)
                .adminEmail("admin@" + slug + ".test")
                .adminPassword("admin-" + slug));
    return (System.nanoTime() - t) / 1_000_000;
  }

  /** A partner: schema and migrations, its organization in the platform realm. */
  private long timePartner(String slug) throws ApiException {
    BloomApi operator = operator();
    long t = System.nanoTime();
    operator.platform().provisionPartner(slug, new PartnerProvisioning().name("Benchmark " + slug));
    return (System.nanoTime() - t) / 1_000_000;
  }

  // --- what the realm count does to the rest ---------------------------------------------------

  /** A club admin's password grant in the newest realm (a member's sign-in costs the same). */
  private long memberTokenMillis(String club) {
    String realm = "club-" + club;
    keycloak.ensureDirectGrantClient(realm, "bloom-bench");
    keycloak.passwordGrant(realm, "bloom-bench", "admin@" + club + ".test", "admin-" + club);
    long t = System.nanoTime();
    keycloak.passwordGrant(realm, "bloom-bench", "admin@" + club + ".test", "admin-" + club);
    return (System.nanoTime() - t) / 1_000_000;
  }

  /** {@code GET /admin/realms} (brief): what the admin console asks first. */
  private long adminRealmListMillis() {
    long t = System.nanoTime();
    realmCount();
    return (System.nanoTime() - t) / 1_000_000;
  }

  private int realmCount() {
    return keycloak.adminGet("/admin/realms?briefRepresentation=true").asJsonArray().size();
  }

  private static String stats(List<Long> millis) {
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    int n = sorted.size();
    long median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    long p95 = sorted.get(Math.max(0, (int) Math.ceil(0.95 * n) - 1));
    return sorted.get(0) + " / " + median + " / " + p95 + " / " + sorted.get(n - 1);
  }

  private void line(String text) {
    System.out.println(text);
    report.add(text);
  }
}
