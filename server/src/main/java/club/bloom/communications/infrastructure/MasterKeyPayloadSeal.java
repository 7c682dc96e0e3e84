package club.bloom.communications.infrastructure;

import club.bloom.communications.domain.Channel;
import club.bloom.communications.domain.Payload;
import club.bloom.communications.domain.PayloadSeal;
import club.bloom.shared.domain.OutgoingMail;
import club.bloom.shared.domain.OutgoingTextMessage;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals outbox payloads with AES-256-GCM under a key derived from the installation's master key
 * ({@code bloom.crypto.master-key}) by HMAC-SHA256 with the purpose label {@code
 * bloom/outbox/seal}, as the sign-up's sealed address is (a derived key serves one purpose only).
 * The associated data binds the ciphertext to its row: {@code
 * platform/outbox/<id>/<channel>/<kind>}. Format: a version byte (1), a 96-bit random nonce, the
 * ciphertext with its 128-bit tag; the plain text is the payload's fields, each a length-prefixed
 * UTF-8 string.
 */
@ApplicationScoped
public class MasterKeyPayloadSeal implements PayloadSeal {
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  @Inject
  @ConfigProperty(name = "bloom.crypto.master-key")
  String masterKeyBase64;

  private SecretKey key;
  private final SecureRandom random = new SecureRandom();

  public MasterKeyPayloadSeal() {}

  /** For tests. */
  public MasterKeyPayloadSeal(String masterKeyBase64) {
    this.masterKeyBase64 = masterKeyBase64;
    init();
  }

  @PostConstruct
  void init() {
    byte[] master = Base64.getDecoder().decode(masterKeyBase64);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(master, "HmacSHA256"));
      key =
          new SecretKeySpec(
              mac.doFinal("bloom/outbox/seal".getBytes(StandardCharsets.UTF_8)), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public byte[] seal(UUID id, Payload payload) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associated(id, payload.channel(), payload.kind()));
      byte[] sealed = cipher.doFinal(encode(payload));
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
          .put(VERSION)
          .put(nonce)
          .put(sealed)
          .array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not seal an outbox payload", e);
    }
  }

  @Override
  public Payload open(UUID id, Channel channel, String kind, byte[] sealed) {
    if (sealed == null || sealed.length < 1 + NONCE_BYTES || sealed[0] != VERSION) {
      throw new UnreadablePayload("not a sealed payload of version " + VERSION, null);
    }
    byte[] plain;
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
      cipher.updateAAD(associated(id, channel, kind));
      plain = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new UnreadablePayload("the sealed payload failed authentication", e);
    }
    try {
      return decode(channel, kind, plain);
    } catch (IOException | RuntimeException e) {
      throw new UnreadablePayload("the opened payload is malformed", e);
    }
  }

  private static byte[] associated(UUID id, Channel channel, String kind) {
    return ("platform/outbox/" + id + "/" + channel + "/" + kind).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] encode(Payload payload) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      if (payload instanceof Payload.Mail m) {
        write(out, m.mail().to());
        write(out, m.mail().subject());
        write(out, m.mail().text());
      } else if (payload instanceof Payload.Text t) {
        write(out, t.message().to());
        write(out, t.message().text());
      } else if (payload instanceof Payload.Webhook w) {
        write(out, w.messageId().toString());
        write(out, w.endpointId().toString());
        write(out, w.manual() ? "manual" : "auto");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Payload decode(Channel channel, String kind, byte[] plain) throws IOException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
      return switch (channel) {
        case MAIL -> Payload.of(new OutgoingMail(kind, read(in), read(in), read(in)));
        case TEXT -> Payload.of(new OutgoingTextMessage(kind, read(in), read(in)));
        case WEBHOOK ->
            Payload.webhook(
                UUID.fromString(read(in)),
                UUID.fromString(read(in)),
                kind,
                "manual".equals(read(in)));
      };
    }
  }

  private static void write(DataOutputStream out, String value) throws IOException {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String read(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("bad length");
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
