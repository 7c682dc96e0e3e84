package club.bloom.ingestion.domain;

import club.bloom.shared.domain.Conflict;

/** The partner already reported a receipt with this number (under another idempotency key). */
public class DuplicateReceipt extends Conflict {
  private static final long serialVersionUID = 1L;

  public DuplicateReceipt(String receiptNumber) {
    super(
        "duplicate-receipt",
        "Receipt already reported",
        "Receipt "
            + receiptNumber
            + " was already reported by this partner with another Idempotency-Key");
  }
}
