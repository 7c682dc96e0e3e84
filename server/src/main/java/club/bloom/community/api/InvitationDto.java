package club.bloom.community.api;

import club.bloom.community.application.InnerCircleInvitations.InvitationView;
import club.bloom.community.domain.Invitation;
import club.bloom.shared.api.Dto.TierRef;
import java.time.Instant;
import java.util.UUID;

/** The contract's {@code Invitation}. */
public record InvitationDto(
    UUID invitationId,
    UUID memberId,
    TierRef tier,
    String status,
    String invitedVia,
    String createdAt,
    String expiresAt,
    String grantUntil,
    String respondedAt,
    String revokedAt) {

  static InvitationDto of(InvitationView view) {
    Invitation i = view.invitation();
    return new InvitationDto(
        i.id(),
        i.memberId(),
        new TierRef(view.tier().code(), view.tier().name()),
        view.status().code(),
        i.invitedVia().code(),
        i.createdAt().toString(),
        i.expiresAt().toString(),
        i.grantUntil().map(Instant::toString).orElse(null),
        i.respondedAt().map(Instant::toString).orElse(null),
        i.revokedAt().map(Instant::toString).orElse(null));
  }
}
