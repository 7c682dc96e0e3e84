package club.bloom.access.domain;

/** Live keys move real value; test keys are for integration work. */
public enum ApiKeyMode {
  LIVE("live"),
  TEST("test");

  private final String token;

  ApiKeyMode(String token) {
    this.token = token;
  }

  public String token() {
    return token;
  }

  public static ApiKeyMode of(String token) {
    for (ApiKeyMode m : values()) {
      if (m.token.equals(token)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown key mode " + token);
  }
}
