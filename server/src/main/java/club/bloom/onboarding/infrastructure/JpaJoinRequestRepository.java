package club.bloom.onboarding.infrastructure;

import club.bloom.onboarding.domain.JoinRequest;
import club.bloom.onboarding.domain.JoinRequestRepository;
import club.bloom.onboarding.domain.JoinRequestStatus;
import club.bloom.onboarding.domain.PartnerInvitationRepository.Position;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Join requests in the platform schema. */
@ApplicationScoped
public class JpaJoinRequestRepository implements JoinRequestRepository {
  @PersistenceContext(unitName = "bloom")
  EntityManager em;

  @Override
  public void add(JoinRequest request) {
    em.persist(request);
    // The partial unique index refuses a second pending request here, inside the request.
    em.flush();
  }

  @Override
  public Optional<JoinRequest> lockOfClub(UUID clubId, UUID id) {
    return em.createQuery(
            "select r from JoinRequest r where r.clubId = :club and r.id = :id", JoinRequest.class)
        .setParameter("club", clubId)
        .setParameter("id", id)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<JoinRequest> pending(UUID clubId, UUID partnerId) {
    return em.createQuery(
            "select r from JoinRequest r where r.clubId = :club and r.partnerId = :partner"
                + " and r.status = :pending",
            JoinRequest.class)
        .setParameter("club", clubId)
        .setParameter("partner", partnerId)
        .setParameter("pending", JoinRequestStatus.PENDING)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<JoinRequest> ofClub(
      UUID clubId, Optional<JoinRequestStatus> status, Optional<Position> after, int limit) {
    return page("r.clubId = :owner", clubId, status, after, limit);
  }

  @Override
  public List<JoinRequest> ofPartner(UUID partnerId, Optional<Position> after, int limit) {
    return page("r.partnerId = :owner", partnerId, Optional.empty(), after, limit);
  }

  private List<JoinRequest> page(
      String owner,
      UUID ownerId,
      Optional<JoinRequestStatus> status,
      Optional<Position> after,
      int limit) {
    String where =
        owner
            + (status.isEmpty() ? "" : " and r.status = :status")
            + (after.isEmpty()
                ? ""
                : " and (r.createdAt < :at or (r.createdAt = :at and r.id < :id))");
    TypedQuery<JoinRequest> q =
        em.createQuery(
                "select r from JoinRequest r where "
                    + where
                    + " order by r.createdAt desc, r.id desc",
                JoinRequest.class)
            .setParameter("owner", ownerId)
            .setMaxResults(limit);
    status.ifPresent(s -> q.setParameter("status", s));
    after.ifPresent(p -> q.setParameter("at", p.at()).setParameter("id", p.id()));
    return q.getResultList();
  }
}
