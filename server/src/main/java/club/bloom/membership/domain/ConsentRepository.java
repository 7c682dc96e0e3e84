package club.bloom.membership.domain;

import club.bloom.tenancy.domain.SchemaName;
import java.util.List;
import java.util.UUID;

/** The club's consent texts and its members' consent records (club schema). */
public interface ConsentRepository {
  /** Every published version, newest first. */
  List<ConsentDocument> documents(SchemaName club);

  /** The current (highest) version of each kind. */
  List<ConsentDocument> current(SchemaName club);

  /** The highest version of a kind, 0 when none was published; locks the kind against a race. */
  int lastVersion(SchemaName club, ConsentKind kind);

  void publish(SchemaName club, ConsentDocument document);

  List<ConsentRecord> recordsOf(SchemaName club, UUID memberId);

  void append(SchemaName club, ConsentRecord record);
}
