package club.bloom.webhooks.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The endpoints of all tenants ({@code platform.webhook_endpoint}), in the caller's transaction.
 */
public interface WebhookEndpoints {
  void add(WebhookEndpoint endpoint);

  /** Writes the endpoint's status, secrets and times. */
  void update(WebhookEndpoint endpoint);

  /** The tenant's endpoint; another tenant's id is empty. */
  Optional<WebhookEndpoint> find(UUID tenantId, UUID id);

  /** As {@link #find}, locked until the transaction ends. */
  Optional<WebhookEndpoint> lock(UUID tenantId, UUID id);

  /** By id alone, for the delivery (which knows the endpoint from its own outbox row). */
  Optional<WebhookEndpoint> byId(UUID id);

  /** The tenant's endpoints, newest first. */
  List<WebhookEndpoint> ofTenant(UUID tenantId);

  /** The tenant's enabled endpoints receiving {@code type}. */
  List<WebhookEndpoint> receiving(UUID tenantId, EventType type);

  /** Deletes it with its messages and log; false if there was none. */
  boolean delete(UUID tenantId, UUID id);
}
