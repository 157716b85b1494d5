import { sideView, type MeterView } from '../engine';
import { SIDES, type Meter } from '../engine/model';
import { currentLanguage, formatNumber, formatTurn, t, tx } from '../i18n';
import { fallbackLang } from '../i18n/text';
import { announce, renderScreen, type MirrorItem } from '../ui/dom';
import { CSS_COLORS, SIDE_CSS_COLORS, fontPx } from '../theme';
import { addKeyHint, footerTop } from './widgets/backdrop';
import { Button, clicked } from './widgets/button';
import { MenuScene } from './widgets/menuScene';
import { addPanel } from './widgets/panel';
import { ScrollArea } from './widgets/scrollArea';
import { addHeading, addText } from './widgets/text';

const MARGIN = 60;

/** A meter's value as the human side sees it: exact, a poll's estimate ± margin, or not at all. */
export function meterReading(meter: Meter, view: MeterView | undefined): string {
  const unit = meter.unit ?? '';
  const n = (value: number): string => formatNumber(value, { maximumFractionDigits: 0 });
  if (!view) return t('briefing.meterHidden');
  if (view.seen === 'exact') return t('briefing.meterExact', { value: `${n(view.value)}${unit}` });
  return t('briefing.meterPoll', { estimate: `${n(view.estimate)}${unit}`, margin: n(view.margin) });
}

/**
 * Before the first turn: the situation, the player's goals, their meters as they see them, and the
 * essays the scenario draws on. Begin opens the turn screen.
 */
export class Briefing extends MenuScene {
  constructor() {
    super('Briefing');
  }

