/** Vocabulary shared by all contexts: money, problems. No frameworks. */
package club.bloom.shared.domain;
