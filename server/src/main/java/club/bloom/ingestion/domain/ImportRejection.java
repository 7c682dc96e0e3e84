package club.bloom.ingestion.domain;

/** A row of an import that was not applied: its line, the field at fault and why. */
public record ImportRejection(int line, String field, String reason, String receiptNumber) {}
