package club.bloom.membership.application;

import club.bloom.access.domain.Caller;
import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.MemberMerge;
import club.bloom.membership.domain.MemberMergeRepository;
import club.bloom.membership.domain.MemberRepository;
import club.bloom.membership.domain.MembersMerged;
import club.bloom.membership.domain.TiersOnMerge;
import club.bloom.shared.domain.NotFound;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Merges two members of a club found to be one person, in one transaction: both member rows locked
 * (in id order, the lock purchases and redemptions take), the rules of {@link Member#absorb}, then
 * every context moves the absorbed member's history to the survivor ({@link MembersMerged}:
 * purchases, ledger entries, postings and lots, tier changes, invitations); the survivor's consents
 * include the absorbed member's records; the combined history may lift the survivor's tier; the
 * merge is recorded. Any failure rolls all of it back.
 *
 * <p>Used when a login claims a counter registration while already having a member, and by the
 * club's admin, who also sees the likely duplicates.
 */
@ApplicationScoped
public class MemberMerging {
  static final int DUPLICATES_PAGE = 100;

  @Inject MemberRepository members;
  @Inject MemberMergeRepository merges;
  @Inject Event<MembersMerged> merged;
  @Inject TiersOnMerge tiers;
  @Inject Clock clock;

  /**
   * The club's admin merges {@code absorbedId} into {@code survivorId} (the club already checked
   * against the caller).
   *
   * @throws NotFound {@code unknown-member}: either id is not a member of this club
   * @throws club.bloom.membership.domain.CannotMerge the same member, or one already merged
   */
  @Transactional
  public MemberMerge mergeByAdmin(Tenant club, Caller admin, UUID survivorId, UUID absorbedId) {
    SchemaName schema = club.schema();
    // Both rows locked in id order, as the ledger locks several members: no deadlock with them.
    List<UUID> order =
        survivorId.compareTo(absorbedId) <= 0
            ? List.of(survivorId, absorbedId)
            : List.of(absorbedId, survivorId);
    for (UUID id : order) {
      members.lock(schema, id).orElseThrow(MemberMerging::unknownMember);
    }
    Member survivor = members.find(schema, survivorId).orElseThrow(MemberMerging::unknownMember);
    Member absorbed = members.find(schema, absorbedId).orElseThrow(MemberMerging::unknownMember);
    return merge(club, survivor, absorbed, MemberMerge.Reason.ADMIN, admin.subject());
  }

  /**
   * Merges two members already read in this transaction; locks them first. For use cases that found
   * the two members themselves (a claim).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public MemberMerge merge(
      Tenant club, Member survivor, Member absorbed, MemberMerge.Reason reason, String by) {
    SchemaName schema = club.schema();
    Member first = survivor.id().compareTo(absorbed.id()) <= 0 ? survivor : absorbed;
    Member second = first == survivor ? absorbed : survivor;
    members.lock(schema, first.id());
    members.lock(schema, second.id());
    Instant now = clock.instant();
    Optional<Member.TierMove> adopted = survivor.absorb(absorbed, tiers.order(club), now);
    merges.moveMembership(schema, survivor.id(), absorbed.id());
    MembersMerged event = new MembersMerged(schema, survivor.id(), absorbed.id(), now);
    merged.fire(event);
    // The tier taken over is recorded, and the two histories together may reach a higher tier.
    tiers.settle(club, survivor, adopted, now);
    MemberMerge record = MemberMerge.of(survivor, absorbed, reason, by, event);
    merges.add(schema, record);
    return record;
  }

  /**
   * Pairs of members likely to be one person (the same e-mail at a counter registration, the same
   * phone at an online joining).
   */
  @Transactional
  public List<LikelyDuplicate> likelyDuplicates(Tenant club) {
    SchemaName schema = club.schema();
    return members.likelyDuplicates(schema, DUPLICATES_PAGE).stream()
        .map(
            m ->
                new LikelyDuplicate(
                    m, members.find(schema, m.likelyDuplicateOf().orElseThrow()).orElseThrow()))
        .toList();
  }

  /** The club's merges, newest first. */
  @Transactional
  public List<MemberMerge> recent(Tenant club, int limit) {
    return merges.recent(club.schema(), limit);
  }

  private static NotFound unknownMember() {
    return new NotFound("unknown-member", "Unknown member", "No such member in this club");
  }

  /** A member registered with the e-mail (or phone) of another member. */
  public record LikelyDuplicate(Member member, Member duplicateOf) {
    /** {@code email} or {@code phone}. */
    public String matchedBy() {
      return member.likelyDuplicateBy().orElse("email");
    }
  }
}
