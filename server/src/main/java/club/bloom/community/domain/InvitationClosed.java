package club.bloom.community.domain;

import club.bloom.shared.domain.Conflict;

/** The invitation can no longer be answered or revoked that way. */
public class InvitationClosed extends Conflict {
  private static final long serialVersionUID = 1L;

  public InvitationClosed(InvitationStatus status, String what) {
    super(
        status == InvitationStatus.EXPIRED ? "invitation-expired" : "invitation-closed",
        status == InvitationStatus.EXPIRED ? "Invitation expired" : "Invitation closed",
        "The invitation is " + status.code() + ": it cannot be " + what);
  }
}
