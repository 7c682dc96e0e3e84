/** MicroProfile Health checks: readiness waits for the platform bootstrap and the database. */
package club.bloom.health;
