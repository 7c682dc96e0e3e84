package club.bloom.community.domain;

import club.bloom.shared.domain.PageCursor;
import club.bloom.tenancy.domain.SchemaName;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Invitations of one club schema. */
public interface InvitationRepository {
  Optional<Invitation> find(SchemaName club, UUID id);

  /** The member's pending or accepted invitation to a tier, if any. */
  Optional<Invitation> openFor(SchemaName club, UUID memberId, String tier);

  /** The member's invitations, newest first. */
  List<Invitation> ofMember(SchemaName club, UUID memberId);

  /** The club's invitations, newest first, after a cursor. */
  List<Invitation> page(SchemaName club, PageCursor after, int limit);

  void add(SchemaName club, Invitation invitation);

  /** Writes pending changes now (a closed invitation must be stored before its successor). */
  void flush(SchemaName club);
}
