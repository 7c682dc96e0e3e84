package club.bloom.ledger.domain;

import java.util.List;

/**
 * The result of one ledger operation, to be written as it is: the entry, its postings (summing to
 * zero per currency) and the lots it created. Lots it changed are the aggregate's own.
 */
public record Movement(LedgerEntry entry, List<LedgerPosting> postings, List<PointLot> newLots) {
  public Movement {
    postings = List.copyOf(postings);
    newLots = List.copyOf(newLots);
    postings.stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                LedgerPosting::currency,
                java.util.stream.Collectors.summingLong(LedgerPosting::amount)))
        .forEach(
            (currency, sum) -> {
              if (sum != 0) {
                throw new IllegalStateException("unbalanced entry in " + currency + ": " + sum);
              }
            });
  }

  /** Points that left or reached the member's account (positive in, negative out). */
  public long memberChange(String currency) {
    return postings.stream()
        .filter(p -> p.account() == Account.MEMBER && p.currency().equals(currency))
        .mapToLong(LedgerPosting::amount)
        .sum();
  }

  /** How much of the member's debt this movement created (negative) or repaid (positive). */
  public long debtChange(String currency) {
    return postings.stream()
        .filter(p -> p.account() == Account.DEBT && p.currency().equals(currency))
        .mapToLong(LedgerPosting::amount)
        .sum();
  }
}
