package club.bloom.membership.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.util.List;
import java.util.UUID;

/**
 * The merge records of one club schema, and the membership context's own rows that a merge moves.
 */
public interface MemberMergeRepository {
  void add(SchemaName club, MemberMerge merge);

  /** The club's merges, newest first. */
  List<MemberMerge> recent(SchemaName club, int limit);

  /**
   * Moves what the membership context keeps per member from {@code absorbed} to {@code survivor}:
   * members merged earlier into the absorbed one now point at the survivor (one hop resolves any
   * merged passport); the absorbed member's redemption code and TOTP key are dropped (the survivor
   * keeps its own); its counter registrations stay (they resolve through it).
   */
  void moveMembership(SchemaName club, UUID survivor, UUID absorbed);
}
