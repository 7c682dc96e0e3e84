package club.bloom.access.domain;

import club.bloom.shared.domain.BloomException;
import club.bloom.shared.domain.ProblemKind;

/**
 * A partner staff login whose token names several partner organizations: partner roles are realm
 * roles of the platform realm, so Bloom could not tell for which partner they hold. A staff login
 * belongs to one partner (ADR 0025).
 */
public class AmbiguousOrganization extends BloomException {
  private static final long serialVersionUID = 1L;

  public AmbiguousOrganization() {
    super(
        ProblemKind.FORBIDDEN,
        "ambiguous-organization",
        "Login belongs to several partners",
        "This login is staff of more than one partner; a partner staff login must belong to"
            + " exactly one partner. Ask the partners' owners to invite a separate login.");
  }
}
