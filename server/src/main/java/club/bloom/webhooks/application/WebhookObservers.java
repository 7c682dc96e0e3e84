package club.bloom.webhooks.application;

import club.bloom.ingestion.domain.ImportFinished;
import club.bloom.ingestion.domain.PurchaseAccepted;
import club.bloom.ingestion.domain.RedemptionAccepted;
import club.bloom.ingestion.domain.RefundAccepted;
import club.bloom.ledger.domain.PointsExpiringSoon;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantRegistry;
import club.bloom.tiers.domain.TierChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The facts webhooks announce, observed <em>inside</em> the transaction that records them (ADR
 * 0042): the messages and outbox rows commit with the fact or not at all. Domain events are fired
 * only for new facts, never for an idempotent replay, so a replay announces nothing twice.
 *
 * <p>Adding an event type: a constant in {@code EventType}, a mapper in {@link WebhookPayloads}
 * that builds the {@link WebhookEvent}, and one method here (as {@link #onImportFinished} for the
 * CSV import's {@code ImportFinished}) — plus its payload in the contract's {@code webhooks}
 * section.
 */
@ApplicationScoped
public class WebhookObservers {
  @Inject WebhookPublishing publishing;
  @Inject TenantRegistry tenants;
  @Inject Clock clock;

  void onPurchase(@Observes(during = TransactionPhase.IN_PROGRESS) PurchaseAccepted event) {
    publishing.publish(WebhookPayloads.purchase(event, this::slug));
  }

  void onRefund(@Observes(during = TransactionPhase.IN_PROGRESS) RefundAccepted event) {
    publishing.publish(WebhookPayloads.refund(event, this::slug));
  }

  void onRedemption(@Observes(during = TransactionPhase.IN_PROGRESS) RedemptionAccepted event) {
    publishing.publish(WebhookPayloads.redemption(event, this::slug));
  }

  void onTierChanged(@Observes(during = TransactionPhase.IN_PROGRESS) TierChanged event) {
    publishing.publish(WebhookPayloads.tierChanged(event));
  }

  void onPointsExpiring(@Observes(during = TransactionPhase.IN_PROGRESS) PointsExpiringSoon event) {
    publishing.publish(WebhookPayloads.pointsExpiring(event, clock.instant()));
  }

  void onImportFinished(@Observes(during = TransactionPhase.IN_PROGRESS) ImportFinished event) {
    publishing.publish(WebhookPayloads.importFinished(event, clock.instant()));
  }

  private String slug(TenantId id) {
    return tenants.find(id).map(Tenant::slug).map(s -> s.value()).orElse(null);
  }
}
