package club.bloom.shared.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.InvalidInput;
import com.networknt.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The strict binding against the real contract: every lenient reading JSON-B allowed before (issue
 * 9) is a 400 naming the field, and a good body binds.
 */
class StrictJsonTest {
  static final String PURCHASE =
      "{\"passportCode\":\"BC-7K3M-9QX2\",\"amount\":{\"amount\":\"1500.00\",\"currency\":\"RUB\"},"
          + "\"category\":\"florist\",\"occurredAt\":\"2026-11-24T10:15:00+03:00\","
          + "\"receiptNumber\":\"R-1\"}";

  record Money(String amount, String currency) {}

  record Purchase(
      String passportCode,
      Money amount,
      String category,
      String occurredAt,
      String receiptNumber) {}

  static Schema schema(String method, String path) {
    return ContractSchemas.instance().body(method, path).orElseThrow().schema();
  }

  static Map<String, String> problems(String method, String path, String body) {
    InvalidInput e =
        assertThrows(
            InvalidInput.class,
            () -> {
              JsonNode node = StrictJson.parse(body.getBytes(StandardCharsets.UTF_8));
              StrictJson.validate(schema(method, path), node);
            });
    return e.fields().stream()
        .collect(Collectors.toMap(FieldProblem::field, FieldProblem::reason, (a, b) -> a));
  }

  @Test
  void aGoodPurchaseBindsToTheRecord() {
    JsonNode node = StrictJson.parse(PURCHASE.getBytes(StandardCharsets.UTF_8));
    StrictJson.validate(schema("POST", "/purchases"), node);
    Purchase p = (Purchase) StrictJson.bind(node, Purchase.class);
    assertEquals("1500.00", p.amount().amount());
    assertEquals("R-1", p.receiptNumber());
  }

  @Test
  void trailingDataAfterTheDocumentIsRefused() {
    Map<String, String> p = problems("POST", "/purchases", PURCHASE + " {\"x\":1}");
    assertTrue(p.get("body").contains("nothing after it"), p::toString);
    assertTrue(problems("POST", "/purchases", PURCHASE + "x").containsKey("body"));
  }

  @Test
  void numbersForStringsAreRefusedNamingTheField() {
    Map<String, String> p =
        problems(
            "POST", "/purchases", PURCHASE.replace("\"1500.00\"", "100").replace("\"R-1\"", "5"));
    assertEquals("must be a string", p.get("amount.amount"), p::toString);
    assertEquals("must be a string", p.get("receiptNumber"), p::toString);
  }

  @Test
  void anArrayIsNotAPurchase() {
    assertEquals(
        "must be an object", problems("POST", "/purchases", "[" + PURCHASE + "]").get("body"));
  }

  @Test
  void yesIsNotABoolean() {
    Map<String, String> p =
        problems(
            "POST",
            "/signups",
            "{\"kind\":\"club\",\"slug\":\"abc\",\"name\":\"A\",\"adminEmail\":\"a@b.test\","
                + "\"plan\":\"free\",\"acceptTerms\":\"yes\"}");
    assertEquals("must be true or false", p.get("acceptTerms"), p::toString);
  }

  @Test
  void hugeAndWrappingNumbersAreRefused() {
    Map<String, String> p =
        problems(
            "PUT",
            "/platform/tenants/{kind}/{slug}/subscription",
            "{\"plan\":\"free\",\"overrides\":[{\"limit\":\"members\",\"value\":1000000000000000000000000000000}]}");
    assertEquals("is out of range for this field", p.get("overrides[0].value"), p::toString);
    Map<String, String> q =
        problems(
            "POST",
            "/redemptions",
            PURCHASE.replace("}", ",\"pointsToRedeem\":1e308,\"confirmationCode\":\"123456\"}"));
    assertEquals("is out of range for this field", q.get("pointsToRedeem"), q::toString);
  }

