package club.bloom.onboarding.application;

import club.bloom.billing.application.Quotas;
import club.bloom.billing.domain.Limit;
import club.bloom.catalogue.domain.CategoryRepository;
import club.bloom.onboarding.domain.JoinedVia;
import club.bloom.onboarding.domain.Partnership;
import club.bloom.onboarding.domain.Partnerships;
import club.bloom.shared.domain.Conflict;
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
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes a partner a member of a club and sets which of the club's categories it may report and
 * whether it takes the club's points as payment. The operator links directly; invitations and join
 * requests end here too ({@link #join}), so the plan's {@code partnersPerClub} limit and the
 * category rules hold whichever way a partner joins.
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
   * as payment; empty leaves that as it is (off for a new partnership). An ended partnership starts
   * again.
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
    requireClubCategories(club, allowed, "categories");
    var existing = partnerships.find(club.id(), partner.id());
    if (existing.isPresent() && existing.get().isActive()) {
      existing.get().allow(allowed);
      redemptionEnabled.ifPresent(existing.get()::enableRedemption);
      return existing.get();
    }
    Partnership p = join(club, partner, allowed, JoinedVia.OPERATOR);
    redemptionEnabled.ifPresent(p::enableRedemption);
    return p;
  }

  /**
   * The partner joins the club with these (checked) categories: a new partnership, or an ended one
   * started again, within the club plan's {@code partnersPerClub} limit (402 beyond it).
   *
   * @throws Conflict {@code already-partner} when the partnership is active
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Partnership join(Tenant club, Tenant partner, Set<String> allowed, JoinedVia via) {
    Optional<Partnership> existing = partnerships.find(club.id(), partner.id());
    if (existing.isPresent() && existing.get().isActive()) {
      throw alreadyPartner(club);
    }
    quotas.admit(club, Limit.PARTNERS_PER_CLUB);
    if (existing.isPresent()) {
      existing.get().rejoin(allowed, via, clock.instant());
      return existing.get();
    }
    Partnership p =
        new Partnership(club.id().value(), partner.id().value(), allowed, via, clock.instant());
    partnerships.add(p);
    return p;
  }

  /** The partnership of the club and the partner, active or ended. */
  public Optional<Partnership> partnershipOf(Tenant club, Tenant partner) {
    return partnerships.find(club.id(), partner.id());
  }

  static Conflict alreadyPartner(Tenant club) {
    return new Conflict(
        "already-partner",
        "Already a partner",
        "The partner is already a partner of the club " + club.slug());
  }

  /**
   * Every code must be a category of the club; the problem names {@code field[i]} of each that is
   * not.
   */
  public void requireClubCategories(Tenant club, Collection<String> codes, String field) {
    List<FieldProblem> problems = new ArrayList<>();
    int i = 0;
    for (String code : codes) {
      if (categories.find(club.schema(), code).isEmpty()) {
        problems.add(
            new FieldProblem(
                field + "[" + i + "]", "'" + code + "' is not a category of the club"));
      }
      i++;
    }
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
  }
}
