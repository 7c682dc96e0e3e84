package club.bloom.membership.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.util.Optional;
import java.util.UUID;

/**
 * Members of one club schema. The look-ups by passport, login, phone and e-mail resolve merges: a
 * member merged into another answers the survivor. {@link #find} by id answers the row itself.
 */
public interface MemberRepository {
  Optional<Member> find(SchemaName club, UUID id);

  /** The member's row, locked until the transaction ends (the lock the ledger takes too). */
  Optional<Member> lock(SchemaName club, UUID id);

  Optional<Member> findByPassport(SchemaName club, PassportCode code);

  /**
   * The member holding the passport (the survivor, if merged), read under the row lock that {@link
   * #lock} takes: a use case that changes the member reads her only once locked, so a concurrent
   * change of the same member waits instead of failing the version check at commit.
   */
  Optional<Member> lockByPassport(SchemaName club, PassportCode code);

  Optional<Member> findBySubject(SchemaName club, String subject);

  /** By the blind index of a normalised phone. */
  Optional<Member> findByPhoneIndex(SchemaName club, byte[] phoneIndex);

  /** By the blind index of a normalised e-mail. */
  Optional<Member> findByEmailIndex(SchemaName club, byte[] emailIndex);

  /**
   * Members registered at a counter with an e-mail that was another member's, neither of them
   * merged since: likely one person, for the club's admin to merge. Oldest first.
   */
  java.util.List<Member> likelyDuplicates(SchemaName club, int limit);

  boolean existsByPhoneOrEmail(SchemaName club, byte[] phoneIndex, byte[] emailIndex);

  void add(SchemaName club, Member member);

  /**
   * Members enrolled before that instant and not merged into another by then (members are never
   * removed today).
   */
  long countEnrolledBefore(SchemaName club, java.time.Instant before);
}
