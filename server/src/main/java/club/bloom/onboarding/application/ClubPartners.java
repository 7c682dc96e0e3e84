package club.bloom.onboarding.application;

import club.bloom.onboarding.domain.Partnership;
import club.bloom.onboarding.domain.Partnerships;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.NotFound;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantId;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The partnerships as each side sees them: the club lists its partners, changes what a partner may
 * report and ends a partnership (history kept, new purchases refused); the partner lists its clubs.
 */
@ApplicationScoped
public class ClubPartners {
  @Inject Partnerships partnerships;
  @Inject PartnerLinking linking;
  @Inject TenantRegistry tenants;
  @Inject Clock clock;

  /** The club's partners, active and ended, oldest first. */
  @Transactional
  public List<PartnerView> ofClub(Tenant club) {
    return partnerships.ofClub(club.id()).stream()
        .map(p -> new PartnerView(p, club, tenants.find(new TenantId(p.partnerId())).orElseThrow()))
        .toList();
  }

  /** The partner's clubs, active and ended, oldest first. */
  @Transactional
  public List<PartnerView> ofPartner(Tenant partner) {
    return partnerships.ofPartner(partner.id()).stream()
        .map(p -> new PartnerView(p, tenants.find(new TenantId(p.clubId())).orElseThrow(), partner))
        .toList();
  }

  /**
   * The club changes the categories an active partner may report.
   *
   * @throws NotFound {@code unknown-partner}: not an active partner of the club
   */
  @Transactional
  public PartnerView changeCategories(Tenant club, Slug partnerSlug, List<String> categories) {
    if (categories.isEmpty()) {
      throw InvalidInput.of("categories", "must list at least one category");
    }
    PartnerView view = partner(club, partnerSlug);
    if (!view.partnership().isActive()) {
      throw unknownPartner(partnerSlug);
    }
    linking.requireClubCategories(club, categories, "categories");
    view.partnership().allow(new LinkedHashSet<>(categories));
    return view;
  }

  /** The club ends a partnership; ending it again changes nothing. */
  @Transactional
  public PartnerView end(Tenant club, Slug partnerSlug) {
    PartnerView view = partner(club, partnerSlug);
    view.partnership().end(clock.instant());
    return view;
  }

  private PartnerView partner(Tenant club, Slug partnerSlug) {
    Tenant partner =
        tenants
            .find(TenantKind.PARTNER, partnerSlug)
            .orElseThrow(() -> unknownPartner(partnerSlug));
    Partnership p =
        partnerships.find(club.id(), partner.id()).orElseThrow(() -> unknownPartner(partnerSlug));
    return new PartnerView(p, club, partner);
  }

  private static NotFound unknownPartner(Slug slug) {
    return new NotFound(
        "unknown-partner", "Unknown partner", "No partner " + slug + " of this club");
  }

  /** A partnership with both of its tenants. */
  public record PartnerView(Partnership partnership, Tenant club, Tenant partner) {}
}
