package club.bloom.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.membership.domain.ConsentHistory.Status;
import club.bloom.membership.domain.ConsentRecord.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConsentHistoryTest {
  private static final UUID MEMBER = UUID.randomUUID();
  private static final Instant T0 = Instant.parse("2026-11-24T03:00:00Z");

  private final ConsentDocument terms1 =
      ConsentDocument.publish(ConsentKind.TERMS, 0, "v1", "a", T0);
  private final ConsentDocument terms2 =
      ConsentDocument.publish(ConsentKind.TERMS, 1, "v2", "a", T0.plusSeconds(60));
  private final ConsentDocument marketing1 =
      ConsentDocument.publish(ConsentKind.MARKETING, 0, "m1", "a", T0);
  private final ConsentDocument marketing2 =
      ConsentDocument.publish(ConsentKind.MARKETING, 1, "m2", "a", T0.plusSeconds(60));
  private final List<ConsentRecord> records = new ArrayList<>();
  private Instant clock = T0.plusSeconds(120);

  private ConsentHistory history(ConsentDocument... current) {
    return new ConsentHistory(MEMBER, List.of(current), records);
  }

  private void answer(Optional<ConsentRecord> record) {
    record.ifPresent(records::add);
    clock = clock.plus(Duration.ofMinutes(1));
  }

  @Test
  void versionsCountUpAndTheTextIsHashed() {
    assertEquals(1, terms1.version());
    assertEquals(2, terms2.version());
    assertEquals(64, terms1.textSha256().length());
    assertFalse(terms1.textSha256().equals(terms2.textSha256()));
  }

  @Test
  void nothingIsRequiredWhileTheClubHasPublishedNoTerms() {
    ConsentHistory h = history();
    assertTrue(h.pending().isEmpty());
    assertEquals(Optional.empty(), h.status(ConsentKind.TERMS));
    h.requireRequiredAccepted();
  }

  @Test
  void unacceptedTermsBlockUntilAcceptedAndTheRecordKeepsVersionTimeAndChannel() {
    assertEquals(Optional.of(terms1), history(terms1).requiredPending());
    assertThrows(ConsentRequired.class, () -> history(terms1).requireRequiredAccepted());

    Optional<ConsentRecord> accepted =
        history(terms1).accept(ConsentKind.TERMS, 1, ConsentChannel.TERMINAL, clock);
    assertTrue(accepted.isPresent());
    ConsentRecord r = accepted.get();
    assertEquals(1, r.version());
    assertEquals(ConsentChannel.TERMINAL, r.channel());
    assertEquals(Action.ACCEPTED, r.action());
    assertEquals(clock, r.recordedAt());
    assertEquals(terms1.textSha256(), r.textSha256());
    answer(accepted);

    history(terms1).requireRequiredAccepted();
    assertEquals(Optional.of(Status.ACCEPTED), history(terms1).status(ConsentKind.TERMS));
  }

  @Test
  void aNewTermsVersionMakesTheMemberAcceptAgain() {
    answer(history(terms1).accept(ConsentKind.TERMS, 1, ConsentChannel.WEB, clock));
    ConsentHistory afterV2 = history(terms2);
    assertEquals(Optional.of(Status.PENDING), afterV2.status(ConsentKind.TERMS));
    assertThrows(ConsentRequired.class, afterV2::requireRequiredAccepted);
    answer(afterV2.accept(ConsentKind.TERMS, 2, ConsentChannel.WEB, clock));
    history(terms2).requireRequiredAccepted();
  }

  @Test
  void acceptingAnOlderOrUnknownVersionIsRefused() {
    ConsentHistory h = history(terms2);
    ConsentOutdated e =
        assertThrows(
            ConsentOutdated.class, () -> h.accept(ConsentKind.TERMS, 1, ConsentChannel.WEB, clock));
    assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    assertThrows(
        ConsentOutdated.class, () -> h.accept(ConsentKind.TERMS, 3, ConsentChannel.WEB, clock));
    assertThrows(
        NoConsentDocument.class,
        () -> h.accept(ConsentKind.MARKETING, 1, ConsentChannel.WEB, clock));
  }

  @Test
  void acceptingTwiceRecordsOnce() {
    answer(history(terms1).accept(ConsentKind.TERMS, 1, ConsentChannel.WEB, clock));
    assertEquals(
        Optional.empty(), history(terms1).accept(ConsentKind.TERMS, 1, ConsentChannel.API, clock));
    assertEquals(1, records.size());
  }

  @Test
  void marketingIsOptionalCanBeWithdrawnAndStaysWithdrawnAcrossVersions() {
    ConsentHistory h = history(terms1, marketing1);
    assertEquals(List.of(terms1, marketing1), h.pending(), "required first");
    answer(h.accept(ConsentKind.TERMS, 1, ConsentChannel.WEB, clock));
    history(terms1, marketing1).requireRequiredAccepted();

    answer(history(terms1, marketing1).accept(ConsentKind.MARKETING, 1, ConsentChannel.WEB, clock));
    assertTrue(history(terms1, marketing1).granted(ConsentKind.MARKETING));

    Optional<ConsentRecord> withdrawn =
        history(terms1, marketing1).withdraw(ConsentKind.MARKETING, ConsentChannel.WEB, clock);
    assertEquals(Action.WITHDRAWN, withdrawn.orElseThrow().action());
    answer(withdrawn);
    assertFalse(history(terms1, marketing1).granted(ConsentKind.MARKETING));
    assertEquals(
        Optional.empty(),
        history(terms1, marketing1).withdraw(ConsentKind.MARKETING, ConsentChannel.WEB, clock),
        "withdrawing twice records nothing");

    ConsentHistory v2 = history(terms1, marketing2);
    assertEquals(Optional.of(Status.WITHDRAWN), v2.status(ConsentKind.MARKETING));
    assertTrue(v2.pending().isEmpty(), "a member who said no is not asked again");
  }

  @Test
  void marketingAcceptedUnderAnOlderTextIsAskedAgainButDoesNotBlock() {
    answer(history(terms1, marketing1).accept(ConsentKind.TERMS, 1, ConsentChannel.WEB, clock));
    answer(history(terms1, marketing1).accept(ConsentKind.MARKETING, 1, ConsentChannel.WEB, clock));
    ConsentHistory v2 = history(terms1, marketing2);
    assertFalse(v2.granted(ConsentKind.MARKETING));
    assertEquals(List.of(marketing2), v2.pending());
    v2.requireRequiredAccepted();
  }

  @Test
  void theTermsCannotBeWithdrawnInTheCabinet() {
    answer(history(terms1).accept(ConsentKind.TERMS, 1, ConsentChannel.WEB, clock));
    assertThrows(
        RequiredConsentNotWithdrawable.class,
        () -> history(terms1).withdraw(ConsentKind.TERMS, ConsentChannel.WEB, clock));
  }
}
