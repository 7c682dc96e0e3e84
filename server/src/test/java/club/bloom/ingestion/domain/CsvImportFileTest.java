package club.bloom.ingestion.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.Money;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvImportFileTest {
  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  static ImportMapping russianPos() {
    Map<ImportField, String> columns = new EnumMap<>(ImportField.class);
    columns.put(ImportField.KIND, "Операция");
    columns.put(ImportField.RECEIPT_NUMBER, "Номер чека");
    columns.put(ImportField.REFUND_NUMBER, "Номер возврата");
    columns.put(ImportField.PASSPORT_CODE, "Карта клуба");
    columns.put(ImportField.AMOUNT, "Сумма");
    columns.put(ImportField.CATEGORY, "Категория");
    columns.put(ImportField.OCCURRED_AT, "Дата");
    return new ImportMapping(columns, ';', ',', "windows-1251", MOSCOW);
  }

  static List<ImportRow> rows(byte[] file, ImportMapping mapping) {
    List<ImportRow> out = new ArrayList<>();
    try (CsvImportFile.Rows rows = CsvImportFile.open(file, mapping).rows(0, NOW)) {
      rows.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void aWindows1251FileWithSemicolonsAndDecimalCommasIsReadInThePartnersZone() {
    String text =
        "Дата;Номер чека;Карта клуба;Сумма;Категория;Операция;Номер возврата\r\n"
            + "07.12.2026 10:30;Ч-1;7K3M-9QXA-2B4C;1 234,50;Florist;продажа;\r\n"
            + "07.12.2026 11:00;Ч-1;;100,00;;возврат;В-1\r\n";
    List<ImportRow> rows = rows(text.getBytes(Charset.forName("windows-1251")), russianPos());

    ImportRow.Valid purchase = assertInstanceOf(ImportRow.Valid.class, rows.get(0));
    assertEquals(2, purchase.line());
    assertEquals(ImportRow.Kind.PURCHASE, purchase.kind());
    assertEquals("Ч-1", purchase.receiptNumber());
    assertEquals(Money.rub("1234.50"), purchase.amount());
    assertEquals("florist", purchase.category());
    assertEquals(Instant.parse("2026-12-07T07:30:00Z"), purchase.occurredAt(), "Moscow is +03");
    ImportRow.Valid refund = assertInstanceOf(ImportRow.Valid.class, rows.get(1));
    assertEquals(3, refund.line());
    assertEquals(ImportRow.Kind.REFUND, refund.kind());
    assertEquals("В-1", refund.refundNumber());
    assertEquals(Money.rub("100.00"), refund.amount());
  }

  @Test
  void aUtf8FileWithAByteOrderMarkAndCommasIsReadWithTheStandardMapping() {
    String text =
        "\uFEFFreceiptNumber,passportCode,amount,category,occurredAt\n"
            + "R-1,7K3M-9QXA-2B4C,99.90,spa,2026-12-07T09:00:00+03:00\n"
            + "\"R-2\",7K3M-9QXA-2B4C,\"1000\",spa,2026-12-06 23:59\n";
    List<ImportRow> rows =
        rows(text.getBytes(StandardCharsets.UTF_8), ImportMapping.standard(MOSCOW));
    assertEquals(2, rows.size());
    ImportRow.Valid first = assertInstanceOf(ImportRow.Valid.class, rows.get(0));
    assertEquals("R-1", first.receiptNumber(), "the BOM is not part of the first header");
    assertEquals(Instant.parse("2026-12-07T06:00:00Z"), first.occurredAt());
    ImportRow.Valid second = assertInstanceOf(ImportRow.Valid.class, rows.get(1));
    assertEquals(Money.rub("1000.00"), second.amount());
    assertEquals(Instant.parse("2026-12-06T20:59:00Z"), second.occurredAt());
  }

  @Test
  void everyBadFieldOfARowIsNamedWithItsLineAndTheNextRowIsStillRead() {
    String text =
        "receiptNumber,passportCode,amount,category,occurredAt\n"
            + "R-1,,12.345,Not a category!,yesterday\n"
            + "R-2,7K3M-9QXA-2B4C,-5,spa,2026-12-07 10:00\n"
            + "R-3,7K3M-9QXA-2B4C,10,spa,2027-01-07 10:00\n"
            + "R-4,7K3M-9QXA-2B4C,\"10,5\",spa,2026-12-07 10:00\n"
            + "R-5,7K3M-9QXA-2B4C,10.50,spa,2026-12-07 10:00\n";
    List<ImportRow> rows =
        rows(text.getBytes(StandardCharsets.UTF_8), ImportMapping.standard(MOSCOW));
    ImportRow.Invalid first = assertInstanceOf(ImportRow.Invalid.class, rows.get(0));
    assertEquals(2, first.line());
    assertEquals(
        List.of("passportCode", "category", "amount", "occurredAt"),
        first.problems().stream().map(FieldProblem::field).toList());
    ImportRow.Invalid negative = assertInstanceOf(ImportRow.Invalid.class, rows.get(1));
    assertEquals(3, negative.line());
    assertEquals("amount", negative.problems().get(0).field());
    ImportRow.Invalid future = assertInstanceOf(ImportRow.Invalid.class, rows.get(2));
    assertEquals("must not be in the future", future.problems().get(0).reason());
    ImportRow.Invalid comma = assertInstanceOf(ImportRow.Invalid.class, rows.get(3));
    assertEquals("amount", comma.problems().get(0).field());
    assertInstanceOf(ImportRow.Valid.class, rows.get(4));
  }

  @Test
  void aHeaderWithoutAMappedColumnRefusesTheFileNamingTheMapping() {
    byte[] file = "Дата,Номер чека\n1,2\n".getBytes(StandardCharsets.UTF_8);
    ImportMapping mapping = ImportMapping.standard(MOSCOW);
    InvalidInput e = assertThrows(InvalidInput.class, () -> CsvImportFile.open(file, mapping));
    assertEquals(
        List.of(
            "columns.receiptNumber",
            "columns.passportCode",
            "columns.amount",
            "columns.category",
            "columns.occurredAt"),
        e.fields().stream().map(FieldProblem::field).toList());
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedAsTheWrongEncoding() {
    byte[] file =
        ("receiptNumber,passportCode,amount,category,occurredAt\nЧ-1,X,1,spa,2026-12-07 10:00\n")
            .getBytes(Charset.forName("windows-1251"));
    InvalidInput e =
        assertThrows(
            InvalidInput.class,
            () -> CsvImportFile.open(file, ImportMapping.standard(MOSCOW)).countRows());
    assertEquals("file", e.fields().get(0).field());
  }

  @Test
  void rowsAfterACheckpointStartWhereItLeftOff() {
    StringBuilder text =
        new StringBuilder("receiptNumber,passportCode,amount,category,occurredAt\n");
    for (int i = 1; i <= 10; i++) {
      text.append("R-").append(i).append(",7K3M-9QXA-2B4C,1,spa,2026-12-07 10:00\n");
    }
    CsvImportFile file =
        CsvImportFile.open(
            text.toString().getBytes(StandardCharsets.UTF_8), ImportMapping.standard(MOSCOW));
    assertEquals(10, file.countRows());
    try (CsvImportFile.Rows rows = file.rows(7, NOW)) {
      ImportRow next = rows.next();
      assertEquals("R-8", next.receiptNumber());
      assertEquals(9, next.line());
    }
  }

  @Test
  void aMappingNeedsTheRequiredColumnsDistinctHeadersAndKnownSettings() {
    Map<ImportField, String> columns = new EnumMap<>(ImportField.class);
    columns.put(ImportField.RECEIPT_NUMBER, "Чек");
    columns.put(ImportField.AMOUNT, "чек");
    InvalidInput e =
        assertThrows(
            InvalidInput.class,
            () -> ImportMapping.of(columns, "|", ".", "latin1", "Mars/Olympus"));
    List<String> fields = e.fields().stream().map(FieldProblem::field).toList();
    assertEquals(List.of("delimiter", "encoding", "timeZone"), fields);
    InvalidInput second =
        assertThrows(
            InvalidInput.class,
            () -> ImportMapping.of(columns, ";", ",", "cp1251", "Europe/Moscow"));
    assertEquals(
        List.of("columns.passportCode", "columns.amount", "columns.category", "columns.occurredAt"),
        second.fields().stream().map(FieldProblem::field).toList());
  }
}
