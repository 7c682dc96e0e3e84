package club.bloom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** Raw calls of the CSV import API (the body is a file, not JSON) and waits on an import. */
final class CsvImports {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private CsvImports() {}

  static HttpResponse<String> upload(String partner, String bearer, byte[] file) {
    return upload(partner, bearer, file, "text/csv");
  }

  static HttpResponse<String> upload(
      String partner, String bearer, byte[] file, String contentType) {
    return send(
        HttpRequest.newBuilder(
                URI.create(
                    Fixtures.STACK.bloomUrl()
                        + "/api/v1/partners/"
                        + partner
                        + "/imports?fileName=day.csv"))
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(file))
            .build());
  }

  static HttpResponse<String> get(String path, String bearer) {
    return send(
        HttpRequest.newBuilder(URI.create(Fixtures.STACK.bloomUrl() + "/api/v1" + path))
            .header("Authorization", "Bearer " + bearer)
            .GET()
            .build());
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return Fixtures.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Uploads and expects 202; the queued import. */
  static JsonNode accepted(String partner, String bearer, byte[] file) {
    HttpResponse<String> r = upload(partner, bearer, file);
    assertEquals(202, r.statusCode(), r.body());
    return json(r);
  }

  /** Polls the import until {@code done} holds. */
  static JsonNode await(
      String partner, String bearer, String id, Predicate<JsonNode> done, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> r = get("/partners/" + partner + "/imports/" + id, bearer);
      if (r.statusCode() == 200) {
        last = json(r);
        if (done.test(last)) {
          return last;
        }
      }
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("import " + id + " not done within " + timeout + ": " + last);
  }

  static JsonNode finished(String partner, String bearer, String id) {
    JsonNode done =
        await(
            partner,
            bearer,
            id,
            i ->
                !i.get("status").asText().equals("QUEUED")
                    && !i.get("status").asText().equals("RUNNING"),
            Duration.ofMinutes(4));
    assertEquals("FINISHED", done.get("status").asText(), done.toString());
    return done;
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
