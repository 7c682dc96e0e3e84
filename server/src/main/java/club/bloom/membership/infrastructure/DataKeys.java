package club.bloom.membership.infrastructure;

import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantSchemaReady;
import club.bloom.tenancy.infrastructure.TenantEntityManagers;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-club data keys (envelope encryption): a random AES-256 key per club, stored in the club's own
 * schema only wrapped (AES-GCM) by the installation's master key from configuration ({@code
 * bloom.crypto.master-key}, base64 of 32 bytes; in production from a KMS or secret store). Created
 * when a club's schema is provisioned; unwrapped keys are cached in memory.
 */
@ApplicationScoped
public class DataKeys {
  private static final int NONCE_BYTES = 12;

  @Inject
  @ConfigProperty(name = "bloom.crypto.master-key")
  String masterKeyBase64;

  @Inject TenantEntityManagers schemas;
  @Inject Clock clock;

  private SecretKey masterKey;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, SecretKey> unwrapped = new ConcurrentHashMap<>();

  @PostConstruct
  void init() {
    byte[] raw = Base64.getDecoder().decode(masterKeyBase64);
    if (raw.length != 32) {
      throw new IllegalStateException("bloom.crypto.master-key must be 32 bytes, base64-encoded");
    }
    masterKey = new SecretKeySpec(raw, "AES");
  }

  /** Creates the club's data key when its schema is ready (idempotent). */
  @Transactional
  void onSchemaReady(@Observes TenantSchemaReady event) {
    if (event.kind() != TenantKind.CLUB) {
      return;
    }
    SchemaName schema = event.schema();
    if (read(schema) != null) {
      return;
    }
    try {
      KeyGenerator generator = KeyGenerator.getInstance("AES");
      generator.init(256, random);
      SecretKey key = generator.generateKey();
      schemas
          .of(schema)
          .createNativeQuery(
              "INSERT INTO "
                  + schema.value()
                  + ".data_key (id, wrapped_key, created_at)"
                  + " VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING")
          .setParameter(1, wrap(schema, key))
          .setParameter(2, Timestamp.from(clock.instant()))
          .executeUpdate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The club's data key; must be called inside a transaction. */
  public SecretKey of(SchemaName schema) {
    return unwrapped.computeIfAbsent(
        schema.value(),
        s -> {
          byte[] wrapped = read(schema);
          if (wrapped == null) {
            throw new IllegalStateException("club " + s + " has no data key");
          }
          return unwrap(schema, wrapped);
        });
  }

  // The schema name is a validated SchemaName: safe to place in SQL.
  private byte[] read(SchemaName schema) {
    @SuppressWarnings("unchecked")
    List<Object> rows =
        schemas
            .of(schema)
            .createNativeQuery(
                "SELECT wrapped_key FROM " + schema.value() + ".data_key WHERE id = 1")
            .getResultList();
    return rows.isEmpty() ? null : (byte[]) rows.get(0);
  }

  private byte[] wrap(SchemaName schema, SecretKey key) throws GeneralSecurityException {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, masterKey, new GCMParameterSpec(128, nonce));
    cipher.updateAAD(aad(schema));
    byte[] sealed = cipher.doFinal(key.getEncoded());
    return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
  }

  private SecretKey unwrap(SchemaName schema, byte[] wrapped) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, masterKey, new GCMParameterSpec(128, wrapped, 0, NONCE_BYTES));
      cipher.updateAAD(aad(schema));
      byte[] raw = cipher.doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
      return new SecretKeySpec(raw, "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "the data key of " + schema + " does not open with the master key", e);
    }
  }

  private static byte[] aad(SchemaName schema) {
    return ("bloom-data-key/" + schema.value()).getBytes(StandardCharsets.UTF_8);
  }
}
