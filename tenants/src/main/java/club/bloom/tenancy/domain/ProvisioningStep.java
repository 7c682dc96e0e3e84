package club.bloom.tenancy.domain;

/**
 * The steps of provisioning, in order. Each step is idempotent; the tenant records the last
 * completed one, so a run that crashed midway resumes from there and ends in the same state.
 */
public enum ProvisioningStep {
  REGISTERED,
  SCHEMA_MIGRATED,
  IDENTITY_CREATED,
  ADMIN_CREATED,
  DONE;

  public boolean isAfter(ProvisioningStep other) {
    return ordinal() > other.ordinal();
  }
}
