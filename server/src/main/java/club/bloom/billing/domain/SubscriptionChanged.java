package club.bloom.billing.domain;

import club.bloom.tenancy.domain.TenantId;

/** Event: a tenant's plan or overrides changed (fired within the transaction that changed them). */
public record SubscriptionChanged(TenantId tenant) {}
