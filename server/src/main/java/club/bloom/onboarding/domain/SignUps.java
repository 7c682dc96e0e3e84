package club.bloom.onboarding.domain;

import club.bloom.tenancy.domain.TenantKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sign-ups in the platform schema. */
public interface SignUps {
  void add(SignUp signUp);

  Optional<SignUp> find(UUID id);

  /** The sign-up whose link has this token hash, locked until the transaction ends. */
  Optional<SignUp> lockByToken(byte[] tokenHash);

  /** The live (awaiting, provisioning or ready) sign-up for the slug, locked. */
  Optional<SignUp> lockLive(TenantKind kind, String slug);

  /** Marks sign-ups whose link has expired unfollowed as expired (their slugs free again). */
  int expireStale(Instant now);

  long countByEmailSince(byte[] emailHash, Instant since);

  long countByIpSince(byte[] ipHash, Instant since);

  /**
   * Takes the sign-up for one provisioning run until {@code until}, unless another run holds it;
   * true when taken. Commits on its own.
   */
  boolean lease(UUID id, Instant now, Instant until);

  /** Lets go of a run's hold. Commits on its own. */
  void release(UUID id);

  /** Sign-ups still provisioning that no run holds and that have not moved since {@code since}. */
  List<UUID> stalled(Instant since, Instant now);

  /** The newest sign-ups first, optionally of one status, for the operator. */
  List<SignUp> latest(Optional<SignUpStatus> status, int limit);
}
