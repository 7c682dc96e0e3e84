package club.bloom.membership.api;

import club.bloom.membership.domain.ConsentDocument;
import club.bloom.membership.domain.ConsentHistory;
import club.bloom.membership.domain.ConsentKind;
import club.bloom.membership.domain.ConsentRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The contract's consent schemas. */
public final class ConsentDtos {
  private ConsentDtos() {}

  /** The contract's {@code ConsentDocument}. */
  public record ConsentDocumentDto(
      String kind,
      int version,
      boolean required,
      String text,
      String textSha256,
      String publishedAt) {
    public static ConsentDocumentDto of(ConsentDocument d) {
      return new ConsentDocumentDto(
          d.kind().code(),
          d.version(),
          d.kind().required(),
          d.text(),
          d.textSha256(),
          d.publishedAt().toString());
    }
  }

  /** The contract's {@code MemberConsentStatus}. */
  public record ConsentStatusDto(String kind, String status, ConsentDocumentDto current) {}

  /** The contract's {@code ConsentRecord}. */
  public record ConsentRecordDto(
      String kind,
      int version,
      String action,
      String channel,
      String recordedAt,
      String textSha256) {
    static ConsentRecordDto of(ConsentRecord r) {
      return new ConsentRecordDto(
          r.kind().code(),
          r.version(),
          r.action().name().toLowerCase(Locale.ROOT),
          r.channel().code(),
          r.recordedAt().toString(),
          r.textSha256());
    }
  }

  /** The contract's {@code MemberConsents}. */
  public record MemberConsentsDto(List<ConsentStatusDto> consents, List<ConsentRecordDto> records) {
    static MemberConsentsDto of(ConsentHistory history) {
      List<ConsentStatusDto> statuses = new ArrayList<>();
      for (ConsentKind kind : ConsentKind.values()) {
        history
            .status(kind)
            .ifPresent(
                s ->
                    statuses.add(
                        new ConsentStatusDto(
                            kind.code(),
                            s.name().toLowerCase(Locale.ROOT),
                            ConsentDocumentDto.of(history.current(kind).orElseThrow()))));
      }
      return new MemberConsentsDto(
          statuses, history.records().stream().map(ConsentRecordDto::of).toList());
    }
  }

  /** The contract's {@code ConsentAnswer}. */
  public record ConsentAnswerDto(String kind, Integer version, String action, String channel) {}

  /** The contract's {@code ConsentPublication}. */
  public record ConsentPublicationDto(String kind, String text) {}
}
