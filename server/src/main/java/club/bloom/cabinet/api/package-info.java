/**
 * {@code /me} (the member cabinet, with the passport's QR and TOTP and the one-time code that
 * confirms paying with points, which membership issues), {@code GET /members/lookup} (a cashier at
 * the counter) and {@code GET /clubs/{club}/members/{member}} (club staff).
 */
package club.bloom.cabinet.api;
