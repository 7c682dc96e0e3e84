package club.bloom.access.domain;

import club.bloom.tenancy.domain.TenantId;
import java.util.List;
import java.util.Optional;

/** The invitations of a tenant's staff. */
public interface StaffInvitations {
  Optional<StaffInvitation> find(TenantId tenant, String userId);

  List<StaffInvitation> ofTenant(TenantId tenant);

  void add(StaffInvitation invitation);

  void remove(TenantId tenant, String userId);

  /** The invitation with this token's SHA-256, locked for the acceptance. */
  Optional<StaffInvitation> lockByTokenHash(byte[] tokenSha256);
}
