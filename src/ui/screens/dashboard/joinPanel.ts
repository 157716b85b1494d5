/**
 * How teams join the class, for the projector: the class code in large type, the join page's link
 * and its QR code; and, once only after the class was made, the instructor key to write down.
 */
import { showSeatKey } from '../../../class/protocol';
import { t } from '../../../i18n';
import { announce } from '../../announce';
import { classJoinLink } from '../../class/classApi';
import { newKeyNoted, newKeyOf } from '../../class/newClass';
import { button, el } from '../../kit';

/** The key's panel (while it is still to be noted), then how teams join. */
export function joinPanels(code: string, onNoted: () => void): HTMLElement[] {
  const link = classJoinLink(code);
  const qr = el('img', { class: 'dash-qr' });
  qr.alt = t('instructorClass.join.qr', { code });
  qr.width = qr.height = 148;
  // The QR code's library loads on first use, as on the class game's screen.
  void import('qrcode').then(({ toDataURL }) => toDataURL(link, { margin: 1, width: 296 }).then((url) => (qr.src = url)));
  const anchor = el('a', { text: link });
  anchor.href = link;
  anchor.target = '_blank';
  anchor.rel = 'noopener';
  const key = newKeyOf(code);
  // First: the key must be written down before anything else scrolls it away.
  const keyPanel = key
    ? el(
        'section',
        { class: 'panel dash-key', aria: { label: t('instructorClass.key.heading') } },
        el('h2', { text: t('instructorClass.key.heading') }),
        el('p', { class: 'dash-key-value', text: showSeatKey(key) }),
        el('p', { text: t('instructorClass.key.writeDown') }),
        el('p', { class: 'muted', text: t('instructorClass.key.remembered') }),
        button({
          label: t('instructorClass.key.noted'),
          key: 'dash:key-noted',
          onPress: () => {
            newKeyNoted();
            announce(t('instructorClass.key.hidden'));
            onNoted();
          },
        }),
      )
    : null;
  const joinSection = el(
    'section',
    { class: 'panel dash-join', aria: { label: t('instructorClass.join.heading') } },
    el(
      'div',
      { class: 'dash-join-text' },
      el('h2', { text: t('instructorClass.join.heading') }),
      el('p', { class: 'dash-code', text: code, aria: { label: t('instructorClass.join.codeSpoken', { code: [...code].join(' ') }) } }),
      el('p', { class: 'dash-link' }, anchor),
      el('p', { class: 'setup-intro', text: t('instructorClass.join.how') }),
    ),
    qr,
  );
  return keyPanel ? [keyPanel, joinSection] : [joinSection];
}
