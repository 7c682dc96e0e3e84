package club.bloom.access.application;

import club.bloom.access.domain.Caller;
import club.bloom.access.domain.Roles;
import club.bloom.access.domain.StaffInvitation;
import club.bloom.access.domain.StaffInvitations;
import club.bloom.billing.application.Quotas;
import club.bloom.billing.domain.Limit;
import club.bloom.shared.domain.AccessDenied;
import club.bloom.shared.domain.Conflict;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.NotFound;
import club.bloom.tenancy.domain.IdentityDirectory;
import club.bloom.tenancy.domain.IdentityDirectory.DirectoryUser;
import club.bloom.tenancy.domain.IdentityDirectory.NewUser;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A tenant's staff: club staff are users of the club's realm with a club role; partner staff are
 * users of the platform realm, members of the partner's organization, with a partner role. Who
 * holds which role is Keycloak's (the login carries it); Bloom records when and by whom each was
 * invited. Staff members are counted against the plan's {@code staffSeats}.
 *
 * <p>Rules: a staff member holds one staff role; only an owner (or the operator) grants or takes
 * the owner role; the last owner cannot be demoted or removed (409). Every Keycloak call is
 * idempotent, so a request that failed half-way can be repeated.
 */
@ApplicationScoped
public class StaffManagement {
  /** Who invited: the subject of an operator's token is not a staff user of the tenant. */
  static final String OPERATOR = "platform-operator";

