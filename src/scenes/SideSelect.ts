import { SIDES, type Side } from '../engine/model';
import { t, tx } from '../i18n';
import { DIFFICULTIES, MODES } from '../store/session';
import type { Difficulty, Mode } from '../store';
import { announce, renderScreen, type MirrorHandle, type MirrorItem } from '../ui/dom';
import { CSS_COLORS, SIDE_COLORS, SIDE_CSS_COLORS, fontPx } from '../theme';
import { addPanel } from './widgets/panel';
import { addKeyHint, footerTop } from './widgets/backdrop';
import { Button, clicked } from './widgets/button';
import { Card } from './widgets/card';
import { MenuScene } from './widgets/menuScene';
import { ScrollArea } from './widgets/scrollArea';
import { addHeading, addText } from './widgets/text';

const MARGIN = 80;

/**
 * How to play: against the computer (Tokyo or Seoul, each side's name and goals in the scenario's
 * words, the computer opponent's difficulty, and Start, which starts the game and shows the
 * briefing) or two teams on this screen (both sides' goals, and Continue to the class setup).
 */
export class SideSelect extends MenuScene {
  private mirror!: MirrorHandle;
  private startButton!: Button;

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
    const hotseat = pick.mode === 'hotseat';
    const start = clicked(() => (hotseat ? actions.go('classSetup') : actions.startGame()));

    const top = addHeading(this, MARGIN, 36, `${t('side.heading')} · ${tx(scenario.title)}`, width - MARGIN * 2);
    // How to play: against the computer, or two teams taking turns at this screen.
    const modes = new Map<Mode, Button>();
    let modeX = MARGIN;
    for (const mode of MODES) {
      const button = new Button(this, this.ring, { key: `mode:${mode}`, x: modeX, y: top, label: t(`hotseat.mode.${mode}`), size: 20, selected: pick.mode === mode, onActivate: () => actions.pickMode(mode) });
      modes.set(mode, button);
      modeX += button.width + 14;
    }
    const modeHeight = modes.get('solo')!.height;
    // What the mode means, beside the buttons when there is room (large text or long words leave it to
    // the DOM twin's description and to the lines under the cards, which say it too).
    const room = width - MARGIN - modeX - 8;
    const modeHint = room >= 300 ? addText(this, modeX + 8, top + modeHeight / 2, t(`hotseat.mode.${pick.mode}Hint`), { size: 16, color: CSS_COLORS.muted, wrap: room }).setOrigin(0, 0.5) : null;
    // The two sides, side by side.
    const cardTop = top + Math.max(modeHeight, modeHint?.height ?? 0) + 18;
    const cardWidth = (width - MARGIN * 2 - 32) / 2;
    const footerY = footerTop(this);
    // Hot-seat: the turn order under the cards, in the room the difficulty takes against the computer.
    const order = hotseat ? addText(this, MARGIN, 0, t('hotseat.teams.order'), { size: 20, color: CSS_COLORS.text, wrap: width - MARGIN * 2, lineSpacing: fontPx(4) }) : null;
    order?.setY(footerY - order.height - 18);
    const difficultyY = order ? order.y : footerY - fontPx(22) * 2 - 64;
    const cardHeight = difficultyY - cardTop - 24;
    const cards = new Map<Side, Card>();
    SIDES.forEach((side, i) => {
      const x = MARGIN + i * (cardWidth + 32);
      if (hotseat) {
        // Both teams play: each side's goals, to read, nothing to choose.
        addPanel(this, x, cardTop, cardWidth, cardHeight, SIDE_COLORS[side]);
      } else {
        cards.set(side, this.sideCard(side, x, cardTop, cardWidth, cardHeight));
      }
      addText(this, x + 24, cardTop + 18, hotseat ? t('hotseat.team', { side: t(`common.sides.${side}`) }) : t('side.lead', { name: t(`common.sides.${side}`) }), { size: 30, bold: true, color: SIDE_CSS_COLORS[side] });
      addText(this, x + 24, cardTop + 18 + fontPx(30) + 12, tx(scenario.sides[side].name), { size: 20, color: CSS_COLORS.muted, wrap: cardWidth - 48 });
      const goalsTop = cardTop + 18 + fontPx(30) + fontPx(20) + 36;
      const goalsHeight = cardTop + cardHeight - goalsTop - 16;
      const goals = new ScrollArea(this, x + 24, goalsTop, cardWidth - 40, goalsHeight);
      // A short card (large text, a long title) gives its few lines to the goals themselves, not to their heading.
      const roomy = goalsHeight >= fontPx(18) * 1.5 + fontPx(19) * 1.5 * 3;
      if (roomy) goals.add(t('side.goalsHeading'), { size: 18, bold: true, color: CSS_COLORS.gold });
      goals.add(tx(scenario.sides[side].goals), { size: 19, lineSpacing: fontPx(4) }, 4);
    });
    const footer = (): void => {
      const startButton = new Button(this, this.ring, { key: 'side:start', x: 0, y: footerY, label: hotseat ? t('hotseat.teams.next') : t('side.start'), variant: 'primary', size: 24, disabled: !hotseat && !pick.side, onActivate: () => start() });
      startButton.setPosition(width - MARGIN - startButton.width, footerY);
      new Button(this, this.ring, { key: 'side:back', x: MARGIN, y: footerY, label: t('common.back'), onActivate: () => back() });
      addKeyHint(this, t('keys.list'));
      this.startButton = startButton;
    };
    const modeItem: MirrorItem = {
      kind: 'radio',
      key: 'mode',
      legend: t('hotseat.mode.legend'),
      value: pick.mode,
      options: MODES.map((mode) => ({ value: mode, label: t(`hotseat.mode.${mode}`), description: t(`hotseat.mode.${mode}Hint`) })),
      onChange: (mode) => actions.pickMode(mode as Mode),
    };
    // A change of mode changes the whole screen: draw it again (focus stays on the mode choice).
    this.watch(
      (s) => s.pick.mode,
      () => this.redraw(),
    );

