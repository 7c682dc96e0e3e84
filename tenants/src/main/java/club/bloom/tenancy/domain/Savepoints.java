package club.bloom.tenancy.domain;

/**
 * Savepoints of the current transaction (ADR 0040): several units of work (lines of a batch) share
 * one transaction and one commit, and a unit that fails is undone alone — its rows by {@code
 * ROLLBACK TO SAVEPOINT}, its unflushed entity changes by clearing the persistence context — while
 * what the units before it wrote stays. Names are programmer-chosen identifiers, never input.
 */
public interface Savepoints {
  /** Writes what is pending, then marks a savepoint. */
  void mark(String name);

  /**
   * Undoes everything since the savepoint: unflushed changes are dropped, rows are rolled back, and
   * the tenants' search path of the transaction is as it was before the savepoint.
   */
  void rollbackTo(String name);

  /** Writes what is pending and forgets the savepoint (its work stays). */
  void release(String name);

  /**
   * Whether the transaction can no longer commit (marked for rollback, e.g. by an interceptor that
   * saw an exception, or by the persistence provider after a failed statement).
   */
  boolean doomed();
}
