package club.bloom.membership.infrastructure;

import club.bloom.membership.domain.PersonalData;
import club.bloom.membership.domain.PersonalDataVault;
import club.bloom.tenancy.domain.SchemaName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Personal data sealed with AES-256-GCM (JCA) under the club's data key: a fresh 96-bit nonce per
 * seal, the club schema and member id as associated data (a ciphertext moved to another row or club
 * fails to open). Blind indexes are HMAC-SHA256 under a key derived from the data key per purpose.
 */
@ApplicationScoped
public class AesGcmPersonalDataVault implements PersonalDataVault {
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte VERSION = 1;
  private final SecureRandom random = new SecureRandom();

  @Inject DataKeys dataKeys;

  @Override
  public byte[] seal(SchemaName club, UUID memberId, PersonalData data) {
    // Absent fields (a member registered at a counter) are left out.
    JsonObjectBuilder json = Json.createObjectBuilder();
    addIfPresent(json, "firstName", data.firstName());
    addIfPresent(json, "lastName", data.lastName());
    addIfPresent(json, "phone", data.normalizedPhone());
    addIfPresent(json, "email", data.normalizedEmail());
    if (data.birthday() != null) {
      json.add("birthday", data.birthday().toString());
    }
    byte[] plain = json.build().toString().getBytes(StandardCharsets.UTF_8);
    return sealBytes(club, associatedData(club, memberId), plain);
  }

  private static void addIfPresent(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }

  @Override
  public byte[] sealSecret(SchemaName club, UUID memberId, String purpose, byte[] secret) {
    return sealBytes(club, associatedData(club, memberId, purpose), secret);
  }

  @Override
  public byte[] openSecret(SchemaName club, UUID memberId, String purpose, byte[] sealed) {
    return openBytes(club, associatedData(club, memberId, purpose), sealed);
  }

  private byte[] sealBytes(SchemaName club, byte[] associatedData, byte[] plain) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, dataKeys.of(club), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData);
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
          .put(VERSION)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not seal", e);
    }
  }

  private byte[] openBytes(SchemaName club, byte[] associatedData, byte[] sealed) {
    if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
      throw new IllegalStateException("unknown sealed format");
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          dataKeys.of(club),
          new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
      cipher.updateAAD(associatedData);
      return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("sealed data failed authentication", e);
    }
  }

  @Override
  public PersonalData open(SchemaName club, UUID memberId, byte[] sealed) {
    byte[] plain = openBytes(club, associatedData(club, memberId), sealed);
    JsonObject json =
        Json.createReader(new StringReader(new String(plain, StandardCharsets.UTF_8))).readObject();
    return new PersonalData(
        json.getString("firstName", null),
        json.getString("lastName", null),
        json.getString("phone", null),
        json.getString("email", null),
        json.containsKey("birthday") ? LocalDate.parse(json.getString("birthday")) : null);
  }

  @Override
  public byte[] phoneIndex(SchemaName club, String normalizedPhone) {
    return blindIndex(club, "phone", normalizedPhone);
  }

  @Override
  public byte[] emailIndex(SchemaName club, String normalizedEmail) {
    return blindIndex(club, "email", normalizedEmail);
  }

  @Override
  public byte[] fingerprint(SchemaName club, PersonalData d) {
    return blindIndex(
        club,
        "fingerprint",
        String.join(
            "\u0000",
            d.firstName(),
            d.lastName(),
            d.normalizedPhone(),
            d.normalizedEmail(),
            String.valueOf(d.birthday())));
  }

  private byte[] blindIndex(SchemaName club, String purpose, String value) {
    try {
      Mac derive = Mac.getInstance("HmacSHA256");
      derive.init(dataKeys.of(club));
      SecretKey indexKey =
          new SecretKeySpec(
              derive.doFinal(("bloom-blind-index:" + purpose).getBytes(StandardCharsets.UTF_8)),
              "HmacSHA256");
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(indexKey);
      return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] associatedData(SchemaName club, UUID memberId) {
    return (club.value() + "/" + memberId).getBytes(StandardCharsets.UTF_8);
  }

  /** Bound to its purpose too: a sealed secret cannot pass for personal data or another secret. */
  private static byte[] associatedData(SchemaName club, UUID memberId, String purpose) {
    return (club.value() + "/" + memberId + "/" + purpose).getBytes(StandardCharsets.UTF_8);
  }
}
