package club.bloom.webhooks.application;

import club.bloom.shared.domain.OutgoingMail;
import club.bloom.shared.domain.Texts;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantRegistry;
import club.bloom.webhooks.domain.WebhookEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** The notice of a disabled endpoint, written to the outbox in a transaction of its own. */
@ApplicationScoped
public class WebhookNotices {
  @Inject Event<OutgoingMail> mail;
  @Inject TenantRegistry tenants;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void endpointDisabled(WebhookEndpoint endpoint) {
    if (endpoint.notifyEmail().isEmpty()) {
      return;
    }
    Optional<Tenant> tenant = tenants.find(new TenantId(endpoint.tenantId()));
    String locale = tenant.map(Tenant::locale).orElse("ru");
    Texts texts = Texts.of(locale == null ? "ru" : locale);
    String name = tenant.map(Tenant::name).orElse("");
    mail.fire(
        new OutgoingMail(
            "webhook-endpoint-disabled",
            endpoint.notifyEmail().get(),
            texts.text("webhooks.endpoint-disabled.subject", name),
            texts.text(
                "webhooks.endpoint-disabled.body",
                name,
                endpoint.url(),
                endpoint.id().toString())));
  }
}
