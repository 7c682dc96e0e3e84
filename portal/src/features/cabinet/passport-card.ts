import type { MemberCabinet } from '../../lib/api';
import { h } from '../../lib/dom';

/**
 * The club passport as shown at a partner's counter: the QR code to scan and the code to dictate.
 * `qrUrl` is an object URL of the server-rendered SVG, or null when it could not be loaded. A member
 * of the Inner Circle (an invitation-only tier) carries its badge.
 */
export function passportCard(cabinet: MemberCabinet, qrUrl: string | null): HTMLElement {
  return h(
    'section',
    { class: 'card passport', attrs: { 'aria-label': 'Клубный паспорт' } },
    h('p', { class: 'passport__club' }, cabinet.clubName),
    cabinet.innerCircle
      ? h(
          'p',
          { class: 'passport__badge', testid: 'inner-circle-badge' },
          cabinet.innerCircle.tier.name,
        )
      : null,
    h(
      'div',
      { class: 'passport__qr' },
      qrUrl
        ? h('img', {
            testid: 'passport-qr',
            attrs: { src: qrUrl, alt: 'QR-код клубного паспорта', width: '220', height: '220' },
          })
        : h('span', { class: 'passport__qr-missing' }, 'QR-код недоступен'),
    ),
    h('p', { class: 'passport__code', testid: 'passport-code' }, cabinet.passportCode),
    h('p', { class: 'passport__hint' }, 'Покажите QR-код или назовите номер паспорта на кассе.'),
  );
}
