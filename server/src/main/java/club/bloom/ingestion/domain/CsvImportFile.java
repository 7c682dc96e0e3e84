package club.bloom.ingestion.domain;

import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.Money;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * A partner's CSV file read with its mapping (ADR 0041), by Apache Commons CSV: the header row is
 * matched to the mapping (case and surrounding spaces ignored), then every data row is checked
 * field by field into an {@link ImportRow}. A row that is not well formed becomes {@link
 * ImportRow.Invalid} with every field at fault; it never stops the file. The business rules
 * (passport, partnership, categories, duplicates…) are the intake's, not the file's.
 */
public final class CsvImportFile {
  /** The longest receipt or refund number (as in the API). */
  static final int NUMBER_MAX = 64;

  private static final Pattern CATEGORY = Pattern.compile("^[a-z][a-z0-9-]{1,30}$");
  private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");
  private static final Pattern DIGITS = Pattern.compile("^\\d{1,12}(\\.\\d{1,2})?$");
  private static final List<DateTimeFormatter> LOCAL_TIMES =
      List.of(
          DateTimeFormatter.ofPattern("uuuu-MM-dd[ ]['T']HH:mm[:ss][.SSS]"),
          DateTimeFormatter.ofPattern("dd.MM.uuuu[ ]HH:mm[:ss]"),
          DateTimeFormatter.ofPattern("dd/MM/uuuu[ ]HH:mm[:ss]"));
  private static final List<DateTimeFormatter> DATES =
      List.of(DateTimeFormatter.ofPattern("uuuu-MM-dd"), DateTimeFormatter.ofPattern("dd.MM.uuuu"));

  private final byte[] content;
  private final int offset;
  private final ImportMapping mapping;
  private final Map<ImportField, Integer> columns;

  private CsvImportFile(
      byte[] content, int offset, ImportMapping mapping, Map<ImportField, Integer> columns) {
    this.content = content;
    this.offset = offset;
    this.mapping = mapping;
    this.columns = columns;
  }

