package club.bloom.nightly.api;

import club.bloom.access.domain.Roles;
import club.bloom.nightly.application.NightlyRunRecords;
import club.bloom.nightly.application.NightlyRunRecords.ListRuns;
import club.bloom.nightly.domain.NightlyRun;
import club.bloom.nightly.domain.NightlyRunLog.Page;
import club.bloom.nightly.domain.NightlyRunLog.Position;
import club.bloom.nightly.domain.RunOutcome;
import club.bloom.shared.api.Params;
import club.bloom.shared.domain.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The operator reads the nightly runs' records: every club's tier re-evaluations and point
 * expiries, scheduled, caught up, retried or started by an operator, with their outcome and counts.
 * Read-only.
 */
@Path("/platform/nightly-runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_OPERATOR)
public class NightlyRunsResource {
  @Inject NightlyRunRecords records;

  @GET
  public NightlyRunPage list(
      @QueryParam("club") String club,
      @QueryParam("kind") String kind,
      @QueryParam("outcome") String outcome,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    Optional<RunOutcome> outcomeFilter =
        Optional.ofNullable(outcome)
            .map(
                o ->
                    RunOutcome.ofCode(o)
                        .orElseThrow(
                            () ->
                                InvalidInput.of(
                                    "outcome", "must be running, succeeded or failed")));
    if (kind != null && !kind.matches("[a-z][a-z-]{1,31}")) {
      throw InvalidInput.of("kind", "must be tier-reevaluation or point-expiry");
    }
    Page page =
        records.page(
            new ListRuns(
                Optional.ofNullable(club).map(c -> Params.slug("club", c)),
                Optional.ofNullable(kind),
                outcomeFilter,
                decode(cursor),
                Params.limit(limit)));
    return new NightlyRunPage(
        page.items().stream().map(NightlyRunDto::of).toList(),
        page.next().map(NightlyRunsResource::encode).orElse(null));
  }

  /** The contract's {@code NightlyRunPage}. */
  public record NightlyRunPage(List<NightlyRunDto> items, String nextCursor) {}

  /** The contract's {@code NightlyRun}. */
  public record NightlyRunDto(
      String id,
      String kind,
      String club,
      String night,
      String scheduledFor,
      String trigger,
      int attempt,
      String replica,
      String startedAt,
      String finishedAt,
      String outcome,
      String reason,
      String error,
      Map<String, Long> counts) {
    static NightlyRunDto of(NightlyRun run) {
      return new NightlyRunDto(
          run.id().toString(),
          run.kind(),
          run.clubSlug(),
          run.night().toString(),
          run.scheduledFor().toString(),
          run.trigger().code(),
          run.attempt(),
          run.replica(),
          run.startedAt().toString(),
          run.finishedAt().map(Instant::toString).orElse(null),
          run.outcome().code(),
          run.failure().map(f -> f.code()).orElse(null),
          run.failure().map(f -> f.error()).orElse(null),
          run.counts());
    }
  }

  private static String encode(Position position) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            (position.startedAt() + "|" + position.id()).getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<Position> decode(String cursor) {
    if (cursor == null) {
      return Optional.empty();
    }
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
      if (parts.length == 2) {
        return Optional.of(new Position(Instant.parse(parts[0]), UUID.fromString(parts[1])));
      }
    } catch (RuntimeException e) {
      // falls through to the problem below
    }
    throw InvalidInput.of("cursor", "is not a cursor this API returned");
  }
}
