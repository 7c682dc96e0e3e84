package club.bloom.billing.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.ProblemKind;
import java.util.List;

/**
 * A plan change (usually a downgrade) whose limits are below what the tenant already uses (409);
 * {@code errors} names each limit with what the new plan allows and what is used.
 */
public class PlanBelowUsage extends BloomException {
  private static final long serialVersionUID = 1L;

  public PlanBelowUsage(String planName, List<Shortfall> shortfalls) {
    super(
        ProblemKind.CONFLICT,
        "plan-below-usage",
        "The plan's limits are below current usage",
        "The plan "
            + planName
            + " allows less than is used: "
            + String.join(
                "; ",
                shortfalls.stream()
                    .map(
                        s ->
                            s.limit().contractName()
                                + " allows "
                                + s.allowed()
                                + ", "
                                + s.used()
                                + " used")
                    .toList())
            + ". Reduce usage first, or choose a larger plan.",
        shortfalls.stream()
            .map(
                s ->
                    new FieldProblem(
                        s.limit().contractName(),
                        "the plan allows "
                            + s.allowed()
                            + " "
                            + s.limit().noun()
                            + "; "
                            + s.used()
                            + " used"))
            .toList());
  }

  /** One limit the new plan would break. */
  public record Shortfall(Limit limit, long allowed, long used) {}
}
