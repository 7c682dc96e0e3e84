package club.bloom.membership.infrastructure;

import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.MemberRepository;
import club.bloom.membership.domain.PassportCode;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Members in a club schema. */
@ApplicationScoped
public class JpaMemberRepository implements MemberRepository {
  @Inject TenantEntityManagers schemas;

  @Override
  public Optional<Member> find(SchemaName club, UUID id) {
    return Optional.ofNullable(schemas.of(club).find(Member.class, id));
  }

  @Override
  public Optional<Member> lock(SchemaName club, UUID id) {
    return Optional.ofNullable(
        schemas
            .of(club)
            .find(Member.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public Optional<Member> findByPassport(SchemaName club, PassportCode code) {
    return resolve(
        club,
        schemas
            .of(club)
            .createQuery("select m from Member m where m.passportCode = :code", Member.class)
            .setParameter("code", code.value())
            .getResultStream()
            .findFirst());
  }

  @Override
  public Optional<Member> lockByPassport(SchemaName club, PassportCode code) {
    Optional<Member> member =
        schemas
            .of(club)
            .createQuery("select m from Member m where m.passportCode = :code", Member.class)
            .setParameter("code", code.value())
            .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst();
    for (int hop = 0; hop < 4; hop++) {
      Optional<UUID> survivor = member.flatMap(Member::mergedInto);
      if (survivor.isEmpty()) {
        return member;
      }
      member = lock(club, survivor.get());
    }
    throw new IllegalStateException("merge chain too long in " + club);
  }

  @Override
  public Optional<Member> findBySubject(SchemaName club, String subject) {
    return resolve(
        club,
        schemas
            .of(club)
            .createQuery("select m from Member m where m.subject = :subject", Member.class)
            .setParameter("subject", subject)
            .getResultStream()
            .findFirst());
  }

  @Override
  public Optional<Member> findByPhoneIndex(SchemaName club, byte[] phoneIndex) {
    return resolve(
        club,
        schemas
            .of(club)
            .createQuery("select m from Member m where m.phoneIndex = :index", Member.class)
            .setParameter("index", phoneIndex)
            .getResultStream()
            .findFirst());
  }

  @Override
  public Optional<Member> findByEmailIndex(SchemaName club, byte[] emailIndex) {
    return resolve(
        club,
        schemas
            .of(club)
            .createQuery("select m from Member m where m.emailIndex = :index", Member.class)
            .setParameter("index", emailIndex)
            .getResultStream()
            .findFirst());
  }

  /**
   * A merged member answers its survivor. Merges point every absorbed member straight at the
   * survivor, so one hop is enough; the bound only guards against a corrupt chain.
   */
  private Optional<Member> resolve(SchemaName club, Optional<Member> found) {
    Optional<Member> member = found;
    for (int hop = 0; hop < 4; hop++) {
      if (member.isEmpty()) {
        return member;
      }
      Optional<UUID> survivor = member.get().mergedInto();
      if (survivor.isEmpty()) {
        return member;
      }
      member = find(club, survivor.get());
    }
    throw new IllegalStateException("merge chain too long in " + club);
  }

  @Override
  public List<Member> likelyDuplicates(SchemaName club, int limit) {
    @SuppressWarnings("unchecked")
    List<Member> rows =
        schemas
            .of(club)
            .createNativeQuery(
                "SELECT m.* FROM "
                    + club
                    + ".member m JOIN "
                    + club
                    + ".member o ON o.id = m.likely_duplicate_of"
                    + " WHERE m.status <> 'MERGED' AND o.status <> 'MERGED'"
                    + " ORDER BY m.enrolled_at, m.id LIMIT ?",
                Member.class)
            .setParameter(1, limit)
            .getResultList();
    return rows;
  }

  @Override
  public boolean existsByPhoneOrEmail(SchemaName club, byte[] phoneIndex, byte[] emailIndex) {
    return !schemas
        .of(club)
        .createQuery(
            "select m.id from Member m where m.phoneIndex = :phone or m.emailIndex = :email",
            UUID.class)
        .setParameter("phone", phoneIndex)
        .setParameter("email", emailIndex)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public void add(SchemaName club, Member member) {
    schemas.of(club).persist(member);
  }

  @Override
  public long countEnrolledBefore(SchemaName club, java.time.Instant before) {
    return schemas
        .of(club)
        .createQuery(
            "select count(m) from Member m where m.enrolledAt < :before"
                + " and (m.mergedAt is null or m.mergedAt >= :before)",
            Long.class)
        .setParameter("before", before)
        .getSingleResult();
  }
}
