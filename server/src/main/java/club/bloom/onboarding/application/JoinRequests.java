package club.bloom.onboarding.application;

import club.bloom.access.domain.Caller;
import club.bloom.onboarding.domain.JoinRequest;
import club.bloom.onboarding.domain.JoinRequestRepository;
import club.bloom.onboarding.domain.JoinRequestStatus;
import club.bloom.onboarding.domain.JoinedVia;
import club.bloom.onboarding.domain.PartnerInvitationRepository.Position;
import club.bloom.onboarding.domain.Partnership;
import club.bloom.shared.domain.Conflict;
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
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A partner business asks to join a club (found by its public slug), optionally with the categories
 * it would like and a message; the club's owner or admin approves with the categories it allows —
 * the partnership is made in the same transaction — or declines with a reason.
 */
@ApplicationScoped
public class JoinRequests {
  @Inject JoinRequestRepository requests;
  @Inject PartnerLinking linking;
  @Inject TenantRegistry tenants;
  @Inject Clock clock;

  /**
   * The partner asks to join the club.
   *
   * @throws NotFound {@code unknown-club}
   * @throws Conflict {@code already-partner}, {@code join-request-pending}
   */
  @Transactional
  public RequestView ask(Tenant partner, Caller by, Ask command) {
    Tenant club =
        tenants
            .find(TenantKind.CLUB, command.club())
            .filter(Tenant::isActive)
            .orElseThrow(
                () -> new NotFound("unknown-club", "Unknown club", "No club " + command.club()));
    linking.requireClubCategories(club, command.categories(), "categories");
    if (linking.partnershipOf(club, partner).filter(Partnership::isActive).isPresent()) {
      throw PartnerLinking.alreadyPartner(club);
    }
    if (requests.pending(club.id().value(), partner.id().value()).isPresent()) {
      throw new Conflict(
          "join-request-pending",
          "Request already pending",
          "The partner's request to join " + club.slug() + " awaits the club's decision");
    }
    JoinRequest request =
        JoinRequest.ask(
            club.id().value(),
            partner.id().value(),
            new LinkedHashSet<>(command.categories()),
            command.message(),
            by.subject(),
            clock.instant());
    requests.add(request);
    return new RequestView(request, club, partner);
  }

  /** The partner's requests, newest first. */
  @Transactional
  public Page ofPartner(Tenant partner, Optional<Position> after, int limit) {
    return page(requests.ofPartner(partner.id().value(), after, limit + 1), limit);
  }

  /** The club's requests, newest first; only those in {@code status} when given. */
  @Transactional
  public Page ofClub(
      Tenant club, Optional<JoinRequestStatus> status, Optional<Position> after, int limit) {
    return page(requests.ofClub(club.id().value(), status, after, limit + 1), limit);
  }

  /**
   * The club approves with these categories (the requested ones when none are given); the partner
   * joins at once. Approving twice changes nothing.
   *
   * @throws InvalidInput {@code categories} none given nor requested, {@code categories[i]} not a
   *     category of the club
   * @throws Conflict {@code join-request-decided} (declined before), {@code already-partner}
   * @throws club.bloom.billing.domain.QuotaExceeded the club's plan has no room for a partner
   */
  @Transactional
  public RequestView approve(Tenant club, Caller by, UUID id, Optional<List<String>> categories) {
    JoinRequest request = find(club, id);
    Tenant partner = partnerOf(request);
    if (request.status() == JoinRequestStatus.APPROVED) {
      return new RequestView(request, club, partner);
    }
    List<String> allowed = categories.orElse(List.copyOf(request.wantedCategories()));
    if (allowed.isEmpty()) {
      throw InvalidInput.of(
          "categories", "name the categories the partner may report (it asked for none)");
    }
    linking.requireClubCategories(club, allowed, "categories");
    request.approve(new LinkedHashSet<>(allowed), by.subject(), clock.instant());
    linking.join(club, partner, new LinkedHashSet<>(allowed), JoinedVia.REQUEST);
    return new RequestView(request, club, partner);
  }

  /**
   * The club declines, optionally saying why (the partner sees the reason). Declining twice changes
   * nothing.
   *
   * @throws Conflict {@code join-request-decided} (approved before)
   */
  @Transactional
  public RequestView decline(Tenant club, Caller by, UUID id, Optional<String> reason) {
    JoinRequest request = find(club, id);
    Instant now = clock.instant();
    request.decline(reason, by.subject(), now);
    return new RequestView(request, club, partnerOf(request));
  }

  private JoinRequest find(Tenant club, UUID id) {
    return requests
        .lockOfClub(club.id().value(), id)
        .orElseThrow(
            () -> new NotFound("unknown-join-request", "Unknown request", "No such join request"));
  }

  private Tenant partnerOf(JoinRequest request) {
    return tenants.find(new TenantId(request.partnerId())).orElseThrow();
  }

  private Page page(List<JoinRequest> page, int limit) {
    boolean more = page.size() > limit;
    List<JoinRequest> items = more ? page.subList(0, limit) : page;
    Position next =
        more ? new Position(items.get(limit - 1).createdAt(), items.get(limit - 1).id()) : null;
    return new Page(
        items.stream()
            .map(
                r ->
                    new RequestView(
                        r, tenants.find(new TenantId(r.clubId())).orElseThrow(), partnerOf(r)))
            .toList(),
        Optional.ofNullable(next));
  }

  /** Command: ask to join the club with this slug. */
  public record Ask(Slug club, List<String> categories, Optional<String> message) {}

  /** A request with its club and partner. */
  public record RequestView(JoinRequest request, Tenant club, Tenant partner) {}

  /** A page of requests. */
  public record Page(List<RequestView> items, Optional<Position> next) {}
}