    if (hotseat) {
      footer();
      renderScreen({
        name: 'side',
        onEscape: back,
        items: [
          { kind: 'heading', level: 1, text: t('side.heading') },
          { kind: 'text', text: tx(scenario.title) },
          modeItem,
          {
            kind: 'list',
            label: t('hotseat.teams.heading'),
            items: SIDES.map((side) =>
              t('common.labelled', { label: t('hotseat.team', { side: t(`common.sides.${side}`) }), text: t('common.sentences', { first: tx(scenario.sides[side].name), second: t('side.goals', { goals: tx(scenario.sides[side].goals) }) }) }),
            ),
          },
          { kind: 'text', text: t('hotseat.teams.order') },
          { kind: 'button', key: 'side:start', label: t('hotseat.teams.next'), onActivate: start },
          { kind: 'button', key: 'side:back', label: t('common.back'), onActivate: back },
          { kind: 'text', text: t('keys.list') },
        ],
      });
      this.ready();
      announce(`${t('side.heading')}. ${t('hotseat.mode.chosenHotseat')}`);
      return;
    }
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

    footer();

    this.mirror = renderScreen({
      name: 'side',
      onEscape: back,
      // Against the computer, the side is what is chosen here; the way to play is one Shift+Tab above.
      initialFocus: `side:${pick.side ?? 'tokyo'}`,
      items: [
        { kind: 'heading', level: 1, text: t('side.heading') },
        { kind: 'text', text: tx(scenario.title) },
        modeItem,
        {
          kind: 'radio',
          key: 'side',
          legend: t('side.sideLegend'),
          value: pick.side,
          options: SIDES.map((side) => ({
            value: side,
            label: t('side.lead', { name: t(`common.sides.${side}`) }),
            description: t('common.sentences', { first: tx(scenario.sides[side].name), second: t('side.goals', { goals: tx(scenario.sides[side].goals) }) }),
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
        this.startButton.setEnabled(p.side !== null);
        if (p.side) announce(t('side.opponentPlays', { name: t(`common.sides.${p.side === 'tokyo' ? 'seoul' : 'tokyo'}`) }));
      },
    );
    this.ready();
    announce(t('side.heading'));
  }

  /** A side to choose against the computer: the twin of the side radio's option. */
  private sideCard(side: Side, x: number, y: number, width: number, height: number): Card {
    const actions = this.actions;
    return new Card(this, this.ring, {
      key: `side:${side}`,
      x,
      y,
      width,
      height,
      accent: SIDE_COLORS[side],
      selected: this.state.pick.side === side,
      onActivate: () => actions.pickSide(side),
    });
  }
}
