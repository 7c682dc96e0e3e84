package club.bloom.membership.infrastructure;

import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.MemberRepository;
import club.bloom.membership.domain.PassportCode;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
  public Optional<Member> findByPassport(SchemaName club, PassportCode code) {
    return schemas
        .of(club)
        .createQuery("select m from Member m where m.passportCode = :code", Member.class)
        .setParameter("code", code.value())
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Member> findBySubject(SchemaName club, String subject) {
    return schemas
        .of(club)
        .createQuery("select m from Member m where m.subject = :subject", Member.class)
        .setParameter("subject", subject)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Member> findByPhoneIndex(SchemaName club, byte[] phoneIndex) {
    return schemas
        .of(club)
        .createQuery("select m from Member m where m.phoneIndex = :index", Member.class)
        .setParameter("index", phoneIndex)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Member> findByEmailIndex(SchemaName club, byte[] emailIndex) {
    return schemas
        .of(club)
        .createQuery("select m from Member m where m.emailIndex = :index", Member.class)
        .setParameter("index", emailIndex)
        .getResultStream()
        .findFirst();
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
        .createQuery("select count(m) from Member m where m.enrolledAt < :before", Long.class)
        .setParameter("before", before)
        .getSingleResult();
  }
}