  @Inject IdentityDirectory directory;
  @Inject StaffInvitations invitations;
  @Inject Quotas quotas;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "bloom.portal.url", defaultValue = "http://localhost:9080")
  String portalUrl;

  /** The tenant's staff, owners first, then by address. */
  @Transactional
  public List<StaffMember> list(Tenant tenant) {
    List<DirectoryUser> users = staffOf(tenant);
    Map<String, StaffInvitation> invited =
        invitations.ofTenant(tenant.id()).stream()
            .collect(Collectors.toMap(StaffInvitation::userId, Function.identity()));
    Map<String, String> emails =
        users.stream().collect(Collectors.toMap(DirectoryUser::id, DirectoryUser::email));
    List<String> order = Roles.staffRolesOf(tenant.kind());
    return users.stream()
        .map(u -> member(u, Optional.ofNullable(invited.get(u.id())), emails, order))
        .sorted(
            Comparator.comparingInt((StaffMember m) -> order.indexOf(m.roles().get(0)))
                .thenComparing(StaffMember::email))
        .toList();
  }

  /**
   * Invites a person by address with a role: creates (or finds) the user, grants the role, mails a
   * set-password link to a new user, and takes a staff seat of the plan (402 beyond it).
   */
  @Transactional
  public StaffMember invite(Tenant tenant, Caller caller, String email, String role) {
    String address = email.toLowerCase(Locale.ROOT);
    checkRole(tenant, "role", role);
    mayHandleOwners(tenant, caller, Set.of(role), Set.of());
    String realm = realmOf(tenant);
    Optional<String> existing = directory.findUserIdByEmail(realm, address);
    if (existing.isPresent()) {
      Optional<DirectoryUser> staff = staffMember(tenant, existing.get());
      if (staff.isPresent()) {
        throw new Conflict(
            "already-staff",
            "Already staff",
            address
                + " is already staff ("
                + String.join(", ", staff.get().roles())
                + "); change the role with PUT");
      }
    }
    if (existing.isPresent() && tenant.kind() == TenantKind.PARTNER) {
      String own = tenant.organizationId().orElse("");
      if (directory.organizationsOf(existing.get()).stream().anyMatch(o -> !o.equals(own))) {
        throw new Conflict(
            "staff-of-another-partner",
            "Staff of another partner",
            address + " is staff of another partner; a login belongs to one partner");
      }
    }
    // The seat is taken under the subscription's lock, before anything is granted.
    quotas.admit(tenant, Limit.STAFF_SEATS);
    String userId;
    if (existing.isPresent()) {
      userId = existing.get();
      directory.grantRealmRoles(realm, userId, Set.of(role));
    } else {
      userId =
          directory.ensureUser(
              realm,
              new NewUser(
                  address,
                  address,
                  tenant.kind() == TenantKind.CLUB ? "Club" : "Partner",
                  "Staff",
                  Optional.empty(),
                  Set.of(role),
                  List.of("UPDATE_PASSWORD")));
    }
    tenant.organizationId().ifPresent(org -> directory.ensureOrganizationMember(org, userId));
    if (existing.isEmpty()) {
      directory.sendSetPasswordMail(realm, userId, consoleUrl(tenant, role));
    }
    Instant now = clock.instant();
    String by = inviter(caller);
    invitations
        .find(tenant.id(), userId)
        .ifPresentOrElse(
            i -> i.renew(now, by),
            () -> invitations.add(StaffInvitation.of(tenant.id(), userId, now, by)));
    return listed(tenant, userId);
  }

  /** Gives a staff member exactly this role (of the tenant's staff roles). */
  @Transactional
  public StaffMember changeRole(Tenant tenant, Caller caller, String userId, String role) {
    checkRole(tenant, "role", role);
    DirectoryUser user = staffMember(tenant, userId).orElseThrow(() -> unknownStaff(userId));
    Set<String> taken = new HashSet<>(user.roles());
    taken.remove(role);
    mayHandleOwners(tenant, caller, user.roles().contains(role) ? Set.of() : Set.of(role), taken);
    String owner = Roles.ownerRoleOf(tenant.kind());
    if (taken.contains(owner)) {
      keepAnOwner(tenant, userId);
    }
    String realm = realmOf(tenant);
    directory.grantRealmRoles(realm, userId, Set.of(role));
    directory.revokeRealmRoles(realm, userId, taken);
    return listed(tenant, userId);
  }

  /**
   * Takes every staff role from the member (and a partner's organization membership) and ends its
   * sessions; access tokens it already holds keep their roles until they expire (5 minutes).
   */
  @Transactional
  public void remove(Tenant tenant, Caller caller, String userId) {
    DirectoryUser user = staffMember(tenant, userId).orElseThrow(() -> unknownStaff(userId));
    mayHandleOwners(tenant, caller, Set.of(), user.roles());
    if (user.roles().contains(Roles.ownerRoleOf(tenant.kind()))) {
      keepAnOwner(tenant, userId);
    }
    String realm = realmOf(tenant);
    directory.revokeRealmRoles(realm, userId, Set.copyOf(Roles.staffRolesOf(tenant.kind())));
    tenant.organizationId().ifPresent(org -> directory.removeOrganizationMember(org, userId));
    directory.endSessions(realm, userId);
    invitations.remove(tenant.id(), userId);
  }

  private StaffMember listed(Tenant tenant, String userId) {
    return list(tenant).stream()
        .filter(m -> m.id().equals(userId))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("staff member " + userId + " not listed"));
  }

  /** How many staff seats the tenant holds now. */
  public long seatsHeld(Tenant tenant) {
    return staffOf(tenant).size();
  }

  private List<DirectoryUser> staffOf(Tenant tenant) {
    Set<String> roles = Set.copyOf(Roles.staffRolesOf(tenant.kind()));
    List<DirectoryUser> users;
    if (tenant.kind() == TenantKind.CLUB) {
      if (tenant.realm().isEmpty()) {
        return List.of();
      }
      users = directory.usersWithAnyRole(tenant.realm().get(), roles);
    } else {
      if (tenant.organizationId().isEmpty()) {
        return List.of();
      }
      users = directory.organizationMembers(tenant.organizationId().get(), roles);
    }
    return users.stream().filter(u -> !u.roles().isEmpty()).toList();
  }

  /** The user as staff of this tenant: in its realm (and organization), with a staff role. */
  private Optional<DirectoryUser> staffMember(Tenant tenant, String userId) {
    if (userId == null || !userId.matches("^[0-9a-fA-F-]{36}$")) {
      return Optional.empty();
    }
    Set<String> roles = Set.copyOf(Roles.staffRolesOf(tenant.kind()));
    if (tenant.kind() == TenantKind.PARTNER) {
      return staffOf(tenant).stream().filter(u -> u.id().equals(userId)).findFirst();
    }
    return directory.findUser(realmOf(tenant), userId, roles).filter(u -> !u.roles().isEmpty());
  }

  private void keepAnOwner(Tenant tenant, String leaving) {
    String owner = Roles.ownerRoleOf(tenant.kind());
    boolean another =
        staffOf(tenant).stream()
            .anyMatch(u -> !u.id().equals(leaving) && u.roles().contains(owner));
    if (!another) {
      throw new Conflict(
          "last-owner",
          "Last owner",
          "This is the last " + owner + " of " + tenant.slug() + "; make someone else owner first");
    }
  }

  private static void mayHandleOwners(
      Tenant tenant, Caller caller, Set<String> granted, Set<String> taken) {
    String owner = Roles.ownerRoleOf(tenant.kind());
    if ((granted.contains(owner) || taken.contains(owner))
        && !(caller.isOperator() || caller.has(owner))) {
      throw new AccessDenied("Only an owner grants or takes the role " + owner);
    }
  }

  private static void checkRole(Tenant tenant, String field, String role) {
    List<String> roles = Roles.staffRolesOf(tenant.kind());
    if (role == null || !roles.contains(role)) {
      throw InvalidInput.of(field, "must be one of " + String.join(", ", roles));
    }
  }

  private String realmOf(Tenant tenant) {
    return tenant.kind() == TenantKind.CLUB
        ? tenant.realm().orElseThrow(() -> new IllegalStateException("the club has no realm"))
        : directory.platformRealm();
  }

  /**
   * Where the invited person lands after setting a password: the club's console, or the partner's
   * console for its owners and admins; a cashier or an analyst of a partner (who cannot manage the
   * partner there) lands on the portal's root.
   */
  private String consoleUrl(Tenant tenant, String role) {
    if (tenant.kind() == TenantKind.CLUB) {
      return portalUrl + "/#/c/" + tenant.slug().value() + "/console";
    }
    return Roles.PARTNER_OWNER.equals(role) || Roles.PARTNER_ADMIN.equals(role)
        ? portalUrl + "/#/p/" + tenant.slug().value() + "/console"
        : portalUrl + "/";
  }

  private static String inviter(Caller caller) {
    return caller.isOperator() ? OPERATOR : caller.subject();
  }

  private static StaffMember member(
      DirectoryUser u,
      Optional<StaffInvitation> invitation,
      Map<String, String> emails,
      List<String> order) {
    List<String> roles =
        u.roles().stream().sorted(Comparator.comparingInt(order::indexOf)).toList();
    Instant invitedAt =
        invitation
            .map(StaffInvitation::invitedAt)
            .orElse(Instant.ofEpochMilli(u.createdAtMillis()));
    Optional<String> by =
        invitation.map(StaffInvitation::invitedBy).map(b -> emails.getOrDefault(b, b));
    return new StaffMember(
        u.id(), u.email(), roles, u.passwordPending() ? "invited" : "active", invitedAt, by);
  }

  private static NotFound unknownStaff(String id) {
    return new NotFound("unknown-staff", "Unknown staff member", "No staff member " + id + " here");
  }

  /** A staff member as the tenant's admins see it. */
  public record StaffMember(
      String id,
      String email,
      List<String> roles,
      String status,
      Instant invitedAt,
      Optional<String> invitedBy) {}
}
