package club.bloom.onboarding.domain;

/** Where a sign-up stands. */
public enum SignUpStatus {
  /** Applied; the admin's e-mail link has not been followed yet (it expires after a day). */
  AWAITING_VERIFICATION,
  /** Verified; provisioning runs (or waits to resume after a failure). */
  PROVISIONING,
  /** The tenant exists and is active; the admin has a login. */
  READY,
  /** The link was not followed in time; the slug is free again. */
  EXPIRED
}