  /**
   * Opens a file: decodes its header and finds the mapped columns.
   *
   * @throws InvalidInput the file is empty, not in the mapping's encoding, or lacks a mapped column
   *     (fields {@code file} or {@code columns.<field>})
   */
  public static CsvImportFile open(byte[] content, ImportMapping mapping) {
    int offset = 0;
    if (content.length >= 3
        && (content[0] & 0xff) == 0xEF
        && (content[1] & 0xff) == 0xBB
        && (content[2] & 0xff) == 0xBF) {
      offset = 3; // a UTF-8 byte order mark (Excel writes one)
    }
    try (CSVParser parser = parser(content, offset, mapping)) {
      List<String> header = parser.getHeaderNames();
      if (header.isEmpty()) {
        throw InvalidInput.of("file", "is empty: the first line must be the header row");
      }
      Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);
      List<FieldProblem> missing = new ArrayList<>();
      for (Map.Entry<ImportField, String> e : mapping.columns().entrySet()) {
        int index = indexOf(header, e.getValue());
        if (index >= 0) {
          columns.put(e.getKey(), index);
        } else if (e.getKey().required()) {
          missing.add(
              new FieldProblem(
                  "columns." + e.getKey().field(),
                  "the header row has no column '"
                      + e.getValue()
                      + "' (the file's delimiter, or the mapping, may be wrong)"));
        }
      }
      if (!missing.isEmpty()) {
        throw new InvalidInput(missing);
      }
      return new CsvImportFile(content, offset, mapping, columns);
    } catch (IOException | UncheckedIOException e) {
      throw unreadable(e);
    }
  }

  private static InvalidInput unreadable(Exception e) {
    Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
    if (cause instanceof CharacterCodingException) {
      return InvalidInput.of(
          "file",
          "is not in the mapping's encoding (UTF-8 or windows-1251: set it in the mapping)");
    }
    return InvalidInput.of("file", "is not a CSV file that can be read: " + cause.getMessage());
  }

  private static int indexOf(List<String> header, String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i) != null && header.get(i).strip().toLowerCase(Locale.ROOT).equals(wanted)) {
        return i;
      }
    }
    return -1;
  }

  private static CSVParser parser(byte[] content, int offset, ImportMapping mapping)
      throws IOException {
    Reader reader =
        new InputStreamReader(
            new ByteArrayInputStream(content, offset, content.length - offset),
            mapping
                .charset()
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(mapping.delimiter())
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .setIgnoreSurroundingSpaces(true)
            .get();
    return CSVParser.builder().setReader(reader).setFormat(format).get();
  }

  /**
   * Counts the data rows, reading the whole file once.
   *
   * @throws InvalidInput a byte sequence is not in the encoding, or a quote is not closed
   */
  public int countRows() {
    try (Rows rows = rows(0, Instant.now())) {
      int n = 0;
      while (rows.hasNext()) {
        rows.next();
        n++;
      }
      return n;
    }
  }

  /**
   * The data rows after the first {@code skip} (a checkpoint), checked against {@code now} (a
   * receipt may not be in the future).
   */
  public Rows rows(int skip, Instant now) {
    try {
      CSVParser parser = parser(content, offset, mapping);
      Rows rows = new Rows(parser, now);
      for (int i = 0; i < skip && rows.records.hasNext(); i++) {
        rows.records.next();
      }
      return rows;
    } catch (IOException | UncheckedIOException e) {
      throw unreadable(e);
    }
  }

  /** An open cursor over the rows; close it. */
  public final class Rows implements Iterator<ImportRow>, AutoCloseable {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Instant now;

    private Rows(CSVParser parser, Instant now) {
      this.parser = parser;
      this.records = parser.iterator();
      this.now = now;
    }

    @Override
    public boolean hasNext() {
      try {
        return records.hasNext();
      } catch (UncheckedIOException e) {
        throw unreadable(e);
      }
    }

    @Override
    public ImportRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      CSVRecord record;
      try {
        record = records.next();
      } catch (UncheckedIOException e) {
        throw unreadable(e);
      }
      return row(record, now);
    }

    @Override
    public void close() {
      try {
        parser.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private String value(CSVRecord record, ImportField field) {
    Integer index = columns.get(field);
    if (index == null || index >= record.size()) {
      return "";
    }
    String v = record.get(index);
    return v == null ? "" : v.strip();
  }

  ImportRow row(CSVRecord record, Instant now) {
    // The header is record 0 of the parser and line 1 of the file.
    int line = (int) record.getRecordNumber() + 1;
    List<FieldProblem> problems = new ArrayList<>();
    String receipt = value(record, ImportField.RECEIPT_NUMBER);
    String refundNumber = value(record, ImportField.REFUND_NUMBER);
    String kindText = value(record, ImportField.KIND);
    ImportRow.Kind kind;
    if (kindText.isEmpty()) {
      kind = refundNumber.isEmpty() ? ImportRow.Kind.PURCHASE : ImportRow.Kind.REFUND;
    } else {
      kind =
          switch (kindText.toLowerCase(Locale.ROOT)) {
            case "purchase", "sale", "продажа", "покупка" -> ImportRow.Kind.PURCHASE;
            case "refund", "return", "возврат" -> ImportRow.Kind.REFUND;
            default -> {
              problems.add(new FieldProblem("kind", "must be purchase or refund"));
              yield null;
            }
          };
    }
    number("receiptNumber", receipt, problems);
    String passport = null;
    String category = null;
    if (kind == ImportRow.Kind.REFUND) {
      number("refundNumber", refundNumber, problems);
    } else {
      passport = value(record, ImportField.PASSPORT_CODE);
      if (passport.isEmpty()) {
        problems.add(new FieldProblem("passportCode", "is required"));
      } else if (passport.length() > 32) {
        problems.add(new FieldProblem("passportCode", "must be at most 32 characters"));
      }
      category = value(record, ImportField.CATEGORY).toLowerCase(Locale.ROOT);
      if (category.isEmpty()) {
        problems.add(new FieldProblem("category", "is required"));
      } else if (!CATEGORY.matcher(category).matches()) {
        problems.add(new FieldProblem("category", "must be a category code such as 'florist'"));
      }
    }
    Money amount =
        amount(value(record, ImportField.AMOUNT), value(record, ImportField.CURRENCY), problems);
    Instant occurredAt = occurredAt(value(record, ImportField.OCCURRED_AT), now, problems);
    String reportedReceipt = receipt.isEmpty() || receipt.length() > NUMBER_MAX ? null : receipt;
    if (!problems.isEmpty()) {
      return new ImportRow.Invalid(line, reportedReceipt, problems);
    }
    return new ImportRow.Valid(
        line,
        kind,
        receipt,
        kind == ImportRow.Kind.REFUND ? refundNumber : null,
        passport,
        amount,
        category,
        occurredAt);
  }

  private static void number(String field, String value, List<FieldProblem> problems) {
    if (value.isEmpty()) {
      problems.add(new FieldProblem(field, "is required"));
    } else if (value.length() > NUMBER_MAX) {
      problems.add(new FieldProblem(field, "must be at most " + NUMBER_MAX + " characters"));
    }
  }

  private Money amount(String text, String currencyText, List<FieldProblem> problems) {
    String currency = currencyText.isEmpty() ? Money.RUB : currencyText.toUpperCase(Locale.ROOT);
    if (!CURRENCY.matcher(currency).matches()) {
      problems.add(new FieldProblem("currency", "must be an ISO 4217 code such as RUB"));
    }
    if (text.isEmpty()) {
      problems.add(new FieldProblem("amount", "is required"));
      return null;
    }
    // Thousands may be grouped with spaces (also no-break spaces), as POS exports often do.
    String plain = text.replaceAll("[\\s\\u00A0\\u202F]", "");
    char decimal = mapping.decimalSeparator();
    char other = decimal == ',' ? '.' : ',';
    if (plain.indexOf(other) >= 0) {
      problems.add(
          new FieldProblem(
              "amount", "must use '" + decimal + "' as the decimal separator (the mapping's)"));
      return null;
    }
    if (plain.startsWith("-")) {
      problems.add(
          new FieldProblem("amount", "must be positive (a refund is a row of kind refund)"));
      return null;
    }
    plain = plain.replace(decimal, '.');
    if (!DIGITS.matcher(plain).matches()) {
      problems.add(
          new FieldProblem("amount", "must be a positive amount with at most two fraction digits"));
      return null;
    }
    BigDecimal value = new BigDecimal(plain);
    if (value.signum() <= 0) {
      problems.add(new FieldProblem("amount", "must be positive"));
      return null;
    }
    return problems.isEmpty() ? new Money(value, currency) : null;
  }

  private Instant occurredAt(String text, Instant now, List<FieldProblem> problems) {
    if (text.isEmpty()) {
      problems.add(new FieldProblem("occurredAt", "is required"));
      return null;
    }
    Instant at = parseTime(text);
    if (at == null) {
      problems.add(
          new FieldProblem(
              "occurredAt",
              "must be a date and time such as 2026-12-07 18:30 or 07.12.2026 18:30 (in the"
                  + " mapping's time zone) or with an offset (2026-12-07T18:30:00+03:00)"));
      return null;
    }
    String when = ReceiptDates.problem(at, now);
    if (when != null) {
      problems.add(new FieldProblem("occurredAt", when));
      return null;
    }
    return at;
  }

  private Instant parseTime(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      // a local time, below
    }
    for (DateTimeFormatter f : LOCAL_TIMES) {
      try {
        return LocalDateTime.parse(text, f).atZone(mapping.timeZone()).toInstant();
      } catch (DateTimeParseException e) {
        // the next format
      }
    }
    for (DateTimeFormatter f : DATES) {
      try {
        return LocalDate.parse(text, f).atStartOfDay(mapping.timeZone()).toInstant();
      } catch (DateTimeParseException e) {
        // the next format
      }
    }
    return null;
  }
}
