package club.bloom.tenancy.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The identity provider as the tenancy kernel needs it: realms per club, one platform realm with an
 * organization per partner, users with realm roles. Every operation is idempotent ("ensure").
 */
public interface IdentityDirectory {

  /** Ensures the club's realm exists, created from the club realm template; returns its issuer. */
  String ensureClubRealm(String realm, String displayName, String locale);

  /** Ensures the platform realm (operators, partner staff) exists; returns its issuer. */
  String ensurePlatformRealm();

  /** Ensures an organization for a partner exists in the platform realm; returns its id. */
  String ensureOrganization(String alias, String name);

  /**
   * Ensures a user exists in the realm. A user created now gets the given roles and required
   * actions; a user that already existed (found by its username, also when another request created
   * it between a look-up and this call) is returned as it is, with nothing granted: whoever holds
   * that login has not proved control of the address to Bloom, so the caller decides what it may
   * get (ADR 0027).
   */
  EnsuredUser ensureUser(String realm, NewUser user);

  /** Ensures the user is a member of the platform realm's organization (a partner's staff). */
  void ensureOrganizationMember(String organizationId, String userId);

  /**
   * Has the identity provider e-mail the user a link to set a password (and any other pending
   * required action); after it, the link leads to {@code redirectUri}.
   */
  void sendSetPasswordMail(String realm, String userId, String redirectUri);

  /** The platform realm's name (operators and partner staff). */
  String platformRealm();

  /**
   * Sets the text of the realm's "terms and conditions" page (shown at self-registration and by the
   * required action) for these locales, replacing Keycloak's placeholder.
   */
  void setTermsText(String realm, List<String> locales, String text);

  /** The user with this e-mail address (as username or address), if the realm has one. */
  Optional<String> findUserIdByEmail(String realm, String email);

  /** The user, with those of its realm roles that are among {@code rolesOfInterest}. */
  Optional<DirectoryUser> findUser(String realm, String userId, Set<String> rolesOfInterest);

  /** The users holding any of these realm roles, each with those of its roles among them. */
  List<DirectoryUser> usersWithAnyRole(String realm, Set<String> roles);

  /**
   * The members of a platform-realm organization (a partner's staff), each with those of its realm
   * roles among {@code rolesOfInterest}.
   */
  List<DirectoryUser> organizationMembers(String organizationId, Set<String> rolesOfInterest);

  /** Grants realm roles to an existing user (idempotent). */
  void grantRealmRoles(String realm, String userId, Set<String> roles);

  /** Takes realm roles from a user; roles it does not hold are ignored (idempotent). */
  void revokeRealmRoles(String realm, String userId, Set<String> roles);

  /** The ids of the platform realm's organizations the user is a member of. */
  List<String> organizationsOf(String userId);

  /** Removes the user from the organization; not a member: nothing happens (idempotent). */
  void removeOrganizationMember(String organizationId, String userId);

  /** Ends the user's sessions: no refresh token of them works any more. */
  void endSessions(String realm, String userId);

  /**
   * A user as staff management sees it: its address, the roles asked about, whether it still has to
   * set its password (invited, not yet active), and whether its address is verified.
   */
  record DirectoryUser(
      String id,
      String email,
      Set<String> roles,
      boolean passwordPending,
      long createdAtMillis,
      boolean emailVerified) {}

  /**
   * The user {@link #ensureUser} found or made: {@code created} is true only when this call created
   * it (and granted its roles).
   */
  record EnsuredUser(String id, boolean created) {}

  /** A user to create. An absent password leaves the user to set one at first login. */
  record NewUser(
      String username,
      String email,
      String firstName,
      String lastName,
      Optional<String> password,
      Set<String> realmRoles,
      List<String> requiredActions) {}
}
