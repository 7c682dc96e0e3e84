package club.bloom.catalogue.infrastructure;

import club.bloom.catalogue.domain.Category;
import club.bloom.catalogue.domain.CategoryRepository;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Categories in a club schema. */
@ApplicationScoped
public class JpaCategoryRepository implements CategoryRepository {
  @Inject TenantEntityManagers schemas;

  @Override
  public List<Category> all(SchemaName club) {
    return schemas
        .of(club)
        .createQuery("select c from Category c order by c.position, c.code", Category.class)
        .getResultList();
  }

  @Override
  public Optional<Category> find(SchemaName club, String code) {
    return Optional.ofNullable(schemas.of(club).find(Category.class, code));
  }

  @Override
  public void add(SchemaName club, Category category) {
    schemas.of(club).persist(category);
  }

  @Override
  public void remove(SchemaName club, Category category) {
    schemas.of(club).remove(category);
  }
}
