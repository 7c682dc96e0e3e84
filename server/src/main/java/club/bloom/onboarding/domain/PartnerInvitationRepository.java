package club.bloom.onboarding.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Clubs' invitations of partners, in the platform schema. */
public interface PartnerInvitationRepository {
  void add(PartnerInvitation invitation);

  /** The club's invitation with this id. */
  Optional<PartnerInvitation> find(UUID clubId, UUID id);

  /** The invitation with this code hash, locked until the transaction ends. */
  Optional<PartnerInvitation> lockByCode(byte[] codeHash);

  /** The club's invitations, newest first, after the position {@code (at, id)} if given. */
  List<PartnerInvitation> ofClub(UUID clubId, Optional<Position> after, int limit);

  /** A position in a newest-first list. */
  record Position(Instant at, UUID id) {}
}
