package club.bloom.shared.infrastructure;

import club.bloom.shared.domain.OutgoingTextMessage;
import club.bloom.shared.domain.TextMessageGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands text messages to the installation's {@link TextMessageGateway} once their transaction has
 * committed (a rolled-back registration sends nothing). Whether a gateway exists is asked with
 * {@link #available()}; without one, callers do not fire messages at all.
 */
@ApplicationScoped
public class TextMessageDispatch {
  private static final Logger LOG = Logger.getLogger(TextMessageDispatch.class.getName());

  @Inject Instance<TextMessageGateway> gateways;

  /** Whether this installation can send text messages. */
  public boolean available() {
    return gateways.isResolvable();
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutgoingTextMessage message) {
    if (!available()) {
      LOG.warning(() -> "no SMS gateway: " + message + " not sent");
      return;
    }
    try {
      gateways.get().send(message);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, e, () -> "could not send " + message);
    }
  }
}
