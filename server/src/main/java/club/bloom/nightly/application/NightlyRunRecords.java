package club.bloom.nightly.application;

import club.bloom.nightly.domain.NightlyRunLog;
import club.bloom.nightly.domain.NightlyRunLog.Filter;
import club.bloom.nightly.domain.NightlyRunLog.Page;
import club.bloom.nightly.domain.NightlyRunLog.Position;
import club.bloom.nightly.domain.RunOutcome;
import club.bloom.shared.domain.NotFound;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** The run records as the operator reads them: newest first, filtered, a page at a time. */
@ApplicationScoped
public class NightlyRunRecords {
  @Inject NightlyRunLog log;
  @Inject TenantRegistry tenants;

  /** What to list: a club (any status), a kind, an outcome; where the previous page ended. */
  public record ListRuns(
      Optional<Slug> club,
      Optional<String> kind,
      Optional<RunOutcome> outcome,
      Optional<Position> after,
      int limit) {}

  /** A page of records; an unknown club is a 404. */
  public Page page(ListRuns query) {
    Optional<Tenant> club =
        query
            .club()
            .map(
                slug ->
                    tenants
                        .find(TenantKind.CLUB, slug)
                        .orElseThrow(
                            () ->
                                new NotFound(
                                    "not-found", "No such club", "No club " + slug.value())));
    return log.page(
        new Filter(club.map(Tenant::id), query.kind(), query.outcome()),
        query.after(),
        query.limit());
  }
}
