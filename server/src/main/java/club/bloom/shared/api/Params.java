package club.bloom.shared.api;

import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.Slug;

/** Path and query parameters shared by resources, checked with a field-level problem. */
public final class Params {
  private Params() {}

  /** A tenant slug from the path; {@code field} names the parameter in the problem. */
  public static Slug slug(String field, String text) {
    if (!Slug.isValid(text)) {
      throw InvalidInput.of(
          field,
          "must be 3–40 lower-case letters, digits and single hyphens, starting with a letter");
    }
    return new Slug(text);
  }

  /** A page size: 20 by default, 1–100. */
  public static int limit(Integer limit) {
    if (limit == null) {
      return 20;
    }
    if (limit < 1 || limit > 100) {
      throw InvalidInput.of("limit", "must be between 1 and 100");
    }
    return limit;
  }
}
