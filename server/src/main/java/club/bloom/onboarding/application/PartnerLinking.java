package club.bloom.onboarding.application;

import club.bloom.billing.application.Quotas;
import club.bloom.billing.domain.Limit;
import club.bloom.catalogue.domain.CategoryRepository;
import club.bloom.onboarding.domain.Partnership;
import club.bloom.onboarding.domain.Partnerships;
import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.NotFound;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes a partner a member of a club and sets which of the club's categories it may report and
 * whether it takes the club's points as payment.
 */
@ApplicationScoped
public class PartnerLinking {
  @Inject TenantRegistry tenants;
  @Inject Partnerships partnerships;
  @Inject CategoryRepository categories;
  @Inject Clock clock;
  @Inject Quotas quotas;

  @Transactional
  public Partnership link(Slug clubSlug, Slug partnerSlug, Set<String> allowed) {
    return link(clubSlug, partnerSlug, allowed, Optional.empty());
  }

  /**
   * As {@link #link(Slug, Slug, Set)}, and opts the partner in or out of taking the club's points
   * as payment; empty leaves that as it is (off for a new partnership).
   */
  @Transactional
  public Partnership link(
      Slug clubSlug, Slug partnerSlug, Set<String> allowed, Optional<Boolean> redemptionEnabled) {
    Tenant club =
        tenants
            .find(TenantKind.CLUB, clubSlug)
            .orElseThrow(() -> new NotFound("unknown-club", "Unknown club", "No club " + clubSlug));
    Tenant partner =
        tenants
            .find(TenantKind.PARTNER, partnerSlug)
            .orElseThrow(
                () ->
                    new NotFound(
                        "unknown-partner", "Unknown partner", "No partner " + partnerSlug));
    List<FieldProblem> problems = new ArrayList<>();
    int i = 0;
    for (String code : allowed) {
      if (categories.find(club.schema(), code).isEmpty()) {
        problems.add(
            new FieldProblem(
                "categories[" + i + "]", "'" + code + "' is not a category of the club"));
      }
      i++;
    }
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    var existing = partnerships.find(club.id(), partner.id());
    if (existing.isPresent()) {
      existing.get().allow(allowed);
      redemptionEnabled.ifPresent(existing.get()::enableRedemption);
      return existing.get();
    }
    // A new partner of the club, within its plan's partnersPerClub limit (402 beyond it).
    quotas.admit(club, Limit.PARTNERS_PER_CLUB);
    Partnership p =
        new Partnership(club.id().value(), partner.id().value(), allowed, clock.instant());
    redemptionEnabled.ifPresent(p::enableRedemption);
    partnerships.add(p);
    return p;
  }
}
