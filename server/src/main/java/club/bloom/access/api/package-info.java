/** The caller as resources see it, and problem+json answers for missing roles/scopes. */
package club.bloom.access.api;
