/**
 * The resolution of a turn: "How Tokyo saw it / How Seoul saw it" side by side, the player's own
 * column first and outlined in gold. Each column lists the meters over the turn, every change with
 * its cause, argument and essay, and what the other side did; each scrolls by wheel or keyboard.
 */
import { saveProblemText, t } from '../../i18n';
import { SIDES } from '../../engine/model';
import { CSS_COLORS, SIDE_COLORS, SIDE_CSS_COLORS, UI_COLORS } from '../../theme';
import { announce, renderScreen, type MirrorItem } from '../../ui/dom';
import { resolutionLines, type Line, type LineStyle } from '../../ui/play/resolutionText';
import { endingModel, explainChanges, sideName } from '../../ui/present';
import type { TextOptions } from '../widgets/text';
import { MenuScene } from '../widgets/menuScene';
import { addPanel } from '../widgets/panel';
import { ScrollArea } from '../widgets/scrollArea';
import { addText } from '../widgets/text';
import { gameStates, playContext } from '../../ui/play/context';
import { Button } from '../widgets/button';

const STYLES: Record<LineStyle, { options: TextOptions; gap: number }> = {
  heading: { options: { size: 17, bold: true, color: CSS_COLORS.gold }, gap: 16 },
  cause: { options: { size: 14, bold: true }, gap: 12 },
  change: { options: { size: 14 }, gap: 2 },
  perceived: { options: { size: 13, italic: true, color: '#cfe3ff' }, gap: 3 },
  explain: { options: { size: 13, color: CSS_COLORS.muted }, gap: 3 },
  source: { options: { size: 12, italic: true, color: CSS_COLORS.muted }, gap: 2 },
  plain: { options: { size: 14 }, gap: 3 },
  muted: { options: { size: 13, color: CSS_COLORS.muted }, gap: 3 },
};

const TOP = 100;
const BOTTOM = 636;

export class Resolution extends MenuScene {
  constructor() {
    super('Resolution');
  }

  create(): void {
    this.begin();
    const ctx = playContext(this.state);
    const report = ctx?.session.reports[ctx.session.reports.length - 1];
    if (!ctx || !report) {
      renderScreen({ name: 'Resolution', items: [{ kind: 'heading', level: 1, text: t('play.resolution.heading', { turn: 0 }) }] });
      this.ready();
      return;
    }
    const { scenario, session, language, human, other } = ctx;
    const states = gameStates(ctx);
    const n = session.reports.length;
    const around = states.length > n ? { before: states[n - 1]!, after: states[n]! } : undefined;
    const ended = endingModel(scenario, session.state, language);

    const heading = t('play.resolution.heading', { turn: report.turn });
    const headingText = addText(this, 16, 12, heading, { size: 26, bold: true, color: CSS_COLORS.gold });
    if (ended) addText(this, 16, 52, t('play.resolution.ended', { title: ended.title }), { size: 17, bold: true, color: CSS_COLORS.text, wrap: 1000 });

    // A save that failed (a full storage) is said here, where the player is, not only on the title.
    const notice = this.state.notice ? saveProblemText(this.state.notice.problem) : undefined;
    if (notice) addText(this, 660, 10, notice, { size: 13, bold: true, color: '#f0a38f', wrap: 604 });

    // Hot-seat: shown to both teams together, Tokyo's account then Seoul's, each as that side saw it.
    const hotseat = session.mode === 'hotseat';
    if (hotseat) addText(this, 16 + headingText.width + 20, 12 + headingText.height / 2, t('hotseat.resolution.both'), { size: 15, color: CSS_COLORS.muted }).setOrigin(0, 0.5);
    const columns = (hotseat ? SIDES : [human, other]).map((side, i) => {
      const x = 16 + i * 636;
      const width = 612;
      const mine = !hotseat && side === human;
      addPanel(this, x, TOP - 14, width, BOTTOM - TOP + 24, hotseat ? SIDE_COLORS[side] : mine ? UI_COLORS.primary : UI_COLORS.panelEdge);
      const label = t(mine ? 'play.resolution.sawItYou' : 'play.resolution.sawIt', { side: sideName(scenario, side, language) });
      const heading = addText(this, x + 16, TOP - 4, label, { size: 18, bold: true, color: SIDE_CSS_COLORS[side] });
      const key = `scroll:${side}`;
      // Below the heading, however large the text setting makes it.
      const areaTop = Math.max(TOP + 28, Math.ceil(heading.y + heading.height + 8));
      const area = new ScrollArea(this, x + 16, areaTop, width - 24, BOTTOM - areaTop - 4, this.ring, key);
      const lines = resolutionLines(explainChanges(scenario, report, side, language, around, hotseat ? side : human), scenario, language);
      lines.forEach((line, k) => area.add(line.text, STYLES[line.style].options, k === 0 ? 0 : STYLES[line.style].gap));
      return { side, label, key, area, lines };
    });

    const cont = () => this.actions.nextTurn();
    const contLabel = ended ? t('play.resolution.toDebrief') : t('play.resolution.continue');
    new Button(this, this.ring, { compact: true, key: 'continue', x: 1280 - 16 - 260, y: 650, width: 260, height: 50, label: contLabel, variant: 'primary', size: 20, onActivate: cont });
    addText(this, 16, 664, t('play.resolution.keys'), { size: 13, color: CSS_COLORS.muted, wrap: 900 });

    const toItem = (line: Line): MirrorItem => (line.style === 'heading' ? { kind: 'heading', level: 3, text: line.text } : { kind: 'text', text: line.text });
    renderScreen({
      name: 'Resolution',
      items: [
        { kind: 'heading', level: 1, text: heading },
        ...(hotseat ? [{ kind: 'text', text: t('hotseat.resolution.both') } as MirrorItem] : []),
        ...(notice ? [{ kind: 'text', role: 'alert', text: notice } as MirrorItem] : []),
        ...(ended ? [{ kind: 'text', role: 'alert', text: t('play.resolution.ended', { title: ended.title }) } as MirrorItem] : []),
        ...columns.map((c): MirrorItem => ({ kind: 'scroll', key: c.key, label: c.label, children: [{ kind: 'heading', level: 2, text: c.label }, ...c.lines.map(toItem)], onScroll: (step) => c.area.step(step) })),
        { kind: 'button', key: 'continue', label: contLabel, onActivate: cont },
      ],
    });

    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      const target = event.target;
      // A focused button handles its own Enter; anywhere else Enter continues.
      if (target instanceof HTMLButtonElement || target instanceof HTMLInputElement) return;
      cont();
    };
    document.addEventListener('keydown', onKey);
    this.events.once('shutdown', () => document.removeEventListener('keydown', onKey));

    const mine = columns[0]!.lines.filter((l) => l.style === 'plain').slice(0, 8).map((l) => l.text);
    announce([t('play.resolution.announce', { turn: report.turn, summary: mine.join(' ') }), ended ? t('play.resolution.ended', { title: ended.title }) : ''].filter(Boolean).join(' '));
    this.ready();
  }
}
