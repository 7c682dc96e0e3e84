package club.bloom.onboarding.infrastructure;

import club.bloom.onboarding.domain.SignUp;
import club.bloom.onboarding.domain.SignUpStatus;
import club.bloom.onboarding.domain.SignUps;
import club.bloom.tenancy.domain.TenantKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sign-ups in {@code platform.signup}. */
@ApplicationScoped
public class JpaSignUps implements SignUps {
  @PersistenceContext(unitName = "bloom")
  EntityManager em;

  @Override
  public void add(SignUp signUp) {
    em.persist(signUp);
    em.flush();
  }

  @Override
  public Optional<SignUp> find(UUID id) {
    return Optional.ofNullable(em.find(SignUp.class, id));
  }

  @Override
  public Optional<SignUp> lockByToken(byte[] tokenHash) {
    return em.createQuery("select s from SignUp s where s.tokenHash = :hash", SignUp.class)
        .setParameter("hash", tokenHash)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<SignUp> lockLive(TenantKind kind, String slug) {
    return em.createQuery(
            "select s from SignUp s where s.kind = :kind and s.slug = :slug and s.status in"
                + " :live",
            SignUp.class)
        .setParameter("kind", kind)
        .setParameter("slug", slug)
        .setParameter(
            "live",
            List.of(
                SignUpStatus.AWAITING_VERIFICATION, SignUpStatus.PROVISIONING, SignUpStatus.READY))
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public int expireStale(Instant now) {
    return em.createNativeQuery(
            "UPDATE platform.signup SET status = 'EXPIRED', updated_at = ?"
                + " WHERE status = 'AWAITING_VERIFICATION' AND token_expires_at <= ?")
        .setParameter(1, Timestamp.from(now))
        .setParameter(2, Timestamp.from(now))
        .executeUpdate();
  }

  @Override
  public long countByEmailSince(byte[] emailHash, Instant since) {
    return count("email_hash", emailHash, since);
  }

  @Override
  public long countByIpSince(byte[] ipHash, Instant since) {
    return count("ip_hash", ipHash, since);
  }

  private long count(String column, byte[] hash, Instant since) {
    // The column name is one of two constants above, never input.
    Object n =
        em.createNativeQuery(
                "SELECT count(*) FROM platform.signup WHERE " + column + " = ? AND created_at > ?")
            .setParameter(1, hash)
            .setParameter(2, Timestamp.from(since))
            .getSingleResult();
    return ((Number) n).longValue();
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean lease(UUID id, Instant now, Instant until) {
    return em.createNativeQuery(
                "UPDATE platform.signup SET lease_until = ? WHERE id = ? AND status = 'PROVISIONING'"
                    + " AND (lease_until IS NULL OR lease_until < ?)")
            .setParameter(1, Timestamp.from(until))
            .setParameter(2, id)
            .setParameter(3, Timestamp.from(now))
            .executeUpdate()
        == 1;
  }

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void release(UUID id) {
    em.createNativeQuery("UPDATE platform.signup SET lease_until = NULL WHERE id = ?")
        .setParameter(1, id)
        .executeUpdate();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<UUID> stalled(Instant since, Instant now) {
    return em.createNativeQuery(
            "SELECT id FROM platform.signup WHERE status = 'PROVISIONING' AND updated_at < ?"
                + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY updated_at LIMIT 50")
        .setParameter(1, Timestamp.from(since))
        .setParameter(2, Timestamp.from(now))
        .getResultList();
  }

  @Override
  public List<SignUp> latest(Optional<SignUpStatus> status, int limit) {
    if (status.isEmpty()) {
      return em.createQuery("select s from SignUp s order by s.createdAt desc", SignUp.class)
          .setMaxResults(limit)
          .getResultList();
    }
    return em.createQuery(
            "select s from SignUp s where s.status = :status order by s.createdAt desc",
            SignUp.class)
        .setParameter("status", status.get())
        .setMaxResults(limit)
        .getResultList();
  }
}
