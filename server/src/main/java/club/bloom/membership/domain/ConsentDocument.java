package club.bloom.membership.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One published version of a club's consent text (club schema). Versions of a kind count up from 1;
 * the highest is the current one. Never changed once published (the table refuses updates): an edit
 * is a new version, and members then accept that one.
 */
@Entity
@Table(name = "consent_document")
public class ConsentDocument {
  @Id private UUID id;

  @Enumerated(EnumType.STRING)
  private ConsentKind kind;

  private int version;

  private String text;

  @Column(name = "text_sha256")
  private String textSha256;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Column(name = "published_by")
  private String publishedBy;

  protected ConsentDocument() {}

  /** The next version of a kind, after {@code previous} (0 when there is none yet). */
  public static ConsentDocument publish(
      ConsentKind kind, int previous, String text, String publishedBy, Instant now) {
    ConsentDocument d = new ConsentDocument();
    d.id = UUID.randomUUID();
    d.kind = kind;
    d.version = previous + 1;
    d.text = text;
    d.textSha256 = sha256(text);
    d.publishedAt = now;
    d.publishedBy = publishedBy;
    return d;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  public UUID id() {
    return id;
  }

  public ConsentKind kind() {
    return kind;
  }

  public int version() {
    return version;
  }

  public String text() {
    return text;
  }

  public String textSha256() {
    return textSha256;
  }

  public Instant publishedAt() {
    return publishedAt;
  }
}
