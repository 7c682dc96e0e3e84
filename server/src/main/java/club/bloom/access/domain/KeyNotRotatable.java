package club.bloom.access.domain;

import club.bloom.shared.domain.Conflict;
import java.util.Map;

/** A key that is revoked, expired or already rotated cannot be rotated (again). */
public class KeyNotRotatable extends Conflict {
  private static final long serialVersionUID = 1L;
  private final String key;

  private KeyNotRotatable(ApiKey key, String type, String title, String detail) {
    super(type, title, detail);
    this.key = key.id().toString();
  }

  static KeyNotRotatable revoked(ApiKey key) {
    return new KeyNotRotatable(
        key,
        "key-revoked",
        "Key revoked",
        "The API key " + key.prefix() + "… is revoked; issue a new key instead of rotating it");
  }

  static KeyNotRotatable alreadyRotated(ApiKey key) {
    return new KeyNotRotatable(
        key,
        "key-already-rotated",
        "Key already rotated",
        "The API key "
            + key.prefix()
            + "… was already rotated to "
            + key.successor().map(Object::toString).orElse("?")
            + "; rotate the successor instead");
  }

  static KeyNotRotatable expired(ApiKey key) {
    return new KeyNotRotatable(
        key,
        "key-expired",
        "Key expired",
        "The API key " + key.prefix() + "… expired; issue a new key instead of rotating it");
  }

  @Override
  public Map<String, Object> extensions() {
    return Map.of("key", key);
  }
}
