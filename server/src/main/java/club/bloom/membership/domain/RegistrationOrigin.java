package club.bloom.membership.domain;

/**
 * Who issued a claim link (a {@link CounterRegistration}), which decides who may claim it:
 *
 * <ul>
 *   <li>{@link #COUNTER}: a partner's cashier registered the person by phone; the link was shown on
 *       the terminal (and mailed or texted): any login of the club holding it may claim it.
 *   <li>{@link #ENROLMENT}: club staff enrolled the person, and her address already had a login
 *       that Bloom did not create; the link was mailed to the address.
 *   <li>{@link #ONLINE}: a person joining online has the address of a member no login holds yet;
 *       the link was mailed to the address.
 * </ul>
 *
 * A mailed link proves control of the address only together with the login that claims it: for the
 * last two, the claiming login's verified address must be the member's (ADR 0027).
 */
public enum RegistrationOrigin {
  COUNTER,
  ENROLMENT,
  ONLINE;

  /** Whether the claiming login's verified address must be the member's. */
  public boolean requiresTheMembersAddress() {
    return this != COUNTER;
  }
}
