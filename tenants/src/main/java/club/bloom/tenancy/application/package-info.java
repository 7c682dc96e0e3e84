/** Provisioning use cases: idempotent, resumable steps that bring a tenant to ACTIVE. */
package club.bloom.tenancy.application;
