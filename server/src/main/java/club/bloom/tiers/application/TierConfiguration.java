package club.bloom.tiers.application;

import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tiers.domain.Tier;
import club.bloom.tiers.domain.TierLadder;
import club.bloom.tiers.domain.TierRepository;
import club.bloom.tiers.domain.TierRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Replaces a club's tiers (idempotent) and reads its ladder. */
@ApplicationScoped
public class TierConfiguration {
  @Inject TierRepository tiers;

  /** Drops the purchase path's snapshots of the club once the change committed (ADR 0040). */
  @Inject jakarta.enterprise.event.Event<club.bloom.shared.domain.ConfigurationChanged> changed;

  private void changed(SchemaName club) {
    if (changed != null) {
      changed.fire(new club.bloom.shared.domain.ConfigurationChanged(club.value()));
    }
  }

  @Transactional
  public TierLadder define(SchemaName club, List<TierRule> rules) {
    List<FieldProblem> problems = new ArrayList<>();
    var codes = new HashSet<String>();
    var ranks = new HashSet<Integer>();
    for (int i = 0; i < rules.size(); i++) {
      TierRule r = rules.get(i);
      if (!codes.add(r.code())) {
        problems.add(new FieldProblem("[" + i + "].code", "is listed twice"));
      }
      if (!ranks.add(r.rank())) {
        problems.add(new FieldProblem("[" + i + "].rank", "is used by another tier"));
      }
      if (r.windowMonths() != rules.get(0).windowMonths()) {
        problems.add(
            new FieldProblem(
                "[" + i + "].windowMonths", "must be the same for all tiers of a club (for now)"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    Map<String, Tier> existing =
        tiers.all(club).stream().collect(Collectors.toMap(Tier::code, Function.identity()));
    // Ranks are unique in the table: clear the ones that move before writing the new ones.
    existing.values().forEach(t -> tiers.remove(club, t));
    tiers.flush(club);
    rules.forEach(r -> tiers.add(club, new Tier(r)));
    changed(club);
    return new TierLadder(rules);
  }

  @Transactional
  public TierLadder ladder(SchemaName club) {
    return new TierLadder(tiers.all(club).stream().map(Tier::rule).toList());
  }
}
