package club.bloom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.billing.domain.RateDecision;
import club.bloom.billing.infrastructure.PostgresRateLimiter;
import club.bloom.client.ApiException;
import club.bloom.e2e.Fixtures.ClubFixture;
import club.bloom.e2e.Fixtures.PartnerFixture;
import club.bloom.tenancy.domain.TenantId;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Rate limits per tenant: a burst over the plan's rate is answered 429 with Retry-After and the
 * rate-limit headers, and passes after waiting. The buckets live in PostgreSQL: two independent
 * Bucket4j managers share one bucket, and a bucket drained from outside the server is empty for the
 * server too — neither can hold with buckets kept per JVM.
 */
class RateLimitIT {
  static ClubFixture club;

  @BeforeAll
  static void club() throws ApiException {
    club = Fixtures.club();
  }

  private static PGSimpleDataSource database() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(Fixtures.STACK.postgresJdbcUrl());
    ds.setUser(Fixtures.STACK.dbUser());
    ds.setPassword(Fixtures.STACK.dbPassword());
    return ds;
  }

  private static TenantId partnerId(String slug) throws Exception {
    try (Connection db = Fixtures.db();
        PreparedStatement q =
            db.prepareStatement(
                "SELECT id FROM platform.tenant WHERE kind = 'PARTNER' AND slug = ?")) {
      q.setString(1, slug);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return new TenantId(rs.getObject(1, UUID.class));
      }
    }
  }

  private static HttpResponse<String> listPurchases(PartnerFixture partner) {
    return Fixtures.http("GET", "/purchases?limit=1", partner.apiKey(), null);
  }

  @Test
  void everyResponseToATenantsKeyOrLoginCarriesTheRateLimitHeaders() throws ApiException {
    PartnerFixture partner = club.partner("florist");
    HttpResponse<String> ok = listPurchases(partner);
    assertEquals(200, ok.statusCode(), ok::body);
    assertEquals("500", ok.headers().firstValue("RateLimit-Limit").orElseThrow());
    long remaining = Long.parseLong(ok.headers().firstValue("RateLimit-Remaining").orElseThrow());
    assertTrue(remaining >= 0 && remaining < 500, "one token spent: " + remaining);
    assertTrue(ok.headers().firstValue("RateLimit-Reset").isPresent());
    // A login of the club's realm is a request of the club: its rate, its headers.
    HttpResponse<String> member = Fixtures.http("GET", "/me", club.member().token(), null);
    assertEquals(200, member.statusCode(), member::body);
    assertEquals("500", member.headers().firstValue("RateLimit-Limit").orElseThrow());
    assertTrue(member.headers().firstValue("RateLimit-Remaining").isPresent());
    HttpResponse<String> anonymous = Fixtures.http("GET", "/plans", null, null);
    assertFalse(
        anonymous.headers().firstValue("RateLimit-Limit").isPresent(), "no tenant, no limit");
  }

  /**
   * Requests that meet at the bucket go to PostgreSQL together (ADR 0036). The first requests of a
   * new bucket, and those after its row expired and was removed, must create it — never a 500.
   */
  @Test
  void requestsFiredAtOnceAtANewOrRemovedBucketAreAllServed() throws Exception {
    PartnerFixture partner = club.partner("wine");
    Fixtures.override("partners", partner.slug(), "apiRequestsPerSecond", 1000);
    for (int round = 0; round < 2; round++) {
      if (round == 1) {
        try (Connection db = Fixtures.db();
            PreparedStatement delete =
                db.prepareStatement("DELETE FROM platform.rate_limit_bucket WHERE id LIKE ?")) {
          delete.setString(1, "tenant:" + partnerId(partner.slug()).value() + ":%");
          assertTrue(delete.executeUpdate() >= 1, "the bucket existed and is removed");
        }
      }
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(20);
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return listPurchases(partner);
                }));
      }
      start.countDown();
      for (java.util.concurrent.Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> r = answer.get();
        assertEquals(200, r.statusCode(), "round " + round + ": " + r.body());
      }
      pool.shutdown();
    }
  }

  @Test
  void aBurstOverThePlansRateIs429WithHeadersAndPassesAfterRetryAfter() throws Exception {
    PartnerFixture partner = club.partner("spa");
    Fixtures.override("partners", partner.slug(), "apiRequestsPerSecond", 1);

    HttpResponse<String> refused = null;
    int admitted = 0;
    for (int i = 0; i < 10 && refused == null; i++) {
      HttpResponse<String> r = listPurchases(partner);
      if (r.statusCode() == 429) {
        refused = r;
      } else {
        assertEquals(200, r.statusCode(), r::body);
        admitted++;
      }
    }
    assertTrue(refused != null, "a burst of 10 at 1 request a second is refused");
    assertTrue(admitted >= 1 && admitted <= 3, "admitted " + admitted + " before the refusal");
    JsonNode problem = Fixtures.JSON.readTree(refused.body());
    assertEquals("https://bloom.club/problems/rate-limited", problem.get("type").asText());
    assertEquals(429, problem.get("status").asInt());
    assertEquals("apiRequestsPerSecond", problem.get("limit").asText());
    assertEquals(
        "application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertEquals(1, retryAfter);
    assertEquals("1", refused.headers().firstValue("RateLimit-Limit").orElseThrow());
    assertEquals("0", refused.headers().firstValue("RateLimit-Remaining").orElseThrow());
    assertEquals("1", refused.headers().firstValue("RateLimit-Reset").orElseThrow());

    Thread.sleep(retryAfter * 1000 + 100);
    HttpResponse<String> again = listPurchases(partner);
    assertEquals(200, again.statusCode(), again::body);
  }

  @Test
  void twoIndependentBucketManagersOnOneDatabaseShareTheBucket() {
    PostgresRateLimiter one = new PostgresRateLimiter(database());
    PostgresRateLimiter other = new PostgresRateLimiter(database());
    TenantId tenant = TenantId.random();

    for (int i = 0; i < 3; i++) {
      assertTrue(one.tryAcquire(tenant, 3).admitted(), "token " + (i + 1) + " of 3");
    }
    RateDecision refused = other.tryAcquire(tenant, 3);
    assertFalse(refused.admitted(), "the other manager sees the bucket the first one emptied");
    assertEquals(0, refused.remaining());
    assertEquals(1, refused.retryAfterSeconds());
    assertTrue(one.tryAcquire(TenantId.random(), 3).admitted(), "another tenant has its own");
  }

  @Test
  void theServersLimitIsTheBucketInPostgresql() throws Exception {
    PartnerFixture partner = club.partner("wine");
    Fixtures.override("partners", partner.slug(), "apiRequestsPerSecond", 1);
    TenantId tenant = partnerId(partner.slug());
    PostgresRateLimiter outside = new PostgresRateLimiter(database());

    // Spend the partner's token from this JVM, then ask the server at once: a server keeping its
    // own buckets would admit the request every time.
    int refusals = 0;
    for (int attempt = 0; attempt < 3; attempt++) {
      Thread.sleep(1100);
      assertTrue(outside.tryAcquire(tenant, 1).admitted());
      if (listPurchases(partner).statusCode() == 429) {
        refusals++;
      }
    }
    assertTrue(refusals >= 1, "the server answered 429 after the shared bucket was emptied");
  }
}
