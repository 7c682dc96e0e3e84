package club.bloom.membership.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.util.Optional;

/** Counter registrations of one club schema. */
public interface CounterRegistrationRepository {
  void add(SchemaName club, CounterRegistration registration);

  /** By the SHA-256 of the link's token, locked for the claim. */
  Optional<CounterRegistration> lockByTokenHash(SchemaName club, byte[] tokenSha256);
}
