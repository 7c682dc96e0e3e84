package club.bloom.shared.api;

import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.InvalidInput;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Path parameters, query parameters and the headers Bloom reads as values are text like any other:
 * a NUL, a control character, a lone surrogate or bytes that are not UTF-8 answer 400 naming the
 * parameter or header, before a resource sees them (and before they reach SQL, where PostgreSQL
 * refused NUL with a 500). Query parameters the operation does not define are not checked (they are
 * ignored anyway).
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 500)
public class ParameterChecks implements ContainerRequestFilter {
  /** Headers whose values become data (keys, tokens, versions); others are the container's. */
  static final Set<String> VALUE_HEADERS =
      Set.of("idempotency-key", "signup-token", "if-match", "if-none-match");

  @Override
  public void filter(ContainerRequestContext request) {
    List<FieldProblem> problems = new ArrayList<>();
    var uri = request.getUriInfo();
    for (Map.Entry<String, List<String>> p : uri.getPathParameters(true).entrySet()) {
      p.getValue().forEach(v -> TextChecks.checkValue(p.getKey(), v, problems));
    }
    for (Map.Entry<String, List<String>> q : uri.getQueryParameters(true).entrySet()) {
      String name = q.getKey();
      String nameProblem = TextChecks.problem(name, false);
      if (nameProblem != null) {
        problems.add(new FieldProblem("query", "a parameter name " + nameProblem));
        continue;
      }
      q.getValue().forEach(v -> TextChecks.checkValue(name, v, problems));
    }
    for (Map.Entry<String, List<String>> h : request.getHeaders().entrySet()) {
      if (VALUE_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        h.getValue().forEach(v -> TextChecks.checkValue(h.getKey(), v, problems));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
  }
}
