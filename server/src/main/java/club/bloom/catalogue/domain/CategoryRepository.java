package club.bloom.catalogue.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.util.List;
import java.util.Optional;

/** Categories of one club schema. */
public interface CategoryRepository {
  List<Category> all(SchemaName club);

  Optional<Category> find(SchemaName club, String code);

  void add(SchemaName club, Category category);

  void remove(SchemaName club, Category category);
}
