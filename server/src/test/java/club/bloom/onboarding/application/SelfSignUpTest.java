package club.bloom.onboarding.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.onboarding.application.SelfSignUp.Apply;
import club.bloom.onboarding.domain.SignUp;
import club.bloom.onboarding.domain.SignUpSecrets;
import club.bloom.onboarding.domain.SignUpStatus;
import club.bloom.onboarding.domain.SignUps;
import club.bloom.onboarding.domain.TooManySignUps;
import club.bloom.shared.domain.Conflict;
import club.bloom.shared.domain.OutgoingMail;
import club.bloom.tenancy.domain.TenantKind;
import club.bloom.tenancy.domain.TenantRegistry;
import jakarta.enterprise.event.Event;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Applications, their repeats and their limits, with the platform's stores in memory. */
class SelfSignUpTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  private final InMemorySignUps store = new InMemorySignUps();
  private final List<OutgoingMail> mails = new ArrayList<>();
  private final SelfSignUp service = new SelfSignUp();

  @BeforeEach
  @SuppressWarnings("unchecked")
  void wire() {
    service.signUps = store;
    service.secrets = new PlainSecrets();
    service.tenants =
        (TenantRegistry)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {TenantRegistry.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("find")) {
                    return Optional.empty();
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    club.bloom.billing.domain.Plan start =
        new club.bloom.billing.domain.Plan(
            "start", "Start", 1, club.bloom.shared.domain.Money.rub("4900.00"), java.util.Map.of());
    service.plans =
        (club.bloom.billing.domain.PlanCatalogue)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {club.bloom.billing.domain.PlanCatalogue.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "find" -> Optional.of(start).filter(p -> p.code().equals(args[0]));
                      case "all" -> List.of(start);
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    service.mail = events(mails);
    service.verified = events(new ArrayList<>());
    service.clock = Clock.fixed(T0, ZoneOffset.UTC);
    service.portalUrl = "https://bloom.example";
    service.termsVersion = "2026-11";
    service.perClientPerHour = 2;
    service.perEmailPerHour = 2;
  }

  @SuppressWarnings("unchecked")
  private static <T> Event<T> events(List<T> fired) {
    return (Event<T>)
        Proxy.newProxyInstance(
            SelfSignUpTest.class.getClassLoader(),
            new Class<?>[] {Event.class},
            (proxy, method, args) -> {
              if (method.getName().equals("fire")) {
                fired.add((T) args[0]);
                return null;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  private static Apply club(String slug, String email) {
    return new Apply(TenantKind.CLUB, slug, "Club " + slug, email, "start", "ru", "Europe/Moscow");
  }

  @Test
  void anApplicationMailsALinkToTheAdminAndKeepsOnlyTheSealedAddress() {
    service.apply(club("rose", " Anna@Rose.RU "), "10.0.0.1");

    assertEquals(1, mails.size());
    OutgoingMail mail = mails.get(0);
    assertEquals("anna@rose.ru", mail.to());
    assertTrue(mail.text().contains("https://bloom.example/#/signup/verify/"), mail.text());
    SignUp s = store.all.get(0);
    assertEquals("a***@rose.ru", s.adminEmailMasked());
    assertTrue(s.adminEmailSealed().isPresent());
  }

  @Test
  void aPlanOutsideTheCatalogueIsRefusedNamingThePlans() {
    var wrong =
        new Apply(TenantKind.CLUB, "rose", "Rose", "a@rose.ru", "gold", "ru", "Europe/Moscow");
    var refused =
        assertThrows(
            club.bloom.shared.domain.InvalidInput.class, () -> service.apply(wrong, "10.0.0.1"));
    assertEquals("plan", refused.fields().get(0).field());
    assertTrue(store.all.isEmpty());
  }

  @Test
  void aClientAddressGetsAtMostItsLimitOfApplicationsAnHour() {
    service.apply(club("one", "a@x.ru"), "10.0.0.1");
    service.apply(club("two", "b@x.ru"), "10.0.0.1");

    TooManySignUps third =
        assertThrows(
            TooManySignUps.class, () -> service.apply(club("three", "c@x.ru"), "10.0.0.1"));
    assertEquals("3600", third.headers().get("Retry-After"));
    service.apply(club("three", "c@x.ru"), "10.0.0.2");
  }

  @Test
  void anEmailAddressGetsAtMostItsLimitOfApplicationsAnHour() {
    service.apply(club("one", "a@x.ru"), "10.0.0.1");
    service.apply(club("two", "a@x.ru"), "10.0.0.2");

    assertThrows(TooManySignUps.class, () -> service.apply(club("three", "a@x.ru"), "10.0.0.3"));
  }

  @Test
  void aSlugInFlightIsTakenForAnotherAddressAndARepeatMustWaitForTheNextMail() {
    service.apply(club("rose", "a@rose.ru"), "10.0.0.1");

    Conflict taken =
        assertThrows(Conflict.class, () -> service.apply(club("rose", "b@rose.ru"), "10.0.0.2"));
    assertEquals("slug-taken", taken.type());
    assertThrows(TooManySignUps.class, () -> service.apply(club("rose", "a@rose.ru"), "10.0.0.1"));
    service.clock = Clock.fixed(T0.plusSeconds(61), ZoneOffset.UTC);
    assertTrue(service.apply(club("rose", "a@rose.ru"), "10.0.0.1").repeated());
    assertEquals(2, mails.size());
    assertEquals(1, store.all.size(), "a repeat mails again; it creates nothing");
  }

  /** Keyed hashes and sealing as plain encodings: what is checked here is the flow. */
  private static final class PlainSecrets implements SignUpSecrets {
    private int tokens;

    @Override
    public byte[] sealEmail(String email) {
      return email.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String openEmail(byte[] sealed) {
      return new String(sealed, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] emailHash(String normalizedEmail) {
      return ("e:" + normalizedEmail).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] ipHash(String ip) {
      return ("i:" + ip).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String newToken() {
      return "token-" + ++tokens;
    }

    @Override
    public byte[] tokenHash(String token) {
      return token.getBytes(StandardCharsets.UTF_8);
    }
  }

  private static final class InMemorySignUps implements SignUps {
    final List<SignUp> all = new ArrayList<>();

    @Override
    public void add(SignUp signUp) {
      all.add(signUp);
    }

    @Override
    public Optional<SignUp> find(UUID id) {
      return all.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public Optional<SignUp> lockByToken(byte[] tokenHash) {
      return all.stream().filter(s -> Arrays.equals(s.tokenHash(), tokenHash)).findFirst();
    }

    @Override
    public Optional<SignUp> lockLive(TenantKind kind, String slug) {
      return all.stream()
          .filter(
              s -> s.kind() == kind && s.slug().equals(slug) && s.status() != SignUpStatus.EXPIRED)
          .findFirst();
    }

    @Override
    public int expireStale(Instant now) {
      return 0;
    }

    @Override
    public long countByEmailSince(byte[] emailHash, Instant since) {
      return all.stream().filter(s -> Arrays.equals(s.emailHash(), emailHash)).count();
    }

    @Override
    public long countByIpSince(byte[] ipHash, Instant since) {
      return all.stream().filter(s -> Arrays.equals(s.ipHash(), ipHash)).count();
    }

    @Override
    public boolean lease(UUID id, Instant now, Instant until) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void release(UUID id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<UUID> stalled(Instant since, Instant now) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<SignUp> latest(Optional<SignUpStatus> status, int limit) {
      throw new UnsupportedOperationException();
    }
  }
}
