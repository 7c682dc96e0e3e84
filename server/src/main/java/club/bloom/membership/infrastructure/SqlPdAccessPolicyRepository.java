package club.bloom.membership.infrastructure;

import club.bloom.membership.domain.PdAccessPolicy;
import club.bloom.membership.domain.PdAccessPolicyRepository;
import club.bloom.membership.domain.PdAudience;
import club.bloom.membership.domain.PdField;
import club.bloom.membership.domain.Visibility;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The PD-access policy in {@code pd_access_rule} of a club schema: one row per role the club has
 * set, one column per field. Read on every disclosure (never cached), so a change applies at once.
 */
@ApplicationScoped
public class SqlPdAccessPolicyRepository implements PdAccessPolicyRepository {
  private static final List<PdField> COLUMNS =
      List.of(
          PdField.FIRST_NAME, PdField.LAST_NAME, PdField.PHONE, PdField.EMAIL, PdField.BIRTHDAY);

  @Inject TenantEntityManagers schemas;

  @Override
  public PdAccessPolicy policy(SchemaName club) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        schemas
            .of(club)
            .createNativeQuery(
                "SELECT role, first_name, last_name, phone, email, birthday FROM "
                    + club
                    + ".pd_access_rule")
            .getResultList();
    Map<PdAudience, Map<PdField, Visibility>> stored = new EnumMap<>(PdAudience.class);
    for (Object[] row : rows) {
      PdAudience.parse((String) row[0])
          .ifPresent(
              audience -> {
                Map<PdField, Visibility> fields = new EnumMap<>(PdField.class);
                for (int i = 0; i < COLUMNS.size(); i++) {
                  fields.put(
                      COLUMNS.get(i),
                      Visibility.parse((String) row[i + 1]).orElse(Visibility.NONE));
                }
                stored.put(audience, fields);
              });
    }
    return PdAccessPolicy.defaults().with(stored);
  }

  @Override
  public void replace(
      SchemaName club, Map<PdAudience, Map<PdField, Visibility>> rows, Instant now) {
    schemas.of(club).createNativeQuery("DELETE FROM " + club + ".pd_access_rule").executeUpdate();
    for (var row : rows.entrySet()) {
      var insert =
          schemas
              .of(club)
              .createNativeQuery(
                  "INSERT INTO "
                      + club
                      + ".pd_access_rule (role, first_name, last_name, phone, email, birthday,"
                      + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
              .setParameter(1, row.getKey().role());
      for (int i = 0; i < COLUMNS.size(); i++) {
        insert.setParameter(
            i + 2, row.getValue().getOrDefault(COLUMNS.get(i), Visibility.NONE).code());
      }
      insert.setParameter(7, Timestamp.from(now)).executeUpdate();
    }
  }
}
