package club.bloom.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PdAccessPolicyTest {
  private static final PersonalData ANNA =
      new PersonalData(
          "Анна", "Петрова", "+7 916 123-45-67", "Anna@BloomAndCare.ru", LocalDate.of(1990, 3, 8));

  private static Map<PdField, Visibility> all(Visibility v) {
    Map<PdField, Visibility> row = new EnumMap<>(PdField.class);
    for (PdField f : PdField.values()) {
      row.put(f, v);
    }
    return row;
  }

  @Test
  void aCashierSeesTheFirstNameAndAMaskedPhoneByDefault() {
    DisclosedPersonalData d = PdAccessPolicy.defaults().disclose(ANNA, Set.of(PdAudience.CASHIER));
    assertEquals("Анна", d.firstName());
    assertEquals("+7******4567", d.phone());
    assertNull(d.lastName());
    assertNull(d.email());
    assertNull(d.birthday());
  }

  @Test
  void partnerAnalystsSeeNothingByDefaultAndClubAdminsEverything() {
    assertEquals(
        DisclosedPersonalData.NOTHING,
        PdAccessPolicy.defaults().disclose(ANNA, Set.of(PdAudience.PARTNER_ANALYST)));
    DisclosedPersonalData admin =
        PdAccessPolicy.defaults().disclose(ANNA, Set.of(PdAudience.CLUB_ADMIN));
    assertEquals("Петрова", admin.lastName());
    assertEquals("+79161234567", admin.phone());
    assertEquals("anna@bloomandcare.ru", admin.email());
    assertEquals("1990-03-08", admin.birthday());
  }

  @Test
  void aCallerInNoRoleOfThePolicySeesNothing() {
    PdAccessPolicy open =
        PdAccessPolicy.defaults().with(Map.of(PdAudience.CASHIER, all(Visibility.FULL)));
    assertEquals(DisclosedPersonalData.NOTHING, open.disclose(ANNA, Set.of()));
    assertEquals(Set.of(), PdAudience.of(Set.of("platform-operator", "purchases-write")));
  }

  @ParameterizedTest
  @EnumSource(PdField.class)
  void eachFieldIsHiddenMaskedOrShownAsTheRoleIsSet(PdField field) {
    Map<PdField, String> masked =
        Map.of(
            PdField.FIRST_NAME, "А.",
            PdField.LAST_NAME, "П.",
            PdField.PHONE, "+7******4567",
            PdField.EMAIL, "a***@b***.ru",
            PdField.BIRTHDAY, "--03-08");
    Map<PdField, String> full =
        Map.of(
            PdField.FIRST_NAME, "Анна",
            PdField.LAST_NAME, "Петрова",
            PdField.PHONE, "+79161234567",
            PdField.EMAIL, "anna@bloomandcare.ru",
            PdField.BIRTHDAY, "1990-03-08");
    for (Visibility v : Visibility.values()) {
      Map<PdField, Visibility> row = all(Visibility.NONE);
      row.put(field, v);
      DisclosedPersonalData d =
          PdAccessPolicy.defaults()
              .with(Map.of(PdAudience.CASHIER, row))
              .disclose(ANNA, Set.of(PdAudience.CASHIER));
      Map<PdField, String> shown = new EnumMap<>(PdField.class);
      shown.put(PdField.FIRST_NAME, d.firstName());
      shown.put(PdField.LAST_NAME, d.lastName());
      shown.put(PdField.PHONE, d.phone());
      shown.put(PdField.EMAIL, d.email());
      shown.put(PdField.BIRTHDAY, d.birthday());
      for (PdField other : PdField.values()) {
        String expected =
            other != field || v == Visibility.NONE
                ? null
                : v == Visibility.MASKED ? masked.get(field) : full.get(field);
        assertEquals(expected, shown.get(other), other + " when " + field + " is " + v);
      }
    }
  }

  @Test
  void aCallerInSeveralRolesSeesTheWidestPerField() {
    PdAccessPolicy p =
        PdAccessPolicy.defaults()
            .with(
                Map.of(
                    PdAudience.CASHIER,
                    Map.of(PdField.PHONE, Visibility.FULL),
                    PdAudience.PARTNER_ANALYST,
                    Map.of(PdField.EMAIL, Visibility.MASKED)));
    DisclosedPersonalData d =
        p.disclose(ANNA, Set.of(PdAudience.CASHIER, PdAudience.PARTNER_ANALYST));
    assertEquals("+79161234567", d.phone());
    assertEquals("a***@b***.ru", d.email());
    assertNull(d.firstName(), "a row names every field; unnamed ones are hidden");
  }

  @Test
  void aPartnerKeyForLookupsIsTheCashier() {
    assertEquals(Set.of(PdAudience.CASHIER), PdAudience.of(Set.of("members-lookup")));
    assertEquals(
        Set.of(PdAudience.CLUB_OWNER, PdAudience.CLUB_ADMIN),
        PdAudience.of(Set.of("club-owner", "club-admin", "member")));
  }

  @Test
  void masksKeepTooLittleToContactSomeone() {
    assertEquals("Ж.", Masking.name(" Жанна"));
    assertEquals("******", Masking.phone("+12345"));
    assertEquals("***", Masking.email("no-at-sign"));
    assertEquals("x***@l***", Masking.email("x@localhost"));
    assertEquals("--12-31", Masking.birthday(LocalDate.of(2000, 12, 31)));
    assertNull(Masking.name(null));
  }

  @Test
  void theDefaultsStayAsDocumented() {
    PdAccessPolicy d = PdAccessPolicy.defaults();
    assertEquals(Visibility.NONE, d.visibility(PdAudience.CASHIER, PdField.EMAIL));
    assertEquals(Visibility.MASKED, d.visibility(PdAudience.CLUB_ANALYST, PdField.LAST_NAME));
    assertEquals(Visibility.NONE, d.visibility(PdAudience.CLUB_ANALYST, PdField.PHONE));
    assertEquals(Visibility.FULL, d.visibility(PdAudience.CLUB_OWNER, PdField.BIRTHDAY));
  }
}
