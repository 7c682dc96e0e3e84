package club.bloom.membership.domain;

import club.bloom.membership.domain.RedemptionCode.Check;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The passport's TOTP (RFC 6238: six digits, 30-second steps, HMAC-SHA1 — what authenticator apps
 * and wallets show) that a member may use instead of a one-time code to confirm paying with points.
 * The key is kept sealed. A code is accepted for the current step or one step either side (clocks
 * drift), each step at most once, so a code overheard at the counter cannot be used again; five
 * wrong codes in a row lock it until the member turns it on again (a new key).
 */
@Entity
@Table(name = "member_totp")
public class PassportTotp {
  /** How many wrong codes in a row lock it. */
  public static final int ATTEMPTS = 5;

  @Id
  @Column(name = "member_id")
  private UUID memberId;

  @Column(name = "sealed_secret")
  private byte[] sealedSecret;

  @Column(name = "last_used_step")
  private long lastUsedStep;

  @Column(name = "attempts_left")
  private int attemptsLeft;

  @Column(name = "enrolled_at")
  private Instant enrolledAt;

  protected PassportTotp() {}

  /** A new key (sealed) for the member, from {@code now}. */
  public static PassportTotp enrol(UUID memberId, byte[] sealedSecret, Instant now) {
    PassportTotp t = new PassportTotp();
    t.memberId = memberId;
    t.sealedSecret = sealedSecret.clone();
    t.enrolledAt = now;
    t.attemptsLeft = ATTEMPTS;
    return t;
  }

  /**
   * Whether the candidate is the code of the current step or of one step either side that has not
   * been used; accepting it uses that step (and every earlier one) and resets the attempts. A
   * locked TOTP accepts nothing. Costs nothing when it does not match: see {@link #failed()}.
   */
  public boolean accepts(String candidate, Instant now, TotpCodes codes, byte[] secret) {
    if (attemptsLeft <= 0) {
      return false;
    }
    long step = codes.step(now);
    for (long s = step - 1; s <= step + 1; s++) {
      if (s > lastUsedStep && codes.matches(secret, s, candidate)) {
        lastUsedStep = s;
        attemptsLeft = ATTEMPTS;
        return true;
      }
    }
    return false;
  }

  /** Counts a wrong code; answers {@code WRONG} while attempts are left, then {@code LOCKED}. */
  public Check failed() {
    if (attemptsLeft <= 0) {
      return Check.LOCKED;
    }
    attemptsLeft--;
    return Check.WRONG;
  }

  public UUID memberId() {
    return memberId;
  }

  public byte[] sealedSecret() {
    return sealedSecret.clone();
  }

  public int attemptsLeft() {
    return attemptsLeft;
  }

  public long lastUsedStep() {
    return lastUsedStep;
  }

  public Instant enrolledAt() {
    return enrolledAt;
  }
}
