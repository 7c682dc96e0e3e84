package club.bloom.communications.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import club.bloom.communications.domain.Channel;
import club.bloom.communications.domain.Payload;
import club.bloom.communications.domain.PayloadSeal.UnreadablePayload;
import club.bloom.shared.domain.OutgoingMail;
import club.bloom.shared.domain.OutgoingTextMessage;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MasterKeyPayloadSealTest {
  private static final String KEY = "ZGV2LW9ubHktbWFzdGVyLWtleS0zMi1ieXRlcyEhISE=";
  private static final String OTHER_KEY = "b3RoZXItbWFzdGVyLWtleS0zMi1ieXRlcy1sb25nISE=";
  private final MasterKeyPayloadSeal seal = new MasterKeyPayloadSeal(KEY);
  private final UUID id = UUID.randomUUID();
  private final Payload mail =
      Payload.of(
          new OutgoingMail(
              "counter-registration", "вера@пример.рф", "Тема", "Ссылка: https://x/1"));

  @Test
  void aMailOpensAsItWasSealed() {
    Payload opened = seal.open(id, Channel.MAIL, "counter-registration", seal.seal(id, mail));
    OutgoingMail m = ((Payload.Mail) opened).mail();
    assertEquals("вера@пример.рф", m.to());
    assertEquals("Тема", m.subject());
    assertEquals("Ссылка: https://x/1", m.text());
    assertEquals("counter-registration", m.kind());
  }

  @Test
  void aTextMessageOpensAsItWasSealed() {
    Payload text =
        Payload.of(new OutgoingTextMessage("counter-registration", "+79990001122", "Hi"));
    Payload opened = seal.open(id, Channel.TEXT, "counter-registration", seal.seal(id, text));
    assertEquals("+79990001122", ((Payload.Text) opened).message().to());
  }

  @Test
  void aWebhookDeliveryOpensAsItWasSealed() {
    UUID id = UUID.randomUUID();
    Payload hook = Payload.webhook(UUID.randomUUID(), UUID.randomUUID(), "purchase.recorded", true);
    Payload opened = seal.open(id, Channel.WEBHOOK, "purchase.recorded", seal.seal(id, hook));
    assertEquals(hook, opened);
  }

  @Test
  void nothingOfThePayloadIsReadableInTheSealedBytes() {
    byte[] sealed = seal.seal(id, mail);
    String bytes = new String(sealed, StandardCharsets.UTF_8);
    assertFalse(bytes.contains("пример"));
    assertFalse(bytes.contains("https://x/1"));
    assertEquals(1, sealed[0], "format version");
  }

  @Test
  void aSealedPayloadDoesNotOpenOnAnotherRowOrUnderAnotherKey() {
    byte[] sealed = seal.seal(id, mail);
    assertThrows(
        UnreadablePayload.class,
        () -> seal.open(UUID.randomUUID(), Channel.MAIL, "counter-registration", sealed));
    assertThrows(
        UnreadablePayload.class, () -> seal.open(id, Channel.MAIL, "redemption-code", sealed));
    assertThrows(
        UnreadablePayload.class,
        () ->
            new MasterKeyPayloadSeal(OTHER_KEY)
                .open(id, Channel.MAIL, "counter-registration", sealed));
    sealed[sealed.length - 1] ^= 1;
    assertThrows(
        UnreadablePayload.class, () -> seal.open(id, Channel.MAIL, "counter-registration", sealed));
  }
}
