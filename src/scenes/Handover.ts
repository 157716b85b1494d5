import type { GameObjects } from 'phaser';
import { SIDES } from '../engine/model';
import { formatTurn, t } from '../i18n';
import { otherSide } from '../store/session';
import { announce, renderScreen } from '../ui/dom';
import { CSS_COLORS, SIDE_COLORS, SIDE_CSS_COLORS, UI_COLORS, fontPx } from '../theme';
import { addKeyHint } from './widgets/backdrop';
import { Button, clicked } from './widgets/button';
import { MenuScene } from './widgets/menuScene';
import { addText } from './widgets/text';

/**
 * Hot-seat: between two teams' turns, a screen that shows nothing of either side's meters or
 * choices. It names the team to take the controls (in its colour), the turn and date, and whether
 * the other team's choices are sealed; the team's press (Enter, Space or the big button) reveals
 * its turn. The same screen starts every turn, so the room always knows whose turn it is.
 */
export class Handover extends MenuScene {
  constructor() {
    super('Handover');
  }

  create(): void {
    this.begin();
    const { width, height } = this.scale;
    const { session, catalog } = this.state;
    const actions = this.actions;
    const scenario = session && catalog.find((e) => e.id === session.scenarioId)?.scenario;
    if (!session || !scenario) {
      actions.go('title');
      return;
    }
    const side = session.human;
    const other = otherSide(side);
    const team = t(`common.sides.${side}`);
    const otherTeam = t(`common.sides.${other}`);
    const reveal = clicked(() => actions.revealTurn());

    const pass = t('hotseat.handover.pass', { side: team });
    const press = t('hotseat.handover.press');
    const when = t('hotseat.handover.when', { turn: session.state.turn, turns: scenario.turns, date: formatTurn(scenario, session.state.turn) });
    const sealed = session.sealed[other] !== undefined;
    const status = sealed ? t('hotseat.handover.sealed', { side: otherTeam }) : t('hotseat.handover.first', { side: team });
    const privately = t('hotseat.handover.private', { side: team });

    // A band in each side's colour along the top: the screen belongs to neither.
    const band = this.add.graphics();
    SIDES.forEach((s, i) => band.fillStyle(SIDE_COLORS[s], s === side ? 1 : 0.25).fillRect((i * width) / 2, 0, width / 2, 10));

    const boxWidth = 900;
    const x = (width - boxWidth) / 2;
    const panel = this.add.graphics();
    const center = width / 2;
    const wrap = boxWidth - 80;
    let y = 120;
    const texts: GameObjects.Text[] = [];
    const line = (text: string, size: number, color: string, bold = false, gap = 14, oneLine = false): void => {
      const o = addText(this, center, y, text, { size, color, bold, align: 'center', wrap }).setOrigin(0.5, 0);
      // The call to the team stays on one line (no word or kana left alone under it) down to a smaller size.
      for (let px = fontPx(size); oneLine && o.getWrappedText().length > 1 && px > fontPx(size) * 0.7; px -= 2) o.setFontSize(`${px - 2}px`);
      texts.push(o);
      y += o.height + gap;
    };
    line(when, 20, CSS_COLORS.muted, false, 18);
    line(pass, 52, SIDE_CSS_COLORS[side], true, 8, true);
    line(press, 26, CSS_COLORS.text, false, 34);
    const button = new Button(this, this.ring, { key: 'reveal', x: 0, y, label: t('hotseat.handover.reveal', { side: team }), variant: 'primary', size: 30, onActivate: reveal });
    button.setPosition(center - button.width / 2, y);
    y += button.height + 30;
    line(status, 19, CSS_COLORS.text, false, 8);
    line(privately, 17, CSS_COLORS.muted, false, 0);
    // The box, centred in the room the key hint leaves.
    const boxHeight = y + 30 - 90;
    const boxTop = Math.max(20, Math.round((height - fontPx(15) - 30 - boxHeight) / 2));
    for (const o of texts) o.setY(o.y + boxTop - 90);
    button.setY(button.bounds().y + boxTop - 90);
    // Drawn into graphics made before the text, so it lies behind it.
    panel.fillStyle(UI_COLORS.panel, 0.92).fillRoundedRect(x, boxTop, boxWidth, boxHeight, 16);
    panel.lineStyle(3, SIDE_COLORS[side], 1).strokeRoundedRect(x, boxTop, boxWidth, boxHeight, 16);
    addKeyHint(this, t('hotseat.handover.keys'));
    // The game's menu (settings, export, quit, the instructor panel), where the turn screen has it; it shows nothing of either side.
    const menu = clicked(() => actions.openSettings());
    new Button(this, this.ring, { compact: true, key: 'menu', x: width - 120, y: 22, width: 104, label: t('play.turn.menu'), size: 16, onActivate: () => menu() });

    renderScreen({
      name: 'handover',
      items: [
        { kind: 'heading', level: 1, text: `${pass} — ${press}` },
        { kind: 'text', text: when },
        { kind: 'text', text: status },
        { kind: 'text', text: privately },
        { kind: 'button', key: 'reveal', label: t('hotseat.handover.reveal', { side: team }), onActivate: reveal },
        { kind: 'button', key: 'menu', label: t('play.turn.menu'), onActivate: menu },
        { kind: 'text', text: t('hotseat.handover.keys') },
      ],
    });

    // Enter or Space anywhere reveals; a key held down from the screen before does not (its repeats
    // would reveal the turn to the team that just passed the screen on).
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      if (event.repeat) {
        event.preventDefault();
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      // The focused reveal button handles its own key.
      if (event.target instanceof HTMLButtonElement || event.target instanceof HTMLInputElement) return;
      event.preventDefault();
      reveal();
    };
    document.addEventListener('keydown', onKey, true);
    this.events.once('shutdown', () => document.removeEventListener('keydown', onKey, true));
    this.ready();
    announce(t('hotseat.handover.announce', { side: team, turn: session.state.turn, date: formatTurn(scenario, session.state.turn) }));
  }
}
