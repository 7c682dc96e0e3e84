package club.bloom.community.domain;

import java.util.Locale;

/** How the owner named the member: by member id, e-mail or phone (the address is not kept). */
public enum InvitedVia {
  MEMBER,
  EMAIL,
  PHONE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
