package club.bloom.community.infrastructure;

import club.bloom.community.domain.Invitation;
import club.bloom.community.domain.InvitationRepository;
import club.bloom.community.domain.InvitationStatus;
import club.bloom.shared.domain.PageCursor;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Invitations in a club schema. */
@ApplicationScoped
public class JpaInvitationRepository implements InvitationRepository {
  @Inject TenantEntityManagers schemas;

  @Override
  public Optional<Invitation> find(SchemaName club, UUID id) {
    return Optional.ofNullable(schemas.of(club).find(Invitation.class, id));
  }

  @Override
  public Optional<Invitation> openFor(SchemaName club, UUID memberId, String tier) {
    return schemas
        .of(club)
        .createQuery(
            "select i from Invitation i where i.memberId = :member and i.tierCode = :tier"
                + " and i.status in :open",
            Invitation.class)
        .setParameter("member", memberId)
        .setParameter("tier", tier)
        .setParameter("open", List.of(InvitationStatus.PENDING, InvitationStatus.ACCEPTED))
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<Invitation> ofMember(SchemaName club, UUID memberId) {
    return schemas
        .of(club)
        .createQuery(
            "select i from Invitation i where i.memberId = :member"
                + " order by i.createdAt desc, i.id desc",
            Invitation.class)
        .setParameter("member", memberId)
        .setMaxResults(100)
        .getResultList();
  }

  @Override
  public List<Invitation> page(SchemaName club, PageCursor after, int limit) {
    String where =
        after == null ? "" : " where i.createdAt < :at or (i.createdAt = :at and i.id < :id)";
    TypedQuery<Invitation> q =
        schemas
            .of(club)
            .createQuery(
                "select i from Invitation i" + where + " order by i.createdAt desc, i.id desc",
                Invitation.class)
            .setMaxResults(limit);
    if (after != null) {
      q.setParameter("at", after.at()).setParameter("id", after.id());
    }
    return q.getResultList();
  }

  @Override
  public void add(SchemaName club, Invitation invitation) {
    schemas.of(club).persist(invitation);
  }

  @Override
  public void flush(SchemaName club) {
    schemas.of(club).flush();
  }
}
