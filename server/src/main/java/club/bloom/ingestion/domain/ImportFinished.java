package club.bloom.ingestion.domain;

import club.bloom.tenancy.domain.TenantId;
import java.util.UUID;

/**
 * A partner's CSV import finished: every row was applied or rejected. Fired inside the transaction
 * that marks the import finished (observe it {@code during = IN_PROGRESS} to write in that
 * transaction, e.g. an outbox row for the partner's webhooks).
 */
public record ImportFinished(
    TenantId partner, UUID importId, int rows, int accepted, int rejected) {}
