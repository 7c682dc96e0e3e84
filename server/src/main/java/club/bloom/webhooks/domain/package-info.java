/** Endpoints, event types, secrets and signatures, the address rules; no framework. */
package club.bloom.webhooks.domain;
