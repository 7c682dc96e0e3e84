package club.bloom.ingestion.domain;

import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.InvalidInput;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a partner's POS export is read (ADR 0041): which header names hold which of Bloom's fields,
 * the delimiter ({@code ;} or {@code ,} or a tab), the decimal separator ({@code .} or {@code ,}),
 * the encoding (UTF-8, with or without BOM, or windows-1251) and the time zone of the file's dates.
 * Saved once per partner; every upload is read with the mapping saved when it was uploaded.
 */
public record ImportMapping(
    Map<ImportField, String> columns,
    char delimiter,
    char decimalSeparator,
    String encoding,
    ZoneId timeZone) {
  public static final Set<String> ENCODINGS = Set.of("UTF-8", "windows-1251");

  public ImportMapping {
    List<FieldProblem> problems = problems(columns, delimiter, decimalSeparator, encoding);
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    columns = Collections.unmodifiableMap(new EnumMap<>(columns));
  }

  /** Bloom's field names as headers, comma, point, UTF-8, in the partner's zone. */
  public static ImportMapping standard(ZoneId zone) {
    Map<ImportField, String> columns = new EnumMap<>(ImportField.class);
    for (ImportField f : ImportField.values()) {
      columns.put(f, f.field());
    }
    return new ImportMapping(columns, ',', '.', "UTF-8", zone);
  }

  /**
   * Parses the encoding and zone names of a request; problems name {@code encoding}/{@code
   * timeZone}.
   */
  public static ImportMapping of(
      Map<ImportField, String> columns,
      String delimiter,
      String decimalSeparator,
      String encoding,
      String timeZone) {
    List<FieldProblem> problems = new ArrayList<>();
    char d = single("delimiter", delimiter, ";,\t", problems);
    char s = single("decimalSeparator", decimalSeparator, ".,", problems);
    String enc = canonicalEncoding(encoding);
    if (enc == null) {
      problems.add(new FieldProblem("encoding", "must be UTF-8 or windows-1251"));
    }
    ZoneId zone = null;
    try {
      zone = timeZone == null ? null : ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      // reported below
    }
    if (zone == null) {
      problems.add(new FieldProblem("timeZone", "must be a time zone such as Europe/Moscow"));
    }
    if (!problems.isEmpty()) {
      List<FieldProblem> all = new ArrayList<>(problems);
      if (d != 0 && s != 0 && enc != null) {
        all.addAll(problems(columns, d, s, enc));
      }
      throw new InvalidInput(all);
    }
    return new ImportMapping(columns, d, s, enc, zone);
  }

  private static char single(String field, String value, String allowed, List<FieldProblem> out) {
    if (value == null || value.length() != 1 || allowed.indexOf(value.charAt(0)) < 0) {
      out.add(
          new FieldProblem(
              field,
              "must be one of "
                  + String.join(
                      ", ",
                      allowed
                          .chars()
                          .mapToObj(c -> c == '\t' ? "a tab" : "'" + (char) c + "'")
                          .toList())));
      return 0;
    }
    return value.charAt(0);
  }

  private static String canonicalEncoding(String name) {
    if (name == null) {
      return null;
    }
    String n = name.strip().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "utf-8", "utf8" -> "UTF-8";
      case "windows-1251", "cp1251" -> "windows-1251";
      default -> null;
    };
  }

  private static List<FieldProblem> problems(
      Map<ImportField, String> columns, char delimiter, char decimal, String encoding) {
    List<FieldProblem> problems = new ArrayList<>();
    if (";,\t".indexOf(delimiter) < 0) {
      problems.add(new FieldProblem("delimiter", "must be ';', ',' or a tab"));
    }
    if (".,".indexOf(decimal) < 0) {
      problems.add(new FieldProblem("decimalSeparator", "must be '.' or ','"));
    }
    if (!ENCODINGS.contains(encoding)) {
      problems.add(new FieldProblem("encoding", "must be UTF-8 or windows-1251"));
    }
    Set<String> seen = new HashSet<>();
    for (ImportField f : ImportField.values()) {
      String header = columns == null ? null : columns.get(f);
      String at = "columns." + f.field();
      if (header == null || header.isBlank()) {
        if (f.required()) {
          problems.add(new FieldProblem(at, "is required: the header of the column that holds it"));
        }
        continue;
      }
      if (header.length() > 100) {
        problems.add(new FieldProblem(at, "must be at most 100 characters"));
      } else if (!seen.add(header.strip().toLowerCase(Locale.ROOT))) {
        problems.add(new FieldProblem(at, "names a column already mapped to another field"));
      }
    }
    return problems;
  }

  /** The charset of the file. */
  public Charset charset() {
    return Charset.forName(encoding);
  }
}
