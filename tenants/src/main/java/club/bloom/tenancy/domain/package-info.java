/** Tenant vocabulary: ids, slugs, schema names, kinds, the registry's aggregate. No frameworks. */
package club.bloom.tenancy.domain;
