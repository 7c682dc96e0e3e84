/** The caller model, API keys and roles. No frameworks beyond JPA mapping. */
package club.bloom.access.domain;
