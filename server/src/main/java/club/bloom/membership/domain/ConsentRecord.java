package club.bloom.membership.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One answer of a member to one version of a consent text: accepted or withdrawn, when and through
 * which channel, with the hash of the text answered (club schema). Append-only — the table refuses
 * updates and deletes; a member's current consent is the latest record of each kind.
 */
@Entity
@Table(name = "consent_record")
public class ConsentRecord {
  /** What the member did. */
  public enum Action {
    ACCEPTED,
    WITHDRAWN
  }

  @Id private UUID id;

  @Column(name = "member_id")
  private UUID memberId;

  @Column(name = "document_id")
  private UUID documentId;

  @Enumerated(EnumType.STRING)
  private ConsentKind kind;

  private int version;

  @Column(name = "text_sha256")
  private String textSha256;

  @Enumerated(EnumType.STRING)
  private Action action;

  @Enumerated(EnumType.STRING)
  private ConsentChannel channel;

  @Column(name = "recorded_at")
  private Instant recordedAt;

  protected ConsentRecord() {}

  static ConsentRecord of(
      UUID memberId, ConsentDocument document, Action action, ConsentChannel channel, Instant now) {
    ConsentRecord r = new ConsentRecord();
    r.id = UUID.randomUUID();
    r.memberId = memberId;
    r.documentId = document.id();
    r.kind = document.kind();
    r.version = document.version();
    r.textSha256 = document.textSha256();
    r.action = action;
    r.channel = channel;
    r.recordedAt = now;
    return r;
  }

  public UUID id() {
    return id;
  }

  public UUID memberId() {
    return memberId;
  }

  public ConsentKind kind() {
    return kind;
  }

  public int version() {
    return version;
  }

  public String textSha256() {
    return textSha256;
  }

  public Action action() {
    return action;
  }

  public ConsentChannel channel() {
    return channel;
  }

  public Instant recordedAt() {
    return recordedAt;
  }
}
