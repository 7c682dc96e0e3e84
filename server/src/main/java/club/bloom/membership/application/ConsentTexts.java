package club.bloom.membership.application;

import club.bloom.access.domain.Caller;
import club.bloom.membership.domain.ConsentDocument;
import club.bloom.membership.domain.ConsentKind;
import club.bloom.membership.domain.ConsentRepository;
import club.bloom.tenancy.domain.IdentityDirectory;
import club.bloom.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * The club's consent texts, published by club staff. Each publication is a new version; a new
 * version of the terms makes every member accept again before using the cabinet ({@link
 * MemberConsents}). The terms' text is also set in the club's Keycloak realm, which shows it at
 * self-registration (the realm's required "terms and conditions" step).
 */
@ApplicationScoped
public class ConsentTexts {
  /** The locales of the club realm's login pages (see the realm template). */
  static final List<String> REALM_LOCALES = List.of("ru", "en");

  @Inject ConsentRepository consents;
  @Inject IdentityDirectory identities;
  @Inject Clock clock;

  /**
   * Publishes the next version of a kind. The realm's terms text is updated in the same
   * transaction's scope: if Keycloak refuses, nothing is published.
   */
  @Transactional
  public ConsentDocument publish(Tenant club, Caller staff, ConsentKind kind, String text) {
    int last = consents.lastVersion(club.schema(), kind);
    ConsentDocument document =
        ConsentDocument.publish(kind, last, text, staff.subject(), clock.instant());
    consents.publish(club.schema(), document);
    if (kind == ConsentKind.TERMS) {
      club.realm().ifPresent(realm -> identities.setTermsText(realm, REALM_LOCALES, text));
    }
    return document;
  }

  /**
   * The current version of each kind, for anyone (the texts are public): a person confirming a
   * counter registration reads the terms before she has a member profile.
   */
  @Transactional
  public List<ConsentDocument> current(Tenant club) {
    return consents.current(club.schema());
  }

  /** Every published version, newest first. */
  @Transactional
  public List<ConsentDocument> all(Tenant club) {
    return consents.documents(club.schema());
  }
}
