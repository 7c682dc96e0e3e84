package club.bloom.membership.application;

import club.bloom.membership.domain.CounterRegistration;
import club.bloom.membership.domain.CounterRegistrationRepository;
import club.bloom.membership.domain.Member;
import club.bloom.membership.domain.RegistrationLinks;
import club.bloom.membership.domain.RegistrationOrigin;
import club.bloom.shared.domain.OutgoingMail;
import club.bloom.shared.domain.Texts;
import club.bloom.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Claim links mailed to a member's address, for a member no login of hers can be trusted with yet:
 * enrolled by staff while the address already had a login Bloom did not create, or found by the
 * address of a person joining online (ADR 0027). The same links as a counter registration's (single
 * use, expiring, only the SHA-256 of the token stored, the portal's {@code
 * #/c/<club>/confirm/<token>}), claimed with {@code POST /me/counter-registrations} by a login
 * whose verified address is the member's. The mail leaves after the transaction commits.
 */
@ApplicationScoped
public class ClaimLinks {
  @Inject CounterRegistrationRepository registrations;
  @Inject RegistrationLinks links;
  @Inject Event<OutgoingMail> mail;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "bloom.portal.url", defaultValue = "http://localhost:9080")
  String portalUrl;

  @Inject
  @ConfigProperty(name = "bloom.counter.link-validity-days", defaultValue = "7")
  int linkValidityDays;

  /**
   * Issues a link to claim {@code member} and mails it to {@code address} (the member's own, in its
   * normalised form), in the caller's transaction.
   *
   * @return the masked address it goes to
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public String mail(
      Tenant club, Member member, RegistrationOrigin origin, String address, String firstName) {
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    String token = links.token(club.schema(), id);
    CounterRegistration registration =
        CounterRegistration.mailed(
            id, member.id(), origin, links.hash(token), now, Duration.ofDays(linkValidityDays));
    registrations.add(club.schema(), registration);
    Texts texts = Texts.of(club.locale());
    String until =
        DateTimeFormatter.ofPattern("dd.MM.yyyy")
            .withZone(ZoneId.of(club.timeZone()))
            .format(registration.expiresAt());
    String greeting =
        firstName == null || firstName.isBlank()
            ? texts.text("mail.greeting")
            : texts.text("mail.greeting.named", firstName);
    String kind = origin == RegistrationOrigin.ENROLMENT ? "enrolment-link" : "online-link";
    mail.fire(
        new OutgoingMail(
            kind,
            address,
            texts.text("membership." + kind + ".subject", club.name()),
            texts.text(
                "membership." + kind + ".body",
                greeting,
                club.name(),
                linkOf(club, token),
                until)));
    return OutgoingMail.masked(address);
  }

  /** The portal's page that claims a link. */
  public String linkOf(Tenant club, String token) {
    return portalUrl + "/#/c/" + club.slug().value() + "/confirm/" + token;
  }
}
