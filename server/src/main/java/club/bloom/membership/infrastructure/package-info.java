/**
 * JPA for members, the passport directory, the PD vault (JCA AES-GCM, HMAC) and QR rendering
 * (ZXing).
 */
package club.bloom.membership.infrastructure;
