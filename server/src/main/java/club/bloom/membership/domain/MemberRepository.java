package club.bloom.membership.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.util.Optional;
import java.util.UUID;

/** Members of one club schema. */
public interface MemberRepository {
  Optional<Member> find(SchemaName club, UUID id);

  Optional<Member> findByPassport(SchemaName club, PassportCode code);

  Optional<Member> findBySubject(SchemaName club, String subject);

  boolean existsByPhoneOrEmail(SchemaName club, byte[] phoneIndex, byte[] emailIndex);

  void add(SchemaName club, Member member);

  /** Members enrolled before that instant (members are never removed today). */
  long countEnrolledBefore(SchemaName club, java.time.Instant before);
}