  create(): void {
    this.begin();
    const { width } = this.scale;
    const { session, catalog } = this.state;
    const actions = this.actions;
    const scenario = session && catalog.find((e) => e.id === session.scenarioId)?.scenario;
    if (!session || !scenario) {
      actions.go('title');
      return;
    }
    const side = session.human;
    // Hot-seat: both teams read the briefing together, so it shows both sides' goals and only the meters both see exactly.
    const hotseat = session.mode === 'hotseat';
    const view = sideView(scenario, session.state, side);
    const otherView = sideView(scenario, session.state, side === 'tokyo' ? 'seoul' : 'tokyo');
    const sharedView = (id: string): MeterView | undefined => (!hotseat || (view.meters[id]?.seen === 'exact' && otherView.meters[id]?.seen === 'exact') ? view.meters[id] : undefined);
    const goalTexts = hotseat
      ? SIDES.map((s) => ({ heading: t('hotseat.briefing.goals', { side: t(`common.sides.${s}`) }), text: tx(scenario.sides[s].goals), lang: fallbackLang(scenario.sides[s].goals, currentLanguage()) }))
      : [{ heading: t('briefing.goals'), text: tx(scenario.sides[side].goals), lang: fallbackLang(scenario.sides[side].goals, currentLanguage()) }];
    const metersHeading = hotseat ? t('hotseat.briefing.meters') : t('briefing.meters');
    const begin = clicked(() => actions.beginTurn());

    const top = addHeading(this, MARGIN, 30, t('briefing.heading', { title: tx(scenario.title) }), width - MARGIN * 2);
    const subtitle = t(hotseat ? 'hotseat.briefing.teams' : 'briefing.youGovern', {
      name: t(`common.sides.${side}`),
      when: formatTurn(scenario, session.state.turn),
      turns: t('scenarios.length', { count: scenario.turns }),
    });
    const sub = addText(this, MARGIN, top - 8, subtitle, { size: 20, color: hotseat ? CSS_COLORS.text : SIDE_CSS_COLORS[side], wrap: width - MARGIN * 2 });

    const footerY = footerTop(this, 26);
    const boxTop = sub.y + sub.height + 12;
    const boxHeight = footerY - boxTop - 20;
    const leftWidth = Math.round((width - MARGIN * 2) * 0.56);
    const rightX = MARGIN + leftWidth + 24;
    const rightWidth = width - MARGIN - rightX;

    // Left: the situation and the goals.
    addPanel(this, MARGIN, boxTop, leftWidth, boxHeight);
    const situation = new ScrollArea(this, MARGIN + 22, boxTop + 18, leftWidth - 36, boxHeight - 36, this.ring, 'briefing:situation');
    const story = tx(scenario.briefing ?? scenario.summary);
    // An instructor's English-only text in a Japanese or Korean interface is marked English for screen readers.
    const storyLang = fallbackLang(scenario.briefing ?? scenario.summary, currentLanguage());
    situation.add(t('briefing.situation'), { size: 22, bold: true, color: CSS_COLORS.gold });
    for (const paragraph of paragraphs(story)) situation.add(paragraph, { size: 20, lineSpacing: fontPx(5) }, 10);
    for (const goals of goalTexts) {
      situation.add(goals.heading, { size: 22, bold: true, color: CSS_COLORS.gold }, 22);
      situation.add(goals.text, { size: 20, lineSpacing: fontPx(5) }, 8);
    }

    // Right: the meters as this side sees them, then the essays.
    addPanel(this, rightX, boxTop, rightWidth, boxHeight);
    const details = new ScrollArea(this, rightX + 22, boxTop + 18, rightWidth - 36, boxHeight - 36, this.ring, 'briefing:details');
    details.add(metersHeading, { size: 22, bold: true, color: CSS_COLORS.gold });
    const meterLines: string[] = [];
    for (const meter of scenario.meters) {
      const reading = hotseat && !sharedView(meter.id) ? t('hotseat.briefing.meterPrivate') : meterReading(meter, view.meters[meter.id]);
      const line = t('briefing.meterLine', { label: tx(meter.label), reading });
      meterLines.push(meter.description ? t('briefing.meterLineDescribed', { line, description: tx(meter.description) }) : line);
      details.add(line, { size: 19, bold: true, color: sharedView(meter.id) ? CSS_COLORS.text : CSS_COLORS.muted }, 12);
      if (meter.description) details.add(tx(meter.description), { size: 17, color: CSS_COLORS.muted, lineSpacing: fontPx(3) }, 2);
    }
    const sources = scenario.sources.map((s) => t('briefing.source', { author: s.author, title: s.title, year: s.year }));
    if (sources.length) {
      details.add(t('briefing.sources'), { size: 22, bold: true, color: CSS_COLORS.gold }, 24);
      for (const source of sources) details.add(`• ${source}`, { size: 17 }, 8);
    }

    const beginButton = new Button(this, this.ring, { key: 'briefing:begin', x: 0, y: footerY, label: t('briefing.begin'), variant: 'primary', size: 26, onActivate: () => begin() });
    beginButton.setPosition(width - MARGIN - beginButton.width, footerY);
    // The game's menu (settings, export, quit, the instructor panel), as on the turn screen.
    const menu = clicked(() => actions.openSettings());
    new Button(this, this.ring, { key: 'menu', x: MARGIN, y: footerY, label: t('play.turn.menu'), size: 22, onActivate: () => menu() });
    addKeyHint(this, t('keys.scroll'));

    const items: MirrorItem[] = [
      { kind: 'heading', level: 1, text: t('briefing.heading', { title: tx(scenario.title) }) },
      { kind: 'text', text: subtitle },
      {
        kind: 'scroll',
        key: 'briefing:situation',
        label: t('briefing.situation'),
        onScroll: (step) => situation.step(step),
        children: [
          { kind: 'heading', text: t('briefing.situation') },
          ...paragraphs(story).map((text) => ({ kind: 'text' as const, text, lang: storyLang })),
          ...goalTexts.flatMap((goals): MirrorItem[] => [
            { kind: 'heading', text: goals.heading },
            { kind: 'text', text: goals.text, lang: goals.lang },
          ]),
        ],
      },
      {
        kind: 'scroll',
        key: 'briefing:details',
        label: t('briefing.detailsRegion'),
        onScroll: (step) => details.step(step),
        children: [
          { kind: 'list', label: metersHeading, items: meterLines },
          ...(sources.length ? [{ kind: 'list' as const, label: t('briefing.sources'), items: sources }] : []),
        ],
      },
      { kind: 'button', key: 'briefing:begin', label: t('briefing.begin'), onActivate: begin },
      { kind: 'button', key: 'menu', label: t('play.turn.menu'), onActivate: menu },
      { kind: 'text', text: t('keys.scroll') },
    ];
    renderScreen({ name: 'briefing', items });
    this.ready();
    announce(t('briefing.heading', { title: tx(scenario.title) }));
  }
}

/**
 * Splits text at blank lines; single line breaks inside a paragraph are joined (with a space, except
 * in Japanese, which has none between words) so the paragraph rewraps to its box.
 */
function paragraphs(text: string): string[] {
  const join = currentLanguage() === 'ja' ? '' : ' ';
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, join).trim())
    .filter(Boolean);
}
