package club.bloom.ingestion.application;

import club.bloom.catalogue.domain.Category;
import club.bloom.catalogue.domain.CategoryRepository;
import club.bloom.ledger.domain.Currency;
import club.bloom.ledger.domain.LedgerSettings;
import club.bloom.shared.domain.ConfigurationChanged;
import club.bloom.shared.domain.Snapshots;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tiers.application.TierStanding;
import club.bloom.tiers.domain.TierLadder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The configuration of a club that every purchase reads, kept in memory per club (ADR 0040): its
 * categories, its tier ladder and its currencies. Loaded in the caller's transaction the first time
 * and after a change; a change made on this replica ({@link ConfigurationChanged}, fired by the
 * services that change categories, tiers, currencies and the ledger policy) drops the club's
 * snapshot once its transaction succeeded, so the next purchase reads the new configuration; other
 * replicas follow within {@link #KEPT_FOR}.
 */
@ApplicationScoped
public class ClubSnapshots {
  /** How long another replica's change can take to be seen here. */
  static final Duration KEPT_FOR = Duration.ofSeconds(5);

  @Inject CategoryRepository categories;
  @Inject TierStanding standing;
  @Inject LedgerSettings settings;

  Snapshots<String, ClubSnapshot> kept = new Snapshots<>(KEPT_FOR);

  /** The club's snapshot (read within the caller's transaction when not kept). */
  public ClubSnapshot of(Tenant club) {
    return kept.get(club.schema().value(), schema -> load(club));
  }

  private ClubSnapshot load(Tenant club) {
    SchemaName schema = club.schema();
    return new ClubSnapshot(
        categories.all(schema).stream().map(Category::code).collect(Collectors.toUnmodifiableSet()),
        standing.ladder(club),
        settings.currencies(schema).stream()
            .collect(Collectors.toUnmodifiableMap(Currency::code, Function.identity())));
  }

  void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConfigurationChanged changed) {
    kept.forget(changed.schema());
  }

  /**
   * What a purchase reads of its club's configuration. Shared between requests: read only (the
   * currencies are detached copies, never written through).
   */
  public record ClubSnapshot(
      Set<String> categories, TierLadder ladder, Map<String, Currency> currencies) {
    public boolean hasCategory(String code) {
      return categories.contains(code);
    }

    public Optional<Currency> currency(String code) {
      return Optional.ofNullable(currencies.get(code));
    }
  }
}
