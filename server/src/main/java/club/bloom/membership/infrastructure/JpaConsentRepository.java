package club.bloom.membership.infrastructure;

import club.bloom.membership.domain.ConsentDocument;
import club.bloom.membership.domain.ConsentKind;
import club.bloom.membership.domain.ConsentRecord;
import club.bloom.membership.domain.ConsentRepository;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Consent texts and records in a club schema. Native SQL names only validated schemas. */
@ApplicationScoped
public class JpaConsentRepository implements ConsentRepository {
  @Inject TenantEntityManagers schemas;

  @Override
  public List<ConsentDocument> documents(SchemaName club) {
    return schemas
        .of(club)
        .createQuery(
            "select d from ConsentDocument d order by d.publishedAt desc, d.version desc",
            ConsentDocument.class)
        .getResultList();
  }

  @Override
  public List<ConsentDocument> current(SchemaName club) {
    List<ConsentDocument> out = new ArrayList<>();
    for (ConsentKind kind : ConsentKind.values()) {
      schemas
          .of(club)
          .createQuery(
              "select d from ConsentDocument d where d.kind = :kind order by d.version desc",
              ConsentDocument.class)
          .setParameter("kind", kind)
          .setMaxResults(1)
          .getResultStream()
          .findFirst()
          .ifPresent(out::add);
    }
    return out;
  }

  @Override
  public int lastVersion(SchemaName club, ConsentKind kind) {
    // Two publications at once would both take the same next version: the second waits here.
    schemas
        .of(club)
        .createNativeQuery("LOCK TABLE " + club + ".consent_document IN SHARE ROW EXCLUSIVE MODE")
        .executeUpdate();
    Number last =
        (Number)
            schemas
                .of(club)
                .createNativeQuery(
                    "SELECT coalesce(max(version), 0) FROM "
                        + club
                        + ".consent_document WHERE kind = ?")
                .setParameter(1, kind.name())
                .getSingleResult();
    return last.intValue();
  }

  @Override
  public void publish(SchemaName club, ConsentDocument document) {
    schemas.of(club).persist(document);
  }

  @Override
  public List<ConsentRecord> recordsOf(SchemaName club, UUID memberId) {
    // A merged member's consents stay its own records (append-only) and count for the survivor.
    var em = schemas.of(club);
    em.flush();
    @SuppressWarnings("unchecked")
    List<ConsentRecord> records =
        em.createNativeQuery(
                "SELECT r.* FROM "
                    + club
                    + ".consent_record r WHERE r.member_id = ? OR r.member_id IN (SELECT m.id FROM "
                    + club
                    + ".member m WHERE m.merged_into = ?) ORDER BY r.recorded_at, r.id",
                ConsentRecord.class)
            .setParameter(1, memberId)
            .setParameter(2, memberId)
            .getResultList();
    return records;
  }

  @Override
  public void append(SchemaName club, ConsentRecord record) {
    schemas.of(club).persist(record);
  }
}
