package club.bloom.access.application;

import club.bloom.access.domain.Caller;
import club.bloom.access.domain.Roles;
import club.bloom.access.domain.StaffInvitation;
import club.bloom.access.domain.StaffInvitationRefused;
import club.bloom.access.domain.StaffInvitationSecrets;
import club.bloom.access.domain.StaffInvitations;
import club.bloom.access.domain.StaffSeatQuota;
import club.bloom.access.domain.VerifiedPerson;
import club.bloom.shared.domain.AccessDenied;
import club.bloom.shared.domain.Conflict;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.NotFound;
import club.bloom.shared.domain.OutgoingMail;
import club.bloom.shared.domain.Texts;
import club.bloom.tenancy.domain.IdentityDirectory;
import club.bloom.tenancy.domain.IdentityDirectory.DirectoryUser;
import club.bloom.tenancy.domain.IdentityDirectory.EnsuredUser;
import club.bloom.tenancy.domain.IdentityDirectory.NewUser;
import club.bloom.tenancy.domain.Tenant;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
 * the owner role; the last owner cannot be demoted or removed (409); a login Bloom did not create
 * gets a role only once it accepts an invitation mailed to its address (ADR 0027). Every Keycloak
 * call is idempotent, so a request that failed half-way can be repeated.
 */
@ApplicationScoped
public class StaffManagement {
  /** Who invited: the subject of an operator's token is not a staff user of the tenant. */
  static final String OPERATOR = "platform-operator";

