package club.bloom.catalogue.application;

import club.bloom.catalogue.domain.Category;
import club.bloom.catalogue.domain.CategoryRepository;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.SchemaName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A club's category list: replacing it (idempotent: the same list twice leaves the same state) and
 * reading it.
 */
@ApplicationScoped
public class ClubCatalogue {
  @Inject CategoryRepository categories;

  /** Drops the purchase path's snapshots of the club once the change committed (ADR 0040). */
  @Inject jakarta.enterprise.event.Event<club.bloom.shared.domain.ConfigurationChanged> changed;

  private void changed(SchemaName club) {
    if (changed != null) {
      changed.fire(new club.bloom.shared.domain.ConfigurationChanged(club.value()));
    }
  }

  @Transactional
  public List<Category> define(SchemaName club, List<CategoryDefinition> wanted) {
    var seen = new HashSet<String>();
    for (int i = 0; i < wanted.size(); i++) {
      if (!seen.add(wanted.get(i).code())) {
        throw InvalidInput.of("[" + i + "].code", "is listed twice");
      }
    }
    Map<String, Category> existing =
        categories.all(club).stream()
            .collect(Collectors.toMap(Category::code, Function.identity()));
    for (int i = 0; i < wanted.size(); i++) {
      CategoryDefinition d = wanted.get(i);
      Category current = existing.remove(d.code());
      if (current == null) {
        categories.add(club, new Category(d.code(), d.name(), i));
      } else {
        current.rename(d.name(), i);
      }
    }
    existing.values().forEach(c -> categories.remove(club, c));
    changed(club);
    return categories.all(club);
  }

  /** The club's categories in the order they were defined. */
  @Transactional
  public List<Category> list(SchemaName club) {
    return categories.all(club);
  }

  /** One category to define. */
  public record CategoryDefinition(String code, String name) {}
}
