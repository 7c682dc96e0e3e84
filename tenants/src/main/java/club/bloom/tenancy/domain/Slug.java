package club.bloom.tenancy.domain;

import java.util.regex.Pattern;

/** A tenant's public handle: lower-case letters, digits and hyphens, 3–40 characters. */
public record Slug(String value) {
  private static final Pattern FORMAT = Pattern.compile("^[a-z][a-z0-9-]{1,38}[a-z0-9]$");

  public Slug {
    if (value == null || !FORMAT.matcher(value).matches() || value.contains("--")) {
      throw new InvalidSlug(value);
    }
  }

  public static boolean isValid(String value) {
    return value != null && FORMAT.matcher(value).matches() && !value.contains("--");
  }

  @Override
  public String toString() {
    return value;
  }

  /** Thrown when a slug does not follow the format. */
  public static final class InvalidSlug extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidSlug(String value) {
      super(
          "'"
              + value
              + "' is not a valid slug: 3–40 lower-case letters, digits and single hyphens,"
              + " starting with a letter");
    }
  }
}
