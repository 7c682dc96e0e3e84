package club.bloom.membership.domain;

/**
 * The personal fields a caller may see under the club's PD-access policy: each is the stored value,
 * its masked form, or null when hidden. The birthday is a string ({@code 1987-03-08} or masked
 * {@code --03-08}).
 */
public record DisclosedPersonalData(
    String firstName, String lastName, String phone, String email, String birthday) {

  public static final DisclosedPersonalData NOTHING =
      new DisclosedPersonalData(null, null, null, null, null);

  @Override
  public String toString() {
    return "DisclosedPersonalData[redacted]";
  }
}
