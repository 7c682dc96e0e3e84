package club.bloom.ingestion.application;

import club.bloom.ingestion.domain.Receipt;
import club.bloom.ingestion.domain.ReceiptRepository;
import club.bloom.shared.domain.PageCursor;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A partner's own receipts, newest first: read from the partner's schema only. */
@ApplicationScoped
public class PartnerReceipts {
  @Inject TenantRegistry tenants;
  @Inject ReceiptRepository receipts;

  @Transactional
  public Page page(TenantId partnerId, PageCursor after, int limit) {
    Tenant partner = tenants.find(partnerId).orElseThrow();
    List<Receipt> rows = receipts.page(partner.schema(), after, limit + 1);
    boolean more = rows.size() > limit;
    List<Receipt> items = more ? rows.subList(0, limit) : rows;
    Map<UUID, String> clubSlugs =
        tenants.findAll(items.stream().map(r -> new TenantId(r.clubId())).toList()).stream()
            .collect(Collectors.toMap(t -> t.id().value(), t -> t.slug().value(), (a, b) -> a));
    PageCursor next =
        more ? new PageCursor(items.get(limit - 1).recordedAt(), items.get(limit - 1).id()) : null;
    return new Page(items, clubSlugs, next);
  }

  /** A page of receipts with the slugs of their clubs. */
  public record Page(List<Receipt> items, Map<UUID, String> clubSlugs, PageCursor next) {
    public String clubOf(Receipt r) {
      return clubSlugs.getOrDefault(r.clubId(), "");
    }
  }
}
