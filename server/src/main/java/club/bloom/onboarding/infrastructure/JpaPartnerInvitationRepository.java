package club.bloom.onboarding.infrastructure;

import club.bloom.onboarding.domain.PartnerInvitation;
import club.bloom.onboarding.domain.PartnerInvitationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Partner invitations in the platform schema. */
@ApplicationScoped
public class JpaPartnerInvitationRepository implements PartnerInvitationRepository {
  @PersistenceContext(unitName = "bloom")
  EntityManager em;

  @Override
  public void add(PartnerInvitation invitation) {
    em.persist(invitation);
  }

  @Override
  public Optional<PartnerInvitation> find(UUID clubId, UUID id) {
    return em.createQuery(
            "select i from PartnerInvitation i where i.clubId = :club and i.id = :id",
            PartnerInvitation.class)
        .setParameter("club", clubId)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<PartnerInvitation> lockByCode(byte[] codeHash) {
    return em.createQuery(
            "select i from PartnerInvitation i where i.codeHash = :hash", PartnerInvitation.class)
        .setParameter("hash", codeHash)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<PartnerInvitation> ofClub(UUID clubId, Optional<Position> after, int limit) {
    String where =
        after.isEmpty() ? "" : " and (i.createdAt < :at or (i.createdAt = :at and i.id < :id))";
    TypedQuery<PartnerInvitation> q =
        em.createQuery(
                "select i from PartnerInvitation i where i.clubId = :club"
                    + where
                    + " order by i.createdAt desc, i.id desc",
                PartnerInvitation.class)
            .setParameter("club", clubId)
            .setMaxResults(limit);
    after.ifPresent(p -> q.setParameter("at", p.at()).setParameter("id", p.id()));
    return q.getResultList();
  }
}
