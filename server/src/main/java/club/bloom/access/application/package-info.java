/** Use cases of access: authenticate a bearer credential, issue API keys. */
package club.bloom.access.application;
