package club.bloom.membership.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.util.Optional;
import java.util.UUID;

/** Members of one club schema. */
public interface MemberRepository {
  Optional<Member> find(SchemaName club, UUID id);

  Optional<Member> findByPassport(SchemaName club, PassportCode code);

  Optional<Member> findBySubject(SchemaName club, String subject);

  /** By the blind index of a normalised phone. */
  Optional<Member> findByPhoneIndex(SchemaName club, byte[] phoneIndex);

  /** By the blind index of a normalised e-mail. */
  Optional<Member> findByEmailIndex(SchemaName club, byte[] emailIndex);

  boolean existsByPhoneOrEmail(SchemaName club, byte[] phoneIndex, byte[] emailIndex);

  void add(SchemaName club, Member member);

  /** Members enrolled before that instant (members are never removed today). */
  long countEnrolledBefore(SchemaName club, java.time.Instant before);
}