  @Inject IdentityDirectory directory;
  @Inject StaffInvitations invitations;
  @Inject StaffSeatQuota seats;
  @Inject StaffInvitationSecrets secrets;
  @Inject TenantRegistry tenants;
  @Inject Event<OutgoingMail> mail;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "bloom.portal.url", defaultValue = "http://localhost:9080")
  String portalUrl;

  @Inject
  @ConfigProperty(name = "bloom.staff.invitation-validity-days", defaultValue = "7")
  int invitationValidityDays;

  /**
   * The tenant's staff, owners first, then by address: the logins holding a staff role, and those
   * invited while they already had a login, until they accept (status {@code pending}).
   */
  @Transactional
  public List<StaffMember> list(Tenant tenant) {
    List<DirectoryUser> users = staffOf(tenant);
    Map<String, StaffInvitation> invited =
        invitations.ofTenant(tenant.id()).stream()
            .collect(Collectors.toMap(StaffInvitation::userId, Function.identity()));
    Map<String, String> emails =
        users.stream().collect(Collectors.toMap(DirectoryUser::id, DirectoryUser::email));
    List<String> order = Roles.staffRolesOf(tenant.kind());
    Set<String> staffIds = users.stream().map(DirectoryUser::id).collect(Collectors.toSet());
    List<StaffMember> out = new ArrayList<>();
    users.forEach(u -> out.add(member(u, Optional.ofNullable(invited.get(u.id())), emails, order)));
    for (StaffInvitation pending : pendingOf(tenant, staffIds)) {
      directory
          .findUser(realmOf(tenant), pending.userId(), Set.of())
          .ifPresent(u -> out.add(pendingMember(u, pending, emails)));
    }
    return out.stream()
        .sorted(
            Comparator.comparingInt((StaffMember m) -> order.indexOf(m.roles().get(0)))
                .thenComparing(StaffMember::email))
        .toList();
  }

  /**
   * Invites a person by address with a role, taking a staff seat of the plan (402 beyond it).
   *
   * <ul>
   *   <li>No login has the address: one is created with the role and no password, and Keycloak
   *       mails the address a link to set one (the console follows).
   *   <li>A login has it already (someone registered it, perhaps not the address's holder): nothing
   *       is granted now. A pending invitation is mailed to the address; the role is granted when
   *       that login, signed in with the address verified, accepts it ({@link #accept}). The seat
   *       is held from the invitation on.
   * </ul>
   */
  @Transactional
  public StaffMember invite(Tenant tenant, Caller caller, String email, String role) {
    String address = email.toLowerCase(Locale.ROOT);
    checkRole(tenant, "role", role);
    mayHandleOwners(tenant, caller, Set.of(role), Set.of());
    String realm = realmOf(tenant);
    Optional<String> existing = directory.findUserIdByEmail(realm, address);
    if (existing.isPresent()) {
      refuseStaffOrOtherPartners(tenant, existing.get());
    }
    // The seat is taken under the subscription's lock, before anything is granted or mailed. A
    // renewed pending invitation holds its seat already.
    boolean holdsSeat =
        existing.isPresent()
            && invitations
                .find(tenant.id(), existing.get())
                .filter(i -> i.pendingAt(clock.instant()))
                .isPresent();
    if (!holdsSeat) {
      seats.admitOne(tenant);
    }
    if (existing.isPresent()) {
      return invitePending(tenant, caller, existing.get(), address, role);
    }
    EnsuredUser created =
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
    if (!created.created()) {
      // Another request made a login of this address between the look-up and now: not ours.
      refuseStaffOrOtherPartners(tenant, created.id());
      return invitePending(tenant, caller, created.id(), address, role);
    }
    String userId = created.id();
    tenant.organizationId().ifPresent(org -> directory.ensureOrganizationMember(org, userId));
    directory.sendSetPasswordMail(realm, userId, consoleUrl(tenant, role));
    Instant now = clock.instant();
    String by = inviter(caller);
    invitations
        .find(tenant.id(), userId)
        .ifPresentOrElse(
            i -> i.renew(now, by),
            () -> invitations.add(StaffInvitation.of(tenant.id(), userId, now, by)));
    return listed(tenant, userId);
  }

  /**
   * The signed-in login accepts a pending invitation with the mailed token: it must be the invited
   * login, signed in to the tenant's realm with its address verified and equal to the invited one.
   * The role is granted (and, for a partner, the organization's membership); accepting again
   * changes nothing.
   *
   * @throws NotFound {@code unknown-staff-invitation}: no invitation of the login's realm has this
   *     token, or its tenant is not active
   * @throws club.bloom.shared.domain.BloomException {@code staff-invitation-other-login} (403),
   *     {@code staff-invitation-expired} or {@code staff-invitation-used} (410)
   */
  @Transactional
  public AcceptedInvitation accept(Caller login, String token) {
    VerifiedPerson person = login.verifiedPerson();
    StaffInvitation invitation =
        invitations
            .lockByTokenHash(secrets.tokenHash(token))
            .orElseThrow(StaffInvitationRefused::unknown);
    Tenant tenant =
        tenants
            .find(invitation.tenant())
            .filter(Tenant::isActive)
            .orElseThrow(StaffInvitationRefused::unknown);
    // A club's invitation is accepted with a login of its realm; a partner's, with a login of the
    // platform realm (of no partner yet, or of that partner).
    boolean sameRealm =
        tenant.kind() == TenantKind.CLUB
            ? login.belongsTo(tenant.id())
            : login.tenant().isEmpty() || login.belongsTo(tenant.id());
    if (!sameRealm) {
      throw StaffInvitationRefused.unknown();
    }
    String role = invitation.role().orElseThrow(StaffInvitationRefused::used);
    boolean first =
        invitation.accept(login.subject(), secrets.emailHash(person.email()), clock.instant());
    if (first) {
      if (tenant.kind() == TenantKind.PARTNER) {
        refuseStaffOfOtherPartners(tenant, login.subject());
      }
      directory.grantRealmRoles(realmOf(tenant), login.subject(), Set.of(role));
      tenant
          .organizationId()
          .ifPresent(org -> directory.ensureOrganizationMember(org, login.subject()));
    }
    return new AcceptedInvitation(tenant, role, consoleUrl(tenant, role));
  }

  /** 409 when the login is the tenant's staff already, or (a partner's) another partner's. */
  private void refuseStaffOrOtherPartners(Tenant tenant, String userId) {
    Optional<DirectoryUser> staff = staffMember(tenant, userId);
    if (staff.isPresent()) {
      // Not the address: the caller knows it, and the message may be logged (issue 9, item 13).
      throw new Conflict(
          "already-staff",
          "Already staff",
          "This address is already staff ("
              + String.join(", ", staff.get().roles())
              + "); change the role with PUT");
    }
    refuseStaffOfOtherPartners(tenant, userId);
  }

  private void refuseStaffOfOtherPartners(Tenant tenant, String userId) {
    if (tenant.kind() != TenantKind.PARTNER) {
      return;
    }
    String own = tenant.organizationId().orElse("");
    if (directory.organizationsOf(userId).stream().anyMatch(o -> !o.equals(own))) {
      throw new Conflict(
          "staff-of-another-partner",
          "Staff of another partner",
          "This address is staff of another partner; a login belongs to one partner");
    }
  }

  private StaffMember invitePending(
      Tenant tenant, Caller caller, String userId, String address, String role) {
    Instant now = clock.instant();
    String by = inviter(caller);
    String token = secrets.newToken();
    byte[] tokenHash = secrets.tokenHash(token);
    byte[] emailHash = secrets.emailHash(address);
    Duration validity = Duration.ofDays(invitationValidityDays);
    Optional<StaffInvitation> earlier = invitations.find(tenant.id(), userId);
    StaffInvitation invitation;
    if (earlier.isPresent()) {
      invitation = earlier.get();
      invitation.renewPending(role, tokenHash, emailHash, now, validity, by);
    } else {
      invitation =
          StaffInvitation.pending(
              tenant.id(), userId, role, tokenHash, emailHash, now, validity, by);
      invitations.add(invitation);
    }
    mail.fire(invitationMail(tenant, address, role, token, invitation));
    return listed(tenant, userId);
  }

  /** Gives a staff member exactly this role (of the tenant's staff roles). */
  @Transactional
  public StaffMember changeRole(Tenant tenant, Caller caller, String userId, String role) {
    checkRole(tenant, "role", role);
    Optional<DirectoryUser> staff = staffMember(tenant, userId);
    if (staff.isEmpty() && pendingInvitation(tenant, userId).isPresent()) {
      throw new Conflict(
          "invitation-pending",
          "Invitation pending",
          "The invitation is not accepted yet: remove it (DELETE) and invite again with the role");
    }
    DirectoryUser user = staff.orElseThrow(() -> unknownStaff(userId));
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
   * sessions; access tokens it already holds keep their roles until they expire (5 minutes). A
   * pending invitation is withdrawn: its link stops working and the seat is free.
   */
  @Transactional
  public void remove(Tenant tenant, Caller caller, String userId) {
    Optional<DirectoryUser> staff = staffMember(tenant, userId);
    if (staff.isEmpty()) {
      StaffInvitation pending =
          pendingInvitation(tenant, userId).orElseThrow(() -> unknownStaff(userId));
      mayHandleOwners(tenant, caller, pending.role().map(Set::of).orElse(Set.of()), Set.of());
      invitations.remove(tenant.id(), userId);
      return;
    }
    DirectoryUser user = staff.get();
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
        .orElseThrow(() -> new IllegalStateException("the staff member is not listed"));
  }

  /**
   * How many staff seats the tenant holds now: its staff, and the pending invitations (not expired)
   * of logins that are not its staff yet.
   */
  public long seatsHeld(Tenant tenant) {
    List<DirectoryUser> staff = staffOf(tenant);
    Set<String> ids = staff.stream().map(DirectoryUser::id).collect(Collectors.toSet());
    return staff.size() + pendingOf(tenant, ids).size();
  }

  private List<StaffInvitation> pendingOf(Tenant tenant, Set<String> staffIds) {
    Instant now = clock.instant();
    return invitations.ofTenant(tenant.id()).stream()
        .filter(i -> i.pendingAt(now))
        .filter(i -> !staffIds.contains(i.userId()))
        .toList();
  }

  private Optional<StaffInvitation> pendingInvitation(Tenant tenant, String userId) {
    if (userId == null || !userId.matches("^[0-9a-fA-F-]{36}$")) {
      return Optional.empty();
    }
    return invitations.find(tenant.id(), userId).filter(i -> i.pendingAt(clock.instant()));
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
   * console for its owners and admins, the partner's web terminal for a cashier (ADR 0043); an
   * analyst of a partner (who cannot manage the partner there) lands on the portal's root.
   */
  private String consoleUrl(Tenant tenant, String role) {
    if (tenant.kind() == TenantKind.CLUB) {
      return portalUrl + "/#/c/" + tenant.slug().value() + "/console";
    }
    if (Roles.CASHIER.equals(role)) {
      return portalUrl + "/#/t/" + tenant.slug().value();
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

  private static StaffMember pendingMember(
      DirectoryUser u, StaffInvitation invitation, Map<String, String> emails) {
    return new StaffMember(
        u.id(),
        u.email(),
        List.of(invitation.role().orElseThrow()),
        "pending",
        invitation.invitedAt(),
        Optional.of(emails.getOrDefault(invitation.invitedBy(), invitation.invitedBy())));
  }

  private OutgoingMail invitationMail(
      Tenant tenant, String address, String role, String token, StaffInvitation invitation) {
    // Partners have no language or time zone of their own yet: the platform's (Russian, Moscow).
    Texts texts = Texts.of(tenant.locale() == null ? "ru" : tenant.locale());
    String zone = tenant.timeZone() == null ? "Europe/Moscow" : tenant.timeZone();
    String until =
        DateTimeFormatter.ofPattern("dd.MM.yyyy")
            .withZone(ZoneId.of(zone))
            .format(invitation.expiresAt().orElseThrow());
    return new OutgoingMail(
        "staff-invitation",
        address,
        texts.text("access.staff-invitation.subject", tenant.name()),
        texts.text(
            "access.staff-invitation.body",
            texts.text("mail.greeting"),
            tenant.name(),
            texts.text("access.role." + role),
            acceptUrl(tenant, token),
            until));
  }

  /** The portal's page that accepts an invitation: with the club's sign-in, or the partners'. */
  private String acceptUrl(Tenant tenant, String token) {
    String kind = tenant.kind() == TenantKind.CLUB ? "c" : "p";
    return portalUrl + "/#/" + kind + "/" + tenant.slug().value() + "/staff-invitation/" + token;
  }

  private static NotFound unknownStaff(String id) {
    return new NotFound("unknown-staff", "Unknown staff member", "No such staff member here");
  }

  /** An accepted invitation: the tenant, the role now held, and where its console is. */
  public record AcceptedInvitation(Tenant tenant, String role, String consoleUrl) {}

  /** A staff member as the tenant's admins see it. */
  public record StaffMember(
      String id,
      String email,
      List<String> roles,
      String status,
      Instant invitedAt,
      Optional<String> invitedBy) {}
}
