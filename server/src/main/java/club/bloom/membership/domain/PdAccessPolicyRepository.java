package club.bloom.membership.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.time.Instant;
import java.util.Map;

/** The club's PD-access policy (club schema); roles without a stored row follow the defaults. */
public interface PdAccessPolicyRepository {
  PdAccessPolicy policy(SchemaName club);

  /** Replaces the stored rows with these (roles not given go back to the defaults). */
  void replace(SchemaName club, Map<PdAudience, Map<PdField, Visibility>> rows, Instant now);
}
