package club.bloom.onboarding.api;

import club.bloom.onboarding.application.ClubPartners.PartnerView;
import club.bloom.onboarding.application.JoinRequests.RequestView;
import club.bloom.onboarding.application.PartnerInvitations.InvitationView;
import club.bloom.onboarding.domain.InvitationCode;
import club.bloom.onboarding.domain.JoinRequest;
import club.bloom.onboarding.domain.PartnerInvitation;
import club.bloom.onboarding.domain.PartnerInvitationRepository.Position;
import club.bloom.onboarding.domain.Partnership;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.PageCursor;
import club.bloom.tenancy.domain.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/** The contract's schemas of invitations, join requests and partnerships, and their checks. */
public final class PartnershipDtos {
  private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9-]{1,30}$");

  private PartnershipDtos() {}

  /**
   * Category codes from a body: each well formed and listed once; at least one unless {@code
   * optional}. Problems are added to {@code checks}.
   */
  static List<String> categories(FieldChecks checks, List<String> given, boolean optional) {
    if (given == null || given.isEmpty()) {
      if (!optional) {
        checks.fail("categories", "must list at least one category");
      }
      return List.of();
    }
    if (given.size() > 50) {
      checks.fail("categories", "must list at most 50 categories");
      return List.of();
    }
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String code = given.get(i);
      if (checks.matches("categories[" + i + "]", code, CODE, "must be a category code") != null) {
        if (!seen.add(code)) {
          checks.fail("categories[" + i + "]", "is listed twice");
        }
        out.add(code);
      }
    }
    return out;
  }

  /** Optional free text of at most {@code max} characters, blank as absent. */
  static Optional<String> text(FieldChecks checks, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    if (value.strip().length() > max) {
      checks.fail(field, "must be at most " + max + " characters");
      return Optional.empty();
    }
    return Optional.of(value.strip());
  }

  static UUID id(String field, String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw InvalidInput.of(field, "is not an id");
    }
  }

  static Optional<Position> after(String cursor) {
    PageCursor c = PageCursor.decode(cursor);
    return c == null ? Optional.empty() : Optional.of(new Position(c.at(), c.id()));
  }

  static String cursor(Optional<Position> next) {
    return next.map(p -> new PageCursor(p.at(), p.id()).encode()).orElse(null);
  }

  private static String time(Optional<Instant> at) {
    return at.map(Instant::toString).orElse(null);
  }

  private static List<String> sorted(Set<String> codes) {
    return List.copyOf(new TreeSet<>(codes));
  }

  /** The contract's {@code PartnerInvitationRequest}. */
  public record InviteDto(List<String> categories, String email, String note, Integer validDays) {}

  /** The contract's {@code PartnerInvitation}; {@code code} only in the answer that issued it. */
  public record InvitationDto(
      UUID invitationId,
      String code,
      String codeHint,
      List<String> categories,
      String status,
      String sentTo,
      String note,
      String createdAt,
      String expiresAt,
      String partner,
      String redeemedAt,
      String revokedAt) {
    static InvitationDto of(InvitationView view, Optional<InvitationCode> code) {
      PartnerInvitation i = view.invitation();
      return new InvitationDto(
          i.id(),
          code.map(InvitationCode::display).orElse(null),
          i.codeHint(),
          sorted(i.categories()),
          view.status().code(),
          i.sentToMasked().orElse(null),
          i.note().orElse(null),
          i.createdAt().toString(),
          i.expiresAt().toString(),
          view.partner().map(t -> t.slug().value()).orElse(null),
          time(i.redeemedAt()),
          time(i.revokedAt()));
    }
  }

  /** The contract's {@code PartnerInvitationPage}. */
  public record InvitationPageDto(List<InvitationDto> items, String nextCursor) {}

  /** The contract's {@code InvitationRedemption}. */
  public record RedemptionDto(String code) {}

  /** The contract's {@code JoinRequestCreate}. */
  public record AskDto(String club, List<String> categories, String message) {}

  /** The contract's {@code JoinRequestApproval}. */
  public record ApprovalDto(List<String> categories) {}

  /** The contract's {@code JoinRequestDecline}. */
  public record DeclineDto(String reason) {}

  /** The contract's {@code JoinRequest}. */
  public record JoinRequestDto(
      UUID requestId,
      String club,
      String clubName,
      String partner,
      String partnerName,
      List<String> categories,
      String message,
      String status,
      String createdAt,
      String decidedAt,
      List<String> approvedCategories,
      String declineReason) {
    static JoinRequestDto of(RequestView view) {
      JoinRequest r = view.request();
      return new JoinRequestDto(
          r.id(),
          view.club().slug().value(),
          view.club().name(),
          view.partner().slug().value(),
          view.partner().name(),
          sorted(r.wantedCategories()),
          r.message().orElse(null),
          r.status().code(),
          r.createdAt().toString(),
          time(r.decidedAt()),
          r.approvedCategories().isEmpty() ? null : sorted(r.approvedCategories()),
          r.declineReason().orElse(null));
    }
  }

  /** The contract's {@code JoinRequestPage}. */
  public record JoinRequestPageDto(List<JoinRequestDto> items, String nextCursor) {}

  /** The contract's {@code PartnerCategories}. */
  public record CategoriesDto(List<String> categories) {}

  /** The contract's {@code PartnershipDetails}: one partnership, as either side lists it. */
  public record PartnershipDetailsDto(
      String club,
      String clubName,
      String partner,
      String partnerName,
      List<String> categories,
      boolean redemptionEnabled,
      String joinedVia,
      String since,
      String status,
      String endedAt) {
    static PartnershipDetailsDto of(PartnerView view) {
      return of(view.partnership(), view.club(), view.partner());
    }

    static PartnershipDetailsDto of(Partnership p, Tenant club, Tenant partner) {
      return new PartnershipDetailsDto(
          club.slug().value(),
          club.name(),
          partner.slug().value(),
          partner.name(),
          sorted(p.categories()),
          p.redemptionEnabled(),
          p.joinedVia().code(),
          p.since().toString(),
          p.isActive() ? "active" : "ended",
          time(p.endedAt()));
    }
  }
}
