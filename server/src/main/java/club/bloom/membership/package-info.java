/**
 * Membership: members, their club passports and their personal data (PD vault). Personal fields
 * live only in the club's schema, sealed with AES-256-GCM under the club's data key; look-ups by
 * phone and e-mail use keyed blind indexes. Partners never receive personal fields.
 */
package club.bloom.membership;
