package club.bloom.membership.domain;

/** The personal fields of a member (152-FZ personal data), as the PD-access policy names them. */
public enum PdField {
  FIRST_NAME("firstName"),
  LAST_NAME("lastName"),
  PHONE("phone"),
  EMAIL("email"),
  BIRTHDAY("birthday");

  private final String code;

  PdField(String code) {
    this.code = code;
  }

  /** The field's name in the contract. */
  public String code() {
    return code;
  }
}
