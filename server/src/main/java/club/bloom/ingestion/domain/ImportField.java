package club.bloom.ingestion.domain;

import java.util.Arrays;
import java.util.Optional;

/** Bloom's fields a column of a partner's CSV file can be mapped to (ADR 0041). */
public enum ImportField {
  /** {@code purchase} or {@code refund} (also {@code продажа}/{@code возврат}); optional. */
  KIND("kind", false),
  RECEIPT_NUMBER("receiptNumber", true),
  /** A refund's own number; a row with one is a refund when no kind column is mapped. */
  REFUND_NUMBER("refundNumber", false),
  PASSPORT_CODE("passportCode", true),
  AMOUNT("amount", true),
  /** ISO 4217; RUB when not mapped or empty. */
  CURRENCY("currency", false),
  CATEGORY("category", true),
  OCCURRED_AT("occurredAt", true);

  private final String field;
  private final boolean required;

  ImportField(String field, boolean required) {
    this.field = field;
    this.required = required;
  }

  /** The name in the contract and in rejections ({@code receiptNumber}…). */
  public String field() {
    return field;
  }

  /** Whether every mapping must name a column for it. */
  public boolean required() {
    return required;
  }

  public static Optional<ImportField> of(String field) {
    return Arrays.stream(values()).filter(f -> f.field.equals(field)).findFirst();
  }
}
