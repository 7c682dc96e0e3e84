package club.bloom.access.domain;

import club.bloom.tenancy.domain.TenantKind;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
   * Any person signed in to one of Bloom's realms whose e-mail address is verified, whatever else
   * the login holds: e.g. to accept a staff invitation (ADR 0027). Never issued by a realm; Bloom
   * adds it to a verified login's roles.
   */
  public static final String PERSON = "person";

  /**
   * Roles of API key callers, one per scope. Scopes are written {@code purchases:write} in the
   * contract and in keys; the container's role names cannot hold a colon (Liberty reads {@code a:b}
   * as an access id), so the role is the scope with {@code -} for {@code :}. See {@link #forScope}.
   */
  public static final String PURCHASES_WRITE = "purchases-write";

  public static final String PURCHASES_READ = "purchases-read";

  /** A partner's terminal looks a member up by passport code at the counter (the cashier). */
  public static final String MEMBERS_LOOKUP = "members-lookup";

  /** Uploads of files to import (a partner's daily purchases CSV, a club's members). */
  public static final String IMPORTS_WRITE = "imports-write";

  /** Reads of the tenant's reports and statements (usage statements, sales, settlement). */
  public static final String REPORTS_READ = "reports-read";

  /** A partner's terminal registers a member by phone at the counter (the cashier). */
  public static final String MEMBERS_REGISTER = "members-register";

  /** Roles a club realm may grant. */
  public static final Set<String> CLUB_REALM = Set.of(MEMBER, CLUB_OWNER, CLUB_ADMIN, CLUB_ANALYST);

  /** Roles the platform realm may grant. */
  public static final Set<String> PLATFORM_REALM =
      Set.of(PLATFORM_OPERATOR, PARTNER_OWNER, PARTNER_ADMIN, CASHIER, PARTNER_ANALYST);

  /** Roles of a partner's staff: they hold for the partner of the login's organization only. */
  public static final Set<String> PARTNER_STAFF =
      Set.of(PARTNER_OWNER, PARTNER_ADMIN, CASHIER, PARTNER_ANALYST);

  /** Scopes an API key may carry (of a partner or a club; see {@link #apiKeyScopesOf}). */
  public static final Set<String> API_KEY_SCOPES =
      Set.of(
          "purchases:write",
          "purchases:read",
          "members:lookup",
          "members:register",
          "imports:write",
          "reports:read");

  /** Scopes a partner's key may carry: its POS, its terminal, its CSV uploads, its reports. */
  public static final Set<String> PARTNER_KEY_SCOPES = API_KEY_SCOPES;

  /**
   * Scopes a club's key may carry: a club reports no purchases and has no counter, so only imports
   * (its members) and reports (ADR 0020).
   */
  public static final Set<String> CLUB_KEY_SCOPES = Set.of("imports:write", "reports:read");

  /** The scopes a key of a tenant of this kind may carry. */
  public static Set<String> apiKeyScopesOf(TenantKind kind) {
    return kind == TenantKind.CLUB ? CLUB_KEY_SCOPES : PARTNER_KEY_SCOPES;
  }

  /** The staff roles of a club, strongest first. */
  public static final List<String> CLUB_STAFF_ROLES = List.of(CLUB_OWNER, CLUB_ADMIN, CLUB_ANALYST);

  /** The staff roles of a partner business, strongest first. */
  public static final List<String> PARTNER_STAFF_ROLES =
      List.of(PARTNER_OWNER, PARTNER_ADMIN, CASHIER, PARTNER_ANALYST);

  /** The staff roles of a tenant of this kind, strongest first. */
  public static List<String> staffRolesOf(TenantKind kind) {
    return kind == TenantKind.CLUB ? CLUB_STAFF_ROLES : PARTNER_STAFF_ROLES;
  }

  /** The owner role of a tenant of this kind: only owners grant or take it. */
  public static String ownerRoleOf(TenantKind kind) {
    return kind == TenantKind.CLUB ? CLUB_OWNER : PARTNER_OWNER;
  }

  /**
   * What a partner staff role may do, in the scopes' roles: a login and a key resolve to the same
   * principal model, so the endpoints name only the capability ({@code purchases-write}…). The
   * cashier's web terminal records purchases and looks members up; an analyst reads.
   */
  private static final Map<String, Set<String>> PARTNER_STAFF_CAPABILITIES =
      Map.of(
          PARTNER_OWNER,
          Set.of(PURCHASES_WRITE, PURCHASES_READ, MEMBERS_LOOKUP, MEMBERS_REGISTER),
          PARTNER_ADMIN,
          Set.of(PURCHASES_WRITE, PURCHASES_READ, MEMBERS_LOOKUP, MEMBERS_REGISTER),
          CASHIER,
          Set.of(PURCHASES_WRITE, MEMBERS_LOOKUP, MEMBERS_REGISTER),
          PARTNER_ANALYST,
          Set.of(PURCHASES_READ));

  /** The partner staff roles of a login plus the capabilities they imply. */
  public static Set<String> partnerStaff(Set<String> granted) {
    Set<String> out = new HashSet<>();
    for (String role : granted) {
      Set<String> capabilities = PARTNER_STAFF_CAPABILITIES.get(role);
      if (capabilities != null) {
        out.add(role);
        out.addAll(capabilities);
      }
    }
    return Set.copyOf(out);
  }

  /** The role that grants a scope. */
  public static String forScope(String scope) {
    return scope.replace(':', '-');
  }

  private Roles() {}
}
