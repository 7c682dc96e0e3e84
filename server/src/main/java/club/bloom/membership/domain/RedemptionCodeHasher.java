package club.bloom.membership.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.util.UUID;

/**
 * The keyed hash under which a redemption code is stored and compared: HMAC-SHA256 of the member id
 * and the code under a key of the club. A six-digit code hashed without a secret key would be
 * reversed by trying a million values; with the key, a copy of the table reveals nothing.
 */
public interface RedemptionCodeHasher {
  byte[] hash(SchemaName club, UUID memberId, String code);
}
