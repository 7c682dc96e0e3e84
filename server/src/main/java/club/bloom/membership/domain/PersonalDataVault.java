package club.bloom.membership.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.util.UUID;

/**
 * Seals personal data with the club's data key (AES-256-GCM, the club schema and member id bound as
 * associated data) and computes keyed blind indexes for look-ups.
 */
public interface PersonalDataVault {
  byte[] seal(SchemaName club, UUID memberId, PersonalData data);

  PersonalData open(SchemaName club, UUID memberId, byte[] sealed);

  /** Seals a member's secret (e.g. the passport's TOTP key) for one purpose, like personal data. */
  byte[] sealSecret(SchemaName club, UUID memberId, String purpose, byte[] secret);

  byte[] openSecret(SchemaName club, UUID memberId, String purpose, byte[] sealed);

  byte[] phoneIndex(SchemaName club, String normalizedPhone);

  byte[] emailIndex(SchemaName club, String normalizedEmail);

  /**
   * A keyed fingerprint of all fields, to recognise a repeated request without keeping the data.
   */
  byte[] fingerprint(SchemaName club, PersonalData data);
}
