package club.bloom.onboarding.domain;

import club.bloom.tenancy.domain.TenantKind;
import java.util.List;

/**
 * The provisioning steps of a sign-up, in order. Each is idempotent; the sign-up records the last
 * one completed, so a run that stopped midway — a crash, a Keycloak outage — resumes after it.
 */
public enum SignUpStep {
  /** The tenant's record in the platform registry. */
  REGISTERED,
  /** Its schema, migrated to the latest version. */
  SCHEMA_MIGRATED,
  /** The club's realm or the partner's organization in Keycloak. */
  IDENTITY_CREATED,
  /** The first administrator, e-mailed a link to set a password. */
  ADMIN_INVITED,
  /** The plan chosen at sign-up, in force. */
  PLAN_ASSIGNED,
  /** The tenant is active. */
  ACTIVATED;

  /** The steps a tenant of this kind goes through (the same for clubs and partners today). */
  public static List<SignUpStep> of(TenantKind kind) {
    return List.of(values());
  }

  /** The step after this one, or null after the last. */
  public SignUpStep next() {
    return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
  }
}
