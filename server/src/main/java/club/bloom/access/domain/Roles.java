package club.bloom.access.domain;

import java.util.Set;

/** Role and scope names, as used in {@code @RolesAllowed} and issued in tokens and keys. */
public final class Roles {
  public static final String MEMBER = "member";
  public static final String CLUB_OWNER = "club-owner";
  public static final String CLUB_ADMIN = "club-admin";
  public static final String CLUB_ANALYST = "club-analyst";
  public static final String PLATFORM_OPERATOR = "platform-operator";
  public static final String PARTNER_OWNER = "partner-owner";
  public static final String PARTNER_ADMIN = "partner-admin";
  public static final String CASHIER = "cashier";
  public static final String PARTNER_ANALYST = "partner-analyst";

  /**
   * Roles of API key callers, one per scope. Scopes are written {@code purchases:write} in the
   * contract and in keys; the container's role names cannot hold a colon (Liberty reads {@code a:b}
   * as an access id), so the role is the scope with {@code -} for {@code :}. See {@link #forScope}.
   */
  public static final String PURCHASES_WRITE = "purchases-write";

  public static final String PURCHASES_READ = "purchases-read";

  /** A partner's terminal looks a member up by passport code at the counter (the cashier). */
  public static final String MEMBERS_LOOKUP = "members-lookup";

  /** A partner's terminal registers a member by phone at the counter (the cashier). */
  public static final String MEMBERS_REGISTER = "members-register";

  /** Roles a club realm may grant. */
  public static final Set<String> CLUB_REALM = Set.of(MEMBER, CLUB_OWNER, CLUB_ADMIN, CLUB_ANALYST);

  /** Roles the platform realm may grant. */
  public static final Set<String> PLATFORM_REALM =
      Set.of(PLATFORM_OPERATOR, PARTNER_OWNER, PARTNER_ADMIN, CASHIER, PARTNER_ANALYST);

  /** Scopes an API key may carry. */
  public static final Set<String> API_KEY_SCOPES =
      Set.of("purchases:write", "purchases:read", "members:lookup", "members:register");

  /** The role that grants a scope. */
  public static String forScope(String scope) {
    return scope.replace(':', '-');
  }

  private Roles() {}
}
