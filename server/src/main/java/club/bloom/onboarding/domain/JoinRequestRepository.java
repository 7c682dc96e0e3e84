package club.bloom.onboarding.domain;

import club.bloom.onboarding.domain.PartnerInvitationRepository.Position;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Partners' requests to join clubs, in the platform schema. */
public interface JoinRequestRepository {
  void add(JoinRequest request);

  /** The club's request with this id, locked until the transaction ends. */
  Optional<JoinRequest> lockOfClub(UUID clubId, UUID id);

  /** The pending request of this partner to this club, if any. */
  Optional<JoinRequest> pending(UUID clubId, UUID partnerId);

  /** The club's requests, newest first; only those in {@code status} when given. */
  List<JoinRequest> ofClub(
      UUID clubId, Optional<JoinRequestStatus> status, Optional<Position> after, int limit);

  /** The partner's requests, newest first. */
  List<JoinRequest> ofPartner(UUID partnerId, Optional<Position> after, int limit);
}
