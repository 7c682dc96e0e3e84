package club.bloom.ingestion.domain;

import club.bloom.shared.domain.PageCursor;
import club.bloom.tenancy.domain.SchemaName;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Purchase facts of one club schema. */
public interface PurchaseRepository {
  void add(SchemaName club, Purchase purchase);

  java.util.Optional<Purchase> find(SchemaName club, UUID id);

  void addRefund(SchemaName club, PurchaseRefund refund);

  /** The member the purchase belongs to now, read from the database (a merge may move it). */
  java.util.Optional<UUID> memberOf(SchemaName club, UUID purchaseId);

  /** How many purchases the member has made in the club. */
  long countOfMember(SchemaName club, UUID memberId);

  /** Distinct categories of the member's purchases in {@code [from, to)}. */
  List<String> categoriesBetween(SchemaName club, UUID memberId, Instant from, Instant to);

  /** Redeemed points already given back by refunds of the purchase. */
  long pointsReturned(SchemaName club, UUID purchaseId);

  /** Points already taken back by refunds of the purchase. */
  long pointsReversed(SchemaName club, UUID purchaseId);

  /** The refunds recorded so far against the purchase. */
  List<UUID> refundIds(SchemaName club, UUID purchaseId);

  /** A member's purchases, newest first, after the cursor position if given. */
  List<Purchase> ofMember(SchemaName club, UUID memberId, PageCursor after, int limit);
}