  @Test
  void aNullScopeIsRefused() {
    Map<String, String> p =
        problems(
            "POST",
            "/platform/partners/{partner}/api-keys",
            "{\"mode\":\"test\",\"scopes\":[null]}");
    assertNotNull(p.get("scopes[0]"), p::toString);
  }

  @Test
  void nulLoneSurrogatesAndControlsAreRefusedNamingTheField() {
    assertTrue(
        problems("POST", "/purchases", PURCHASE.replace("R-1", "R\\u00001"))
            .get("receiptNumber")
            .contains("NUL"));
    assertTrue(
        problems("POST", "/purchases", PURCHASE.replace("R-1", "R\\ud800"))
            .get("receiptNumber")
            .contains("lone surrogate"));
    assertTrue(
        problems("POST", "/purchases", PURCHASE.replace("R-1", "R\\u0007"))
            .get("receiptNumber")
            .contains("control"));
  }

  @Test
  void unknownFieldsAndRepeatedFieldsAreRefused() {
    assertEquals(
        "is not a field of this request (see the contract)",
        problems("POST", "/purchases", PURCHASE.replace("}", ",\"recieptNumber\":\"x\"}"))
            .get("recieptNumber"));
    assertTrue(
        problems("POST", "/purchases", PURCHASE.replace("}", ",\"category\":\"spa\"}"))
            .get("body")
            .contains("twice"));
  }

  @Test
  void aMissingFieldIsNamedWithItsPath() {
    Map<String, String> p =
        problems("POST", "/purchases", PURCHASE.replace(",\"currency\":\"RUB\"", ""));
    assertEquals("is required", p.get("amount.currency"), p::toString);
  }

  @Test
  void addressesOfReservedDomainsAreTheResourcesToJudge() {
    JsonNode node =
        StrictJson.parse(
            ("{\"name\":\"A\",\"adminEmail\":\"admin@club.test\"}")
                .getBytes(StandardCharsets.UTF_8));
    StrictJson.validate(schema("PUT", "/platform/clubs/{club}"), node);
  }

  @Test
  void aPurchaseIsParsedCheckedAndBoundInMicroseconds() {
    byte[] body = PURCHASE.getBytes(StandardCharsets.UTF_8);
    Schema schema = schema("POST", "/purchases");
    for (int i = 0; i < 20_000; i++) {
      StrictJson.bind(StrictJson.parse(body), Purchase.class);
      StrictJson.validate(schema, StrictJson.parse(body));
    }
    int n = 20_000;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      JsonNode node = StrictJson.parse(body);
      StrictJson.validate(schema, node);
      StrictJson.bind(node, Purchase.class);
    }
    double micros = (System.nanoTime() - start) / 1_000.0 / n;
    System.out.printf("strict binding of a purchase: %.1f µs per request%n", micros);
    // Generous for a busy 2-core machine; measured ~20-100 µs.
    assertTrue(micros < 2_000, micros + " µs per request");
  }

  @Test
  void everyResourceMethodWithABodyHasItsSchemaInTheContract() {
    List<String> missing =
        new com.tngtech.archunit.core.importer.ClassFileImporter()
                .withImportOption(
                    new com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests())
                .importPackages("club.bloom")
                .stream()
                .filter(c -> c.isAnnotatedWith(jakarta.ws.rs.Path.class))
                .map(com.tngtech.archunit.core.domain.JavaClass::reflect)
                .flatMap(
                    type ->
                        java.util.Arrays.stream(type.getMethods())
                            .filter(m -> !StrictBodies.httpMethod(m).isEmpty())
                            .filter(m -> StrictBodies.entityParameter(m).isPresent())
                            .map(
                                m ->
                                    StrictBodies.httpMethod(m)
                                        + " "
                                        + StrictBodies.template(type, m)))
                .filter(
                    op ->
                        ContractSchemas.instance()
                            .body(op.split(" ")[0], op.split(" ")[1])
                            .isEmpty())
                .toList();
    assertTrue(missing.isEmpty(), "bodies without a schema in openapi.yaml: " + missing);
  }
}
