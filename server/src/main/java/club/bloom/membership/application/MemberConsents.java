package club.bloom.membership.application;

import club.bloom.access.domain.Caller;
import club.bloom.membership.application.SignedInMember.Membership;
import club.bloom.membership.domain.ConsentChannel;
import club.bloom.membership.domain.ConsentHistory;
import club.bloom.membership.domain.ConsentKind;
import club.bloom.membership.domain.ConsentRecord;
import club.bloom.membership.domain.ConsentRepository;
import club.bloom.membership.domain.ConsentRequired;
import club.bloom.tenancy.domain.SchemaName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * A member's consents: where they stand against the club's current texts, accepting a version and
 * withdrawing marketing (each answer appended as a record), and the gate that refuses the cabinet's
 * actions while the current terms are not accepted.
 */
@ApplicationScoped
public class MemberConsents {
  @Inject SignedInMember signedIn;
  @Inject ConsentRepository consents;
  @Inject Clock clock;

  /** The signed-in member's consents. */
  @Transactional
  public ConsentHistory history(Caller caller) {
    Membership m = signedIn.of(caller);
    return historyOf(m.club().schema(), m.member().id());
  }

  /** Accepts (or, for optional texts, withdraws) a text; answers already given record nothing. */
  @Transactional
  public ConsentHistory answer(Caller caller, Answer answer) {
    Membership m = signedIn.of(caller);
    SchemaName schema = m.club().schema();
    ConsentHistory history = historyOf(schema, m.member().id());
    Optional<ConsentRecord> record =
        answer.accept()
            ? history.accept(answer.kind(), answer.version(), answer.channel(), clock.instant())
            : history.withdraw(answer.kind(), answer.channel(), clock.instant());
    if (record.isEmpty()) {
      return history;
    }
    consents.append(schema, record.get());
    return historyOf(schema, m.member().id());
  }

  /**
   * Refuses with 403 {@code consent-required} while the member has not accepted the current version
   * of a required text. To be called inside the action's transaction.
   *
   * @throws ConsentRequired the terms are pending
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void requireAccepted(SchemaName club, UUID memberId) {
    historyOf(club, memberId).requireRequiredAccepted();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public ConsentHistory historyOf(SchemaName club, UUID memberId) {
    return new ConsentHistory(memberId, consents.current(club), consents.recordsOf(club, memberId));
  }

  /**
   * Command: accept version {@code version} of a kind, or withdraw it ({@code accept} false;
   * version is then not needed).
   */
  public record Answer(ConsentKind kind, int version, boolean accept, ConsentChannel channel) {}
}
