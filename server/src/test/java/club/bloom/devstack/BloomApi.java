package club.bloom.devstack;

import club.bloom.client.ApiClient;
import club.bloom.client.api.ClubsApi;
import club.bloom.client.api.MemberApi;
import club.bloom.client.api.PlatformApi;
import club.bloom.client.api.PurchasesApi;
import java.time.Duration;

/**
 * The client generated from the OpenAPI contract, pointed at a running Bloom with one bearer
 * credential (an API key or an access token). Used by the demo loader and the integration tests.
 */
public final class BloomApi {
  private final ApiClient client;

  private BloomApi(String bloomUrl, String bearer) {
    client = new ApiClient();
    // HTTP/1.1 like every other client here: over h2c, Liberty may end a busy connection with
    // GOAWAY, failing requests that a real integrator's client would simply have retried.
    client.setHttpClientBuilder(
        java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)));
    client.updateBaseUri(bloomUrl + "/api/v1");
    client.setReadTimeout(Duration.ofSeconds(60));
    if (bearer != null) {
      client.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + bearer));
    }
  }

  public static BloomApi as(String bloomUrl, String bearer) {
    return new BloomApi(bloomUrl, bearer);
  }

  public static BloomApi anonymous(String bloomUrl) {
    return new BloomApi(bloomUrl, null);
  }

  public PlatformApi platform() {
    return new PlatformApi(client);
  }

  public ClubsApi clubs() {
    return new ClubsApi(client);
  }

  public PurchasesApi purchases() {
    return new PurchasesApi(client);
  }

  public club.bloom.client.api.RulesApi rules() {
    return new club.bloom.client.api.RulesApi(client);
  }

  public club.bloom.client.api.SignupApi signup() {
    return new club.bloom.client.api.SignupApi(client);
  }

  public MemberApi member() {
    return new MemberApi(client);
  }

  public club.bloom.client.api.AccessApi access() {
    return new club.bloom.client.api.AccessApi(client);
  }

  public club.bloom.client.api.StaffApi staff() {
    return new club.bloom.client.api.StaffApi(client);
  }

  public club.bloom.client.api.BillingApi billing() {
    return new club.bloom.client.api.BillingApi(client);
  }

  public club.bloom.client.api.PartnershipsApi partnerships() {
    return new club.bloom.client.api.PartnershipsApi(client);
  }

  public club.bloom.client.api.WebhooksApi webhooks() {
    return new club.bloom.client.api.WebhooksApi(client);
  }
}
