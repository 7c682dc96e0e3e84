package club.bloom.membership.domain;

import java.util.Locale;

/**
 * Where a member stands: confirmed ({@code ACTIVE}); registered at a partner's counter and not yet
 * claimed by a login ({@code AWAITING_CONFIRMATION}: purchases are credited, nothing can be seen or
 * spent); or absorbed by another member in a merge ({@code MERGED}: its passport resolves to the
 * survivor).
 */
public enum MemberStatus {
  ACTIVE,
  AWAITING_CONFIRMATION,
  MERGED;

  /** As the contract writes it: {@code active}, {@code awaiting-confirmation}, {@code merged}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
