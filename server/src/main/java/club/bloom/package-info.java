/**
 * Bloom: the Jakarta EE application. Packages are bounded contexts (ARCHITECTURE.md §4), each split
 * into {@code domain} (no frameworks beyond JPA mapping), {@code application} (use cases,
 * transactional boundary), {@code infrastructure} (persistence, crypto, external systems) and
 * {@code api} (thin JAX-RS resources). ArchUnit tests in {@code club.bloom.ArchitectureTest} keep
 * that shape.
 */
package club.bloom;
