import { SIDES, type Side } from '../engine/model';
import { t, tx } from '../i18n';
import { DIFFICULTIES } from '../store/session';
import type { Difficulty } from '../store';
import { announce, renderScreen, type MirrorHandle } from '../ui/dom';
import { CSS_COLORS, SIDE_COLORS, SIDE_CSS_COLORS, fontPx } from '../theme';
import { addKeyHint, footerTop } from './widgets/backdrop';
import { Button, clicked } from './widgets/button';
import { Card } from './widgets/card';
import { MenuScene } from './widgets/menuScene';
import { ScrollArea } from './widgets/scrollArea';
import { addHeading, addText } from './widgets/text';

const MARGIN = 80;

/**
 * Tokyo or Seoul (each side's name and goals in the scenario's words), the computer opponent's
 * difficulty, and Start, which starts the game and shows the briefing.
 */
export class SideSelect extends MenuScene {
  private mirror!: MirrorHandle;

  constructor() {
    super('SideSelect');
  }

  create(): void {
    this.begin();
    const { width } = this.scale;
    const { catalog, pick } = this.state;
    const actions = this.actions;
    const entry = catalog.find((e) => e.id === pick.scenarioId);
    if (!entry) {
      // Reached without a scenario (should not happen): back to the list rather than a blank screen.
      actions.go('scenarios');
      return;
    }
    const scenario = entry.scenario;
    const back = clicked(() => actions.go('scenarios'));
    const start = clicked(() => actions.startGame());

    const top = addHeading(this, MARGIN, 36, `${t('side.heading')} · ${tx(scenario.title)}`, width - MARGIN * 2);
    // The two sides, side by side.
    const cardTop = top + 4;
    const cardWidth = (width - MARGIN * 2 - 32) / 2;
    const footerY = footerTop(this);
    const difficultyY = footerY - fontPx(22) * 2 - 64;
    const cardHeight = difficultyY - cardTop - 24;
    const cards = new Map<Side, Card>();
    SIDES.forEach((side, i) => {
      const x = MARGIN + i * (cardWidth + 32);
      const card = new Card(this, this.ring, {
        key: `side:${side}`,
        x,
        y: cardTop,
        width: cardWidth,
        height: cardHeight,
        accent: SIDE_COLORS[side],
        selected: pick.side === side,
        onActivate: () => actions.pickSide(side),
      });
      cards.set(side, card);
      addText(this, x + 24, cardTop + 18, t('side.lead', { name: t(`common.sides.${side}`) }), { size: 30, bold: true, color: SIDE_CSS_COLORS[side] });
      addText(this, x + 24, cardTop + 18 + fontPx(30) + 12, tx(scenario.sides[side].name), { size: 20, color: CSS_COLORS.muted, wrap: cardWidth - 48 });
      const goalsTop = cardTop + 18 + fontPx(30) + fontPx(20) + 36;
      const goals = new ScrollArea(this, x + 24, goalsTop, cardWidth - 40, cardTop + cardHeight - goalsTop - 16);
      goals.add(t('side.goalsHeading'), { size: 18, bold: true, color: CSS_COLORS.gold });
      goals.add(tx(scenario.sides[side].goals), { size: 19, lineSpacing: fontPx(4) }, 4);
    });

    // The computer's difficulty: one choice of three, with what it means.
    addText(this, MARGIN, difficultyY, t('side.opponentLegend'), { size: 20, color: CSS_COLORS.muted });
    const levels = new Map<Difficulty, Button>();
    let x = MARGIN;
    for (const level of DIFFICULTIES) {
      const button = new Button(this, this.ring, {
        key: `difficulty:${level}`,
        x,
        y: difficultyY + fontPx(20) + 14,
        label: t(`common.opponentDifficulty.${level}`),
        selected: pick.difficulty === level,
        onActivate: () => actions.pickDifficulty(level),
      });
      levels.set(level, button);
      x += button.width + 14;
    }
    const hint = addText(this, x + 16, difficultyY + fontPx(20) + 24, t(`side.opponentHints.${pick.difficulty}`), { size: 18, color: CSS_COLORS.muted, wrap: width - x - MARGIN - 16 });

    const startButton = new Button(this, this.ring, { key: 'side:start', x: 0, y: footerY, label: t('side.start'), variant: 'primary', size: 24, disabled: !pick.side, onActivate: () => start() });
    startButton.setPosition(width - MARGIN - startButton.width, footerY);
    new Button(this, this.ring, { key: 'side:back', x: MARGIN, y: footerY, label: t('common.back'), onActivate: () => back() });
    addKeyHint(this, t('keys.list'));

    this.mirror = renderScreen({
      name: 'side',
      onEscape: back,
      items: [
        { kind: 'heading', level: 1, text: t('side.heading') },
        { kind: 'text', text: tx(scenario.title) },
        {
          kind: 'radio',
          key: 'side',
          legend: t('side.sideLegend'),
          value: pick.side,
          options: SIDES.map((side) => ({
            value: side,
            label: t('side.lead', { name: t(`common.sides.${side}`) }),
            description: `${tx(scenario.sides[side].name)}. ${t('side.goals', { goals: tx(scenario.sides[side].goals) })}`,
          })),
          onChange: (side) => actions.pickSide(side as Side),
        },
        {
          kind: 'radio',
          key: 'difficulty',
          legend: t('side.opponentLegend'),
          value: pick.difficulty,
          options: DIFFICULTIES.map((level) => ({ value: level, label: t(`common.opponentDifficulty.${level}`), description: t(`side.opponentHints.${level}`) })),
          onChange: (level) => actions.pickDifficulty(level as Difficulty),
        },
        { kind: 'button', key: 'side:start', label: t('side.start'), disabled: !pick.side, onActivate: start },
        { kind: 'button', key: 'side:back', label: t('common.back'), onActivate: back },
        { kind: 'text', text: t('keys.list') },
      ],
    });

    this.watch(
      (s) => s.pick,
      (p) => {
        for (const [side, card] of cards) card.setSelected(p.side === side);
        for (const [level, button] of levels) button.setSelected(p.difficulty === level);
        hint.setText(t(`side.opponentHints.${p.difficulty}`));
        this.mirror.setRadio('side', p.side);
        this.mirror.setRadio('difficulty', p.difficulty);
        this.mirror.setDisabled('side:start', !p.side);
        startButton.setEnabled(p.side !== null);
        if (p.side) announce(t('side.opponentPlays', { name: t(`common.sides.${p.side === 'tokyo' ? 'seoul' : 'tokyo'}`) }));
      },
    );
    this.ready();
    announce(t('side.heading'));
  }
}
