/**
 * The debrief's class-report buttons along the bottom left: print the debrief, export the game as
 * JSON, export the meters as CSV. Their type shrinks until the row fits beside the debrief's own
 * buttons, so large text never crowds them.
 */
import type { Scene } from 'phaser';
import { t } from '../../i18n';
import { appStore } from '../../store/app';
import { announce, focusControl, type MirrorItem } from '../../ui/dom';
import { Button } from '../widgets/button';
import type { FocusRing } from '../widgets/focusRing';

const GAP = 12;

/** The report's code loads on first use: most games end without one, and the first screen stays light. */
function withReport(use: (report: typeof import('../../ui/report/actions')) => void): void {
  import('../../ui/report/actions').then(use, (error: unknown) => announce(t('report.announce.failed', { message: error instanceof Error ? error.message : String(error) })));
}

export function addReportButtons(scene: Scene, ring: FocusRing, area: { x: number; y: number; width: number; height: number }): MirrorItem[] {
  const controls = [
    {
      key: 'report:print',
      label: t('report.buttons.print'),
      run: () =>
        withReport((r) => {
          if (r.openPrintableDebrief(appStore.getState(), () => focusControl('report:print'))) announce(t('report.announce.opened'));
        }),
    },
    {
      key: 'report:json',
      label: t('report.buttons.exportJson'),
      run: () =>
        withReport((r) => {
          if (r.downloadGameRecord(appStore.getState())) announce(t('report.announce.json'));
        }),
    },
    {
      key: 'report:csv',
      label: t('report.buttons.exportCsv'),
      run: () =>
        withReport((r) => {
          if (r.downloadMetersCsv(appStore.getState())) announce(t('report.announce.csv'));
        }),
    },
  ];
  let buttons: Button[] = [];
  for (let size = 16; size >= 11; size--) {
    for (const b of buttons) b.destroy();
    buttons = controls.map((c) => new Button(scene, ring, { compact: true, key: c.key, x: area.x, y: area.y, height: area.height, label: c.label, size, padX: 24, onActivate: c.run }));
    const total = buttons.reduce((sum, b) => sum + b.width, 0) + GAP * (buttons.length - 1);
    if (total <= area.width) break;
  }
  let x = area.x;
  for (const b of buttons) {
    b.setPosition(x, area.y + (area.height - b.height) / 2);
    x += b.width + GAP;
  }
  return controls.map((c, i): MirrorItem => ({ kind: 'button', key: c.key, label: c.label, onActivate: buttons[i]!.press }));
}
