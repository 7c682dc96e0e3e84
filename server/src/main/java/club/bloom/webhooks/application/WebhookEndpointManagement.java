package club.bloom.webhooks.application;

import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.NotFound;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.webhooks.domain.EndpointAddressRules;
import club.bloom.webhooks.domain.EventType;
import club.bloom.webhooks.domain.WebhookEndpoint;
import club.bloom.webhooks.domain.WebhookEndpoints;
import club.bloom.webhooks.domain.WebhookSecret;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A tenant's own admins manage its webhook endpoints: register (the secret is shown once), list,
 * rotate the secret with a grace period during which both sign, disable and enable, delete. The
 * tenant is the one the edge resolved for the caller; another tenant's endpoint is not found.
 */
@ApplicationScoped
public class WebhookEndpointManagement {
  public static final Duration DEFAULT_GRACE = Duration.ofHours(24);
  public static final Duration MAX_GRACE = Duration.ofDays(7);
  public static final int MAX_ENDPOINTS = 10;

  @Inject WebhookEndpoints endpoints;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "bloom.webhooks.allow-loopback", defaultValue = "false")
  boolean allowLoopback;

  EndpointAddressRules rules;

  @PostConstruct
  void init() {
    rules = new EndpointAddressRules(allowLoopback);
  }

  @Transactional
  public List<WebhookEndpoint> list(Tenant tenant) {
    return endpoints.ofTenant(tenant.id().value());
  }

  @Transactional
  public WebhookEndpoint get(Tenant tenant, UUID id) {
    return endpoints.find(tenant.id().value(), id).orElseThrow(() -> unknown(id));
  }

  /**
   * Registers an endpoint. The URL must pass the address rules (https, public addresses only), the
   * event types must be ones this kind of tenant receives; at most {@link #MAX_ENDPOINTS}.
   */
  @Transactional
  public Registered register(Tenant tenant, RegisterEndpoint command) {
    List<FieldProblem> problems = new ArrayList<>();
    EndpointAddressRules.Checked url = rules.check(command.url());
    url.refusal().ifPresent(r -> problems.add(new FieldProblem("url", r)));
    if (url.url().isPresent()) {
      resolvesToPublicAddresses(url.url().get().getHost())
          .ifPresent(r -> problems.add(new FieldProblem("url", r)));
    }
    boolean club = tenant.kind() == TenantKind.CLUB;
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    for (int i = 0; i < command.eventTypes().size(); i++) {
      String name = command.eventTypes().get(i);
      Optional<EventType> type = EventType.ofWireName(name);
      if (type.isEmpty() || !type.get().availableTo(club)) {
        problems.add(
            new FieldProblem(
                "eventTypes[" + i + "]",
                "a "
                    + (club ? "club" : "partner")
                    + " receives only "
                    + String.join(", ", available(club))));
      } else {
        types.add(type.get());
      }
    }
    if (command.eventTypes().isEmpty()) {
      problems.add(new FieldProblem("eventTypes", "must name at least one event type"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    if (endpoints.ofTenant(tenant.id().value()).size() >= MAX_ENDPOINTS) {
      throw new club.bloom.shared.domain.Conflict(
          "too-many-endpoints",
          "Too many webhook endpoints",
          "A tenant may register at most " + MAX_ENDPOINTS + " endpoints; delete one first");
    }
    WebhookEndpoint endpoint =
        WebhookEndpoint.register(
            tenant.id().value(),
            url.url().get().toString(),
            command.description(),
            types,
            command.notifyEmail(),
            clock.instant());
    endpoints.add(endpoint);
    return new Registered(endpoint, endpoint.secret());
  }

  /** A new secret, shown once; the old one also signs for {@code grace}. */
  @Transactional
  public Registered rotate(Tenant tenant, UUID id, Duration grace) {
    if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
      throw InvalidInput.of(
          "graceHours", "must be between 0 and " + MAX_GRACE.toHours() + " hours");
    }
    WebhookEndpoint endpoint =
        endpoints.lock(tenant.id().value(), id).orElseThrow(() -> unknown(id));
    WebhookSecret secret = endpoint.rotate(grace, clock.instant());
    endpoints.update(endpoint);
    return new Registered(endpoint, secret);
  }

  @Transactional
  public WebhookEndpoint disable(Tenant tenant, UUID id) {
    WebhookEndpoint endpoint =
        endpoints.lock(tenant.id().value(), id).orElseThrow(() -> unknown(id));
    endpoint.disable("disabled by staff", clock.instant());
    endpoints.update(endpoint);
    return endpoint;
  }

  @Transactional
  public WebhookEndpoint enable(Tenant tenant, UUID id) {
    WebhookEndpoint endpoint =
        endpoints.lock(tenant.id().value(), id).orElseThrow(() -> unknown(id));
    endpoint.enable(clock.instant());
    endpoints.update(endpoint);
    return endpoint;
  }

  /** Deletes it with its log; messages still pending end at their next attempt. */
  @Transactional
  public void delete(Tenant tenant, UUID id) {
    if (!endpoints.delete(tenant.id().value(), id)) {
      throw unknown(id);
    }
  }

  /** Disabled by Bloom: its retries ran out. Answers the endpoint if this call disabled it. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<WebhookEndpoint> disableAfterFailures(UUID id, String reason, Instant now) {
    Optional<WebhookEndpoint> found = endpoints.byId(id);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    WebhookEndpoint endpoint = endpoints.lock(found.get().tenantId(), id).orElse(null);
    if (endpoint == null || !endpoint.isEnabled()) {
      return Optional.empty();
    }
    endpoint.disable(reason, now);
    endpoints.update(endpoint);
    return Optional.of(endpoint);
  }

  private Optional<String> resolvesToPublicAddresses(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!rules.mayConnectTo(address)) {
          return Optional.of("must not point to this machine or a private network");
        }
      }
      return Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.of("names a host that does not resolve");
    }
  }

  static List<String> available(boolean club) {
    return java.util.Arrays.stream(EventType.values())
        .filter(t -> t.availableTo(club))
        .map(EventType::wireName)
        .toList();
  }

  static NotFound unknown(UUID id) {
    return new NotFound(
        "unknown-webhook-endpoint",
        "Unknown webhook endpoint",
        "No webhook endpoint " + id + " here");
  }

  /** Command: a new endpoint. {@code notifyEmail}: where a notice goes if Bloom disables it. */
  public record RegisterEndpoint(
      String url, String description, List<String> eventTypes, String notifyEmail) {}

  /** The endpoint and its secret, to show once. */
  public record Registered(WebhookEndpoint endpoint, WebhookSecret secret) {}
}
