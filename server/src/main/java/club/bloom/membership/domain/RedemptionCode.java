package club.bloom.membership.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The member's current one-time code for paying with points (club schema, one per member). The
 * member asks for it in the cabinet and tells it to the cashier, who sends it with the redemption.
 *
 * <p>Lifecycle: issued for {@link #LIFETIME} with {@link #ATTEMPTS} attempts; a new request
 * replaces it (fresh time and attempts); every wrong code spends an attempt; a redemption that
 * succeeds deletes it. Only a keyed hash of the code is kept ({@link RedemptionCodeHasher}), never
 * the code.
 */
@Entity
@Table(name = "redemption_code")
public class RedemptionCode {
  /** How long a code is valid. */
  public static final Duration LIFETIME = Duration.ofMinutes(5);

  /** How many wrong codes lock it. */
  public static final int ATTEMPTS = 5;

  @Id
  @Column(name = "member_id")
  private UUID memberId;

  @Column(name = "code_hash")
  private byte[] codeHash;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "attempts_left")
  private int attemptsLeft;

  @Column(name = "created_at")
  private Instant createdAt;

  protected RedemptionCode() {}

  /** A fresh code (by its keyed hash) for the member, valid from {@code now}. */
  public static RedemptionCode issue(UUID memberId, byte[] codeHash, Instant now) {
    RedemptionCode c = new RedemptionCode();
    c.memberId = memberId;
    c.codeHash = codeHash.clone();
    c.createdAt = now;
    c.expiresAt = now.plus(LIFETIME);
    c.attemptsLeft = ATTEMPTS;
    return c;
  }

  /**
   * Checks a candidate code, by its keyed hash. An expired or locked code accepts nothing and costs
   * nothing; a wrong candidate spends an attempt.
   */
  public Check check(byte[] candidateHash, Instant now) {
    if (!now.isBefore(expiresAt)) {
      return Check.EXPIRED;
    }
    if (attemptsLeft <= 0) {
      return Check.LOCKED;
    }
    if (MessageDigest.isEqual(codeHash, candidateHash)) {
      return Check.ACCEPTED;
    }
    attemptsLeft--;
    return Check.WRONG;
  }

  public UUID memberId() {
    return memberId;
  }

  public byte[] codeHash() {
    return codeHash.clone();
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public int attemptsLeft() {
    return attemptsLeft;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** What checking a candidate code found. */
  public enum Check {
    /** The code matches: the redemption may go ahead (and then consumes the code). */
    ACCEPTED,
    /** The code does not match; an attempt was spent. */
    WRONG,
    /** The code's five minutes are over. */
    EXPIRED,
    /** No attempts are left. */
    LOCKED
  }
}
