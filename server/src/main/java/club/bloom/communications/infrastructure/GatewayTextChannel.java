package club.bloom.communications.infrastructure;

import club.bloom.communications.domain.Channel;
import club.bloom.communications.domain.Delivery;
import club.bloom.communications.domain.DeliveryChannel;
import club.bloom.communications.domain.Payload;
import club.bloom.shared.domain.TextMessageGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Text messages through the installation's {@link TextMessageGateway}, if it has one (Bloom ships
 * none; ADR 0023). A gateway's exception is retried: its message is not kept (it may quote the
 * number), only its class.
 */
@ApplicationScoped
public class GatewayTextChannel implements DeliveryChannel {
  @Inject Instance<TextMessageGateway> gateways;

  @Override
  public Channel channel() {
    return Channel.TEXT;
  }

  @Override
  public Delivery deliver(UUID messageId, Payload payload) {
    if (!gateways.isResolvable()) {
      return Delivery.transientFailure("no SMS gateway in this installation");
    }
    try {
      gateways.get().send(messageId, ((Payload.Text) payload).message());
      return Delivery.delivered();
    } catch (RuntimeException e) {
      return Delivery.transientFailure(e.getClass().getName());
    }
  }
}
