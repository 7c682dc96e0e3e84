package club.bloom.membership.domain;

import club.bloom.tenancy.domain.TenantId;
import java.util.Optional;
import java.util.UUID;

/** Which club a passport belongs to (platform schema): the passport code decides the club. */
public interface PassportDirectory {
  Optional<TenantId> clubOf(PassportCode code);

  void register(PassportCode code, TenantId club, UUID memberId);
}
