package club.bloom.shared.api;

import club.bloom.shared.domain.FieldProblem;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.shared.domain.Money;
import club.bloom.shared.domain.PersonName;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every contract violation of a request, so that one 400 names all fields at fault.
 * Resources use it to turn contract DTOs into commands; rules of the domain stay in the domain.
 */
public final class FieldChecks {
  private static final Pattern AMOUNT = Pattern.compile("^-?[0-9]{1,12}(\\.[0-9]{1,2})?$");
  private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

  private final List<FieldProblem> problems = new ArrayList<>();

  public String required(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      problems.add(new FieldProblem(field, "is required"));
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > maxLength) {
      problems.add(new FieldProblem(field, "must be at most " + maxLength + " characters"));
      return null;
    }
    return stripped;
  }

  /** A person's name ({@link PersonName}): stripped and in NFC, or null with the problem noted. */
  public String personName(String field, String value) {
    String reason = PersonName.problem(value);
    if (reason != null) {
      problems.add(new FieldProblem(field, reason));
      return null;
    }
    return PersonName.of(field, value);
  }

  public String matches(String field, String value, Pattern pattern, String rule) {
    if (value == null) {
      problems.add(new FieldProblem(field, "is required"));
      return null;
    }
    if (!pattern.matcher(value).matches()) {
      problems.add(new FieldProblem(field, rule));
      return null;
    }
    return value;
  }

  public <T> T present(String field, T value) {
    if (value == null) {
      problems.add(new FieldProblem(field, "is required"));
    }
    return value;
  }

  /** A positive amount of money in the contract's {@code Money} shape. */
  public Money positiveMoney(String field, String amount, String currency) {
    boolean ok = true;
    if (amount == null) {
      problems.add(new FieldProblem(field + ".amount", "is required"));
      ok = false;
    } else if (!AMOUNT.matcher(amount).matches()) {
      problems.add(
          new FieldProblem(field + ".amount", "must be a decimal with at most 2 fraction digits"));
      ok = false;
    } else if (new BigDecimal(amount).signum() <= 0) {
      problems.add(new FieldProblem(field + ".amount", "must be greater than 0"));
      ok = false;
    }
    if (currency == null) {
      problems.add(new FieldProblem(field + ".currency", "is required"));
      ok = false;
    } else if (!CURRENCY.matcher(currency).matches()) {
      problems.add(new FieldProblem(field + ".currency", "must be an ISO 4217 code such as RUB"));
      ok = false;
    } else if (!Money.RUB.equals(currency)) {
      problems.add(new FieldProblem(field + ".currency", "only RUB is supported"));
      ok = false;
    }
    return ok ? new Money(new BigDecimal(amount), currency) : null;
  }

  public OffsetDateTime dateTime(String field, String value) {
    if (value == null) {
      problems.add(new FieldProblem(field, "is required"));
      return null;
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(
          new FieldProblem(
              field, "must be an RFC 3339 date-time such as 2026-11-24T10:15:00+03:00"));
      return null;
    }
  }

  public LocalDate optionalDate(String field, String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "must be a date such as 1990-03-08"));
      return null;
    }
  }

  public void fail(String field, String reason) {
    problems.add(new FieldProblem(field, reason));
  }

  /** Throws {@link InvalidInput} naming every problem found so far. */
  public void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
  }
}
