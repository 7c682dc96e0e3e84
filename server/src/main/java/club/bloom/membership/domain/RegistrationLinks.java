package club.bloom.membership.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.util.UUID;

/**
 * Tokens of counter registration links. A token is derived from the registration's id under a key
 * of the club (so the same registration always gives the same link, and a retried registration can
 * show it again without it being stored); the database keeps only its SHA-256.
 */
public interface RegistrationLinks {
  String token(SchemaName club, UUID registrationId);

  byte[] hash(String token);
}
