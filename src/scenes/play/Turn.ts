/**
 * The turn: the map, the meters (changes since last turn animated; the other public as a poll with
 * its error band), political capital, the decision cards by category and page, the other side's
 * proposals, the events that ask for an answer, the guide note, the news ticker and End turn.
 * It reads the store and calls its actions; the rules stay in the engine.
 */
import type { GameObjects } from 'phaser';
import { playSound } from '../../audio/sound';
import type { DecisionCategory } from '../../engine/model';
import { formatTurn, t } from '../../i18n';
import { clockLeftMs } from '../../store';
import { CSS_COLORS, SIDE_CSS_COLORS, UI_COLORS, fontPx, motion } from '../../theme';
import { announce, onFocusChange, renderScreen, type MirrorHandle, type MirrorItem } from '../../ui/dom';
import { meterSpoken, turnModel, type CardModel, type TurnModel } from '../../ui/play/turnModel';
import { MAP_JSON_KEY } from '../Preloader';
import { drawMap } from '../../world/map/drawMap';
import { parseMapData } from '../../world/map/mapData';
import { Button } from '../widgets/button';
import { MenuScene } from '../widgets/menuScene';
import { addPanel } from '../widgets/panel';
import { addText, fitText, fitWidth } from '../widgets/text';
import { ScrollArea } from '../widgets/scrollArea';
import { CardGrid } from './cardGrid';
import { drawMeters, meterRowHeight, METER_COLORS } from './meterPanel';
import { playContext, previousState, type PlayContext } from '../../ui/play/context';

const LEFT = { x: 16, width: 360 };
const CENTER = { x: 392, width: 560 };
const RIGHT = { x: 968, width: 296 };
const TICKER_Y = 684;
/** The turn timer's colour in its last 30 seconds. */
const AMBER = '#ffb547';

/** Time left as m:ss, rounded up (a timer showing 0:00 has run out). */
function clockText(ms: number): string {
  const total = Math.ceil(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** Guide notes the player dismissed, by game and turn (they stay dismissed when the screen is redrawn). */
const dismissedGuides = new Set<string>();

export class Turn extends MenuScene {
  private ctx!: PlayContext;
  private model!: TurnModel;
  private grid!: CardGrid;
  private filter: DecisionCategory | 'all' = 'all';
  private dynamic: GameObjects.GameObject[] = [];
  /** The guide note's text box, while the note is open (its DOM twin scrolls it). */
  private guideArea: ScrollArea | undefined;
  private buttons: Button[] = [];
  private mirror?: MirrorHandle;
  private pageText?: GameObjects.Text;
  /** Where each category tab sits (worked out once a turn: the categories do not change within it). */
  private tabs: { cat: DecisionCategory | 'all'; x: number; y: number }[] = [];
  private tabsBottom = 90;
  private cleanup: (() => void)[] = [];
  /** Hot-seat: the turn timer on screen, the seconds it last showed, and the last ten-second step the DOM mirror was told. */
  private timer?: { text: GameObjects.Text; shown: number; spoken: number; timeUp: boolean };

  constructor() {
    super('Turn');
  }

  create(): void {
    this.begin();
    this.filter = 'all';
    this.dynamic = [];
    this.buttons = [];
    const ctx = playContext(this.state);
    if (!ctx) {
      renderScreen({ name: 'Turn', items: [{ kind: 'heading', level: 1, text: t('play.turn.decisions') }] });
      this.ready();
      return;
    }
    this.ctx = ctx;
    this.model = this.buildModel();
    const { scenario, session, human } = ctx;

    // Header: whose government, which month, which turn, the capital (redrawn with the draft).
    const heading = addText(this, LEFT.x, 12, t('play.turn.heading', { side: this.model.sideName, date: formatTurn(scenario, session.state.turn) }), { size: 22, bold: true, color: SIDE_CSS_COLORS[human] });
    // In hot-seat the team's name stands at the top of the centre column: the heading ends before it.
    if (session.mode === 'hotseat') fitWidth(heading, CENTER.x - LEFT.x - 12);
    const turnOf = addText(this, LEFT.x, 42, t('play.turn.turnOf', { turn: session.state.turn, turns: scenario.turns }), { size: 14, color: CSS_COLORS.muted });
    // Large text pushes the map down a little.
    const mapTop = Math.max(64, Math.ceil(turnOf.y + turnOf.height + 4));
    new Button(this, this.ring, { compact: true, key: 'menu', x: 1160, y: 12, width: 104, label: t('play.turn.menu'), size: 16, onActivate: () => this.actions.openSettings() });
    this.drawTeamAndTimer();

    // The map gives way to the meters when a scenario has many.
    // Under the meters, a note: how polls read, or that the instructor is showing the true values.
    // The note is measured first, so the map and the meters leave it room above the news ticker.
    const revealed = this.state.instructor.revealed;
    const polls = this.model.meters.some((m) => m.seen === 'poll');
    const note = revealed
      ? addText(this, LEFT.x, 0, `◆ ${t('instructor.revealedMarker')}`, { size: 13, bold: true, color: METER_COLORS.revealed, wrap: LEFT.width })
      : polls
        ? addText(this, LEFT.x, 0, t('play.turn.pollNote'), { size: 12, color: CSS_COLORS.muted, wrap: LEFT.width, italic: true })
        : undefined;
    const noteHeight = note ? note.height + 2 : 0;
    const metersHeight = this.model.meters.length * meterRowHeight(6) + noteHeight;
    // Many meters at large text: the map gives way down to a small inset (the meters are the game).
    const mapHeight = Math.max(104, Math.min(222, TICKER_Y - 12 - mapTop - 12 - metersHeight));
    this.drawMapPanel(mapTop, mapHeight);
    const below = drawMeters(this, this.model.meters, LEFT.x, mapTop + mapHeight + 12, LEFT.width, TICKER_Y - 6 - noteHeight);
    // Many meters at large text leave less than the whole poll note: it says the short of it.
    if (note && !revealed) fitText(note, [t('play.turn.pollNote'), t('play.turn.pollNoteShort')], TICKER_Y - 2 - below);
    note?.setY(Math.min(below, TICKER_Y - 2 - note.height));

    this.tabsBottom = this.layoutTabs();
    this.grid = new CardGrid(this, this.ring, { x: CENTER.x, y: this.tabsBottom + 10, width: CENTER.width, height: 622 - this.tabsBottom - 10 }, (card) => this.toggle(card.id));
    this.drawTicker();

    this.refresh();
    this.watch(
      (s) => s.session?.draft,
      () => {
        if (!this.state.session || this.state.screen !== 'turn') return;
        this.ctx = playContext(this.state) ?? this.ctx;
        this.model = this.buildModel();
        this.refresh();
      },
    );
    // The instructor changed the game (an event fired, a meter set, a turn taken back) or what the room sees: draw it anew.
    this.watch((s) => s.session?.state, () => this.redraw());
    this.watch((s) => s.instructor.revealed, () => this.redraw());

    this.cleanup.push(
      onFocusChange((key) => {
        if (key && this.grid.reveal(key)) {
          this.updatePageText();
          this.ring.draw();
        }
      }),
    );
    const onKey = (event: KeyboardEvent): void => this.onKey(event);
    // The document's own keydown, not Phaser's queued one: a key that closed the previous screen
    // must not reach this one too.
    document.addEventListener('keydown', onKey);
    this.events.once('shutdown', () => {
      document.removeEventListener('keydown', onKey);
      for (const c of this.cleanup.splice(0)) c();
      this.tweens.killAll();
    });

    this.greet();
    this.ready();
  }

  private buildModel(): TurnModel {
    return turnModel(this.ctx.scenario, this.ctx.session, this.ctx.language, previousState(this.ctx), this.state.instructor.revealed);
  }

  private guideKey(): string {
    return `${this.ctx.session.seed}:${this.ctx.session.state.turn}`;
  }

  private guideOpen(): boolean {
    return this.model.guide.length > 0 && !dismissedGuides.has(this.guideKey());
  }

  private toggleGuide(): void {
    if (this.model.guide.length === 0) return;
    if (dismissedGuides.has(this.guideKey())) dismissedGuides.delete(this.guideKey());
    else {
      // Only this game's notes are remembered: ten games in a row keep nothing of the earlier ones.
      for (const k of dismissedGuides) if (!k.startsWith(`${this.ctx.session.seed}:`)) dismissedGuides.delete(k);
      dismissedGuides.add(this.guideKey());
    }
    this.refresh();
    if (this.guideOpen()) announce(this.model.guide.map((g) => (g.title ? `${g.title}. ${g.text}` : g.text)).join(' '));
  }

  private greet(): void {
    const { scenario, session } = this.ctx;
    const capital = t('play.turn.capitalSpoken', { left: this.model.capitalLeft, total: this.model.capitalTotal });
    const parts = [t('play.turn.begins', { turn: session.state.turn, turns: scenario.turns, side: this.model.sideName, capital })];
    if (this.model.news.length) parts.push(t('play.turn.eventsFired', { list: this.model.news.join('; ') }));
    if (this.guideOpen()) parts.push(...this.model.guide.map((g) => g.text));
    const clock = this.state.clock;
    if (this.timer && clock) parts.push(t('hotseat.turn.timeLeftSpoken', { side: t(`common.sides.${this.ctx.human}`), time: clockText(clockLeftMs(clock, Date.now())) }));
    announce(parts.join(' '));
    if (session.state.fired.length > 0) playSound('event');
    if (this.model.proposals.length > 0) this.time.delayedCall(350, () => playSound('proposal'));
    const net = this.model.meters.filter((m) => m.seen === 'exact').reduce((sum, m) => sum + m.change, 0);
    if (Math.abs(net) >= 0.05) this.time.delayedCall(motion() ? 300 : 0, () => playSound(net > 0 ? 'meter_up' : 'meter_down'));
  }

  private drawMapPanel(top: number, height: number): void {
    const frame = { x: LEFT.x, y: top, width: LEFT.width, height };
    const raw: unknown = this.cache.json.get(MAP_JSON_KEY);
    try {
      if (raw === undefined) throw new Error('map not loaded');
      drawMap(this, parseMapData(raw), frame, { language: this.ctx.language, highlight: this.ctx.human });
    } catch {
      // The map is an aid, not a rule: without its file the turn still plays.
      addPanel(this, frame.x, frame.y, frame.width, frame.height);
      addText(this, frame.x + frame.width / 2, frame.y + frame.height / 2, t('play.turn.mapCaption'), { size: 14, color: CSS_COLORS.muted }).setOrigin(0.5);
    }
  }

  private drawTicker(): void {
    const { width } = this.scale;
    const band = this.add.rectangle(0, TICKER_Y, width, 720 - TICKER_Y, 0x070b18, 0.92).setOrigin(0, 0);
    band.setStrokeStyle(1, UI_COLORS.panelEdge);
    const label = addText(this, 16, TICKER_Y + 6, t('play.turn.news').toUpperCase(), { size: 14, bold: true, color: CSS_COLORS.gold });
    const start = 16 + label.width + 16;
    const items = this.model.news.length ? this.model.news : [t('play.ticker.quiet')];
    const text = addText(this, start, TICKER_Y + 6, items.join('   •   '), { size: 14, color: CSS_COLORS.text });
    const room = width - start - 16;
    if (text.width <= room) return;
    const res = text.style.resolution || 1;
    if (!motion()) {
      text.setCrop(0, 0, room * res, text.height * res);
      return;
    }
    // Scrolls right to left; the crop keeps it from running over the NEWS label.
    const state = { offset: room + 40 };
    const distance = text.width + 80;
    this.tweens.add({
      targets: state,
      offset: room + 40 + distance,
      delay: 2500,
      duration: distance * 22,
      repeat: -1,
      onUpdate: () => {
        const x = start + room - state.offset + 40;
        const hidden = Math.max(0, start - x);
        text.setX(Math.max(start, x));
        text.setCrop(hidden * res, 0, Math.max(0, Math.min(room, start + room - Math.max(start, x))) * res, text.height * res);
      },
    });
  }

  /** Redraws everything that depends on the draft: capital, cards, proposals, answers, guide, mirror. */
  private refresh(): void {
    for (const o of this.dynamic) o.destroy();
    this.guideArea?.destroy();
    this.guideArea = undefined;
    for (const b of this.buttons) b.destroy();
    this.dynamic = [];
    this.buttons = [];
    const m = this.model;

    // Capital: gold pips for what is left, hollow for what the draft has spent.
    const capLabel = addText(this, 820, 14, t('play.turn.capital'), { size: 13, bold: true, color: CSS_COLORS.muted }).setOrigin(1, 0);
    const pips = this.add.graphics();
    for (let i = 0; i < m.capitalTotal; i++) {
      const x = 836 + i * 22;
      if (i < m.capitalLeft) pips.fillStyle(UI_COLORS.primary, 1).fillCircle(x, 22, 8);
      else pips.lineStyle(2, UI_COLORS.primary, 0.8).strokeCircle(x, 22, 7);
    }
    const capText = addText(this, 820, 34, t('play.turn.capitalLeft', { left: m.capitalLeft, total: m.capitalTotal }), { size: 14, color: CSS_COLORS.gold }).setOrigin(1, 0);
    this.dynamic.push(capLabel, pips, capText);

    // Category filter, as tabs.
    for (const tab of this.tabs) {
      this.buttons.push(new Button(this, this.ring, { compact: true, key: `filter:${tab.cat}`, x: tab.x, y: tab.y, label: t(`play.category.${tab.cat}`), size: 13, height: 28, padX: 18, selected: this.filter === tab.cat, onActivate: () => this.setFilter(tab.cat) }));
    }

    const shown = this.visibleCards();
    this.grid.setCards(shown);
    this.buttons.push(
      new Button(this, this.ring, { compact: true, key: 'page:prev', x: CENTER.x, y: 632, width: 44, label: '◀', size: 16, height: 34, disabled: this.grid.page === 0, onActivate: () => this.turnPage(-1) }),
      new Button(this, this.ring, { compact: true, key: 'page:next', x: CENTER.x + CENTER.width - 44, y: 632, width: 44, label: '▶', size: 16, height: 34, disabled: this.grid.page >= this.grid.pages - 1, onActivate: () => this.turnPage(1) }),
    );
    this.pageText = addText(this, CENTER.x + CENTER.width / 2, 649, '', { size: 14, color: CSS_COLORS.muted }).setOrigin(0.5);
    this.dynamic.push(this.pageText);
    if (shown.length === 0) this.dynamic.push(addText(this, CENTER.x, 130, t('play.turn.noCards'), { size: 15, color: CSS_COLORS.muted }));
    this.updatePageText();

    this.drawRightColumn();
    this.renderMirror();
  }

  /** Places the category tabs left to right, wrapping onto a second row when the words are long. */
  private layoutTabs(): number {
    this.tabs = [];
    let x = CENTER.x;
    let y = 56;
    for (const cat of ['all', ...this.model.categories] as const) {
      const probe = addText(this, 0, 0, t(`play.category.${cat}`), { size: 13 });
      const width = Math.ceil(probe.width + 18);
      probe.destroy();
      if (x + width > CENTER.x + CENTER.width) {
        x = CENTER.x;
        y += fontPx(28) + 6;
      }
      this.tabs.push({ cat, x, y });
      x += width + 6;
    }
    return y + Math.max(28, fontPx(13) + fontPx(12));
  }

  private visibleCards(): CardModel[] {
    return this.model.cards.filter((c) => this.filter === 'all' || c.category === this.filter);
  }

  private setFilter(cat: DecisionCategory | 'all'): void {
    if (this.filter === cat) return;
    this.filter = cat;
    this.grid.page = 0;
    this.refresh();
  }

  private turnPage(delta: number): void {
    this.grid.turn(delta);
    this.updatePageText();
  }

  private updatePageText(): void {
    this.pageText?.setText(t('play.turn.page', { page: this.grid.page + 1, pages: this.grid.pages }));
    const prev = this.buttons.find((b) => b.key === 'page:prev');
    const next = this.buttons.find((b) => b.key === 'page:next');
    prev?.setEnabled(this.grid.page > 0);
    next?.setEnabled(this.grid.page < this.grid.pages - 1);
    this.mirror?.setDisabled('page:prev', this.grid.page === 0);
    this.mirror?.setDisabled('page:next', this.grid.page >= this.grid.pages - 1);
  }

  private drawRightColumn(): void {
    const m = this.model;
    let y = 60;
    const text = (s: string, size: number, color: string = CSS_COLORS.text, bold = false): GameObjects.Text => {
      const o = addText(this, RIGHT.x, y, s, { size, color, bold, wrap: RIGHT.width });
      this.dynamic.push(o);
      y += o.height + 4;
      return o;
    };
    if (m.proposals.length) {
      text(t('play.turn.proposals', { other: m.otherName }), 15, CSS_COLORS.gold, true);
      for (const p of m.proposals) {
        const b = new Button(this, this.ring, {
          compact: true,
          key: p.key,
          x: RIGHT.x,
          y,
          width: RIGHT.width,
          label: p.accepted ? `✓ ${t('play.turn.accepted', { title: p.title })}` : t('play.turn.accept', { title: p.title }),
          size: 14,
          selected: p.accepted,
          disabled: !p.choosable,
          onActivate: () => this.toggle(p.id),
        });
        this.buttons.push(b);
        y += b.height + 6;
      }
      text(t('play.turn.declineNote'), 12, CSS_COLORS.muted);
      y += 8;
    }
    if (m.responses.length) {
      text(t('play.turn.events'), 15, CSS_COLORS.gold, true);
      for (const r of m.responses) {
        text(r.title, 14, CSS_COLORS.text, true);
        text(r.prompt, 13, CSS_COLORS.muted);
        for (const c of r.choices) {
          const chosen = r.chosen === c.id;
          const label = `${chosen ? '✓ ' : ''}${c.label}${c.isDefault ? ` · ${t('play.turn.defaultChoice')}` : ''}`;
          const b = new Button(this, this.ring, {
            compact: true,
            key: `${r.key}:${c.id}`,
            x: RIGHT.x,
            y,
            width: RIGHT.width,
            label,
            size: 13,
            selected: chosen,
            disabled: !c.affordable && !chosen,
            onActivate: () => this.answer(r.event, c.id, c.label),
          });
          this.buttons.push(b);
          y += b.height + 5;
        }
        y += 6;
      }
    }
    const endY = 584;
    if (m.guide.length && !this.guideOpen()) {
      const b = new Button(this, this.ring, { compact: true, key: 'guide', x: RIGHT.x, y, label: t('play.turn.showGuide'), size: 14, onActivate: () => this.toggleGuide() });
      this.buttons.push(b);
      y += b.height + 6;
    } else if (m.guide.length) {
      y = this.drawGuide(y, endY - 10);
    }
    const end = new Button(this, this.ring, { compact: true, key: 'end', x: RIGHT.x, y: endY, width: RIGHT.width, height: 50, label: this.endLabel(), variant: 'primary', size: this.passing() ? 18 : 22, onActivate: () => this.endTurn() });
    this.buttons.push(end);
    // The key hint fits between End turn and the news ticker: the short one at large text or in a long language.
    const hintY = endY + end.height + 4;
    const hint = addText(this, RIGHT.x, hintY, '', { size: 11, color: CSS_COLORS.muted, wrap: RIGHT.width });
    this.dynamic.push(fitText(hint, [t('play.turn.keys'), t('play.turn.keysShort')], TICKER_Y - 2 - hintY));
  }

  /**
   * The guide note as a panel in the right column, under what asks for an answer (those come first),
   * so it never covers a card. Returns the y below it.
   */
  private drawGuide(top: number, bottom: number): number {
    const pad = 12;
    const width = RIGHT.width - pad * 2;
    const heading = addText(this, RIGHT.x + pad, top + pad, t('play.turn.guide'), { size: 15, bold: true, color: CSS_COLORS.gold, wrap: width });
    const buttonHeight = fontPx(13) + fontPx(26);
    const textTop = top + pad + heading.height + 4;
    // A note too long for the room left scrolls (wheel, or arrow keys on its focused twin) rather than being cut.
    const area = new ScrollArea(this, RIGHT.x + pad, textTop, width, Math.max(fontPx(40), bottom - buttonHeight - pad * 2 - textTop), this.ring, 'scroll:guide');
    this.guideArea = area;
    this.model.guide.forEach((g, i) => {
      if (g.title) area.add(g.title, { size: 14, bold: true }, i === 0 ? 0 : 8);
      area.add(g.text, { size: 13 }, g.title ? 4 : i === 0 ? 0 : 8);
    });
    const textBottom = textTop + area.fit();
    const panelBottom = textBottom + buttonHeight + pad * 2;
    const panel = this.add.graphics();
    panel.fillStyle(UI_COLORS.panel, 1).fillRoundedRect(RIGHT.x, top, RIGHT.width, panelBottom - top, 10);
    panel.lineStyle(2, UI_COLORS.primary, 0.9).strokeRoundedRect(RIGHT.x, top, RIGHT.width, panelBottom - top, 10);
    heading.setDepth(1);
    this.dynamic.push(panel, heading);
    this.buttons.push(new Button(this, this.ring, { compact: true, key: 'guide', x: RIGHT.x + pad, y: textBottom + pad, width, label: t('play.turn.dismissGuide'), size: 13, onActivate: () => this.toggleGuide() }));
    return panelBottom + 8;
  }

  /** The note's paragraphs, inside a scrollable region when the canvas box scrolls. */
  private guideMirror(notes: MirrorItem[]): MirrorItem[] {
    const area = this.guideArea;
    if (!area?.scrollable()) return notes;
    return [{ kind: 'scroll', key: 'scroll:guide', label: t('play.turn.guide'), children: notes, onScroll: (step) => area.step(step) }];
  }

  private toggle(id: string): void {
    const before = this.state.session?.draft;
    const card = this.model.cards.find((c) => c.id === id);
    this.actions.toggleDecision(id);
    const after = this.state.session?.draft;
    if (!card) return;
    if (before === after) {
      announce(t('play.turn.cannot', { title: card.title, reason: card.reason ?? t('play.turn.unavailable.condition') }));
      return;
    }
    playSound('card');
    announce(t(after?.decisions.includes(id) ? 'play.turn.chose' : 'play.turn.unchose', { title: card.title, left: this.model.capitalLeft }));
  }

  private answer(event: string, choice: string, label: string): void {
    const before = this.state.session?.draft;
    this.actions.respond(event, choice);
    if (before === this.state.session?.draft) return;
    playSound('card');
    announce(t('play.turn.answered', { title: label }));
  }

  /** Hot-seat: is this the first team's turn (its End turn seals its choices and passes the screen on)? */
  private passing(): boolean {
    const { session, other } = this.ctx;
    return session.mode === 'hotseat' && session.sealed[other] === undefined;
  }

  private endLabel(): string {
    return this.passing() ? t('hotseat.turn.sealAndPass', { side: t(`common.sides.${this.ctx.other}`) }) : t('play.turn.endTurn');
  }

  /** Hot-seat: which team is choosing, at the top; and the team's timer, when the session has one. */
  private drawTeamAndTimer(): void {
    this.timer = undefined;
    const { session, human } = this.ctx;
    if (session.mode !== 'hotseat') return;
    addText(this, CENTER.x, 14, t('hotseat.turn.choosing', { side: t(`common.sides.${human}`) }), { size: 18, bold: true, color: SIDE_CSS_COLORS[human] });
    const clock = this.state.clock;
    if (!clock || clock.side !== human) return;
    const text = addText(this, 1146, 14, '', { size: 22, bold: true, color: CSS_COLORS.text }).setOrigin(1, 0);
    this.timer = { text, shown: -1, spoken: -1, timeUp: false };
    this.tickTimer();
  }

  /** The DOM twin of the team line and the timer (its text changes at most every ten seconds). */
  private teamMirror(): MirrorItem[] {
    const { session, human } = this.ctx;
    if (session.mode !== 'hotseat') return [];
    const clock = this.state.clock;
    const team = t(`common.sides.${human}`);
    return [
      { kind: 'text', text: t('hotseat.turn.choosing', { side: team }) },
      ...(clock && clock.side === human ? [{ kind: 'text' as const, key: 'timer', text: t('hotseat.turn.timeLeftSpoken', { side: team, time: clockText(clockLeftMs(clock, Date.now())) }) }] : []),
    ];
  }

  /**
   * Shows the time left (amber from 30 s, with a soft warning sound once), tells screen readers at one
   * minute and at 30 s, and submits the team's choices when the time is up.
   */
  private tickTimer(): void {
    const timer = this.timer;
    const clock = this.state.clock;
    if (!timer || !clock || this.state.screen !== 'turn') return;
    const left = clockLeftMs(clock, Date.now());
    const seconds = Math.ceil(left / 1000);
    if (seconds !== timer.shown) {
      const before = timer.shown;
      timer.shown = seconds;
      timer.text.setText(t('hotseat.turn.timeLeft', { time: clockText(left) }));
      timer.text.setColor(seconds <= 30 ? AMBER : CSS_COLORS.text);
      const team = t(`common.sides.${this.ctx.human}`);
      if (before > 30 && seconds <= 30 && seconds > 0) {
        playSound('warning');
        announce(t('hotseat.turn.thirtySeconds', { side: team }));
      } else if (before > 60 && seconds <= 60) announce(t('hotseat.turn.oneMinute', { side: team }));
      // The mirror's copy changes in ten-second steps, so a screen reader reading it is not interrupted every second.
      const step = Math.ceil(seconds / 10);
      if (step !== timer.spoken) {
        timer.spoken = step;
        this.mirror?.setText('timer', t('hotseat.turn.timeLeftSpoken', { side: team, time: clockText(left) }));
      }
    }
    if (left <= 0 && !timer.timeUp && !this.state.instructor.paused) {
      timer.timeUp = true;
      announce(t('hotseat.turn.timeUp', { side: t(`common.sides.${this.ctx.human}`) }));
      this.actions.timeUp();
    }
  }

  override update(): void {
    this.tickTimer();
  }

  private endTurn(): void {
    this.actions.endTurn();
  }

  private onKey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || event.repeat) return;
    const target = event.target instanceof Element ? event.target : null;
    const inControl = target?.closest('#a11y') !== null && target !== null;
    const typing = target instanceof HTMLInputElement && (target.type === 'text' || target.type === 'number' || target.type === 'password');
    if (typing) return;
    switch (event.key) {
      case 'Enter':
        if (!inControl) this.endTurn();
        break;
      case 'e':
      case 'E':
        this.endTurn();
        break;
      case 'g':
      case 'G':
        this.toggleGuide();
        break;
      case 'PageDown':
        event.preventDefault();
        this.turnPage(1);
        break;
      case 'PageUp':
        event.preventDefault();
        this.turnPage(-1);
        break;
    }
  }

  private renderMirror(): void {
    const m = this.model;
    const { scenario, session } = this.ctx;
    const items: MirrorItem[] = [
      { kind: 'heading', level: 1, text: `${t('play.turn.heading', { side: m.sideName, date: formatTurn(scenario, session.state.turn) })} · ${t('play.turn.turnOf', { turn: session.state.turn, turns: scenario.turns })}` },
      ...this.teamMirror(),
      { kind: 'text', text: t('play.turn.capitalSpoken', { left: m.capitalLeft, total: m.capitalTotal }) },
      { kind: 'list', label: t('play.turn.meters'), items: m.meters.map(meterSpoken) },
      { kind: 'list', label: t('play.turn.news'), items: m.news.length ? m.news : [t('play.ticker.quiet')] },
    ];
    if (m.guide.length) {
      const open = this.guideOpen();
      items.push({
        kind: 'group',
        label: t('play.turn.guide'),
        children: [
          ...(open ? this.guideMirror(m.guide.map((g): MirrorItem => ({ kind: 'text', role: 'note', text: g.title ? t('common.sentences', { first: g.title, second: g.text }) : g.text }))) : []),
          { kind: 'button', key: 'guide', label: open ? t('play.turn.dismissGuide') : t('play.turn.showGuide'), onActivate: () => this.toggleGuide() },
        ],
      });
    }
    if (m.proposals.length) {
      items.push({
        kind: 'group',
        label: t('play.turn.proposals', { other: m.otherName }),
        children: [
          ...m.proposals.map((p): MirrorItem => ({ kind: 'button', key: p.key, label: t('play.turn.acceptSpoken', { other: m.otherName, title: p.title, cost: p.cost }), description: t('play.turn.declineNote'), onActivate: () => this.toggle(p.id) })),
        ],
      });
    }
    for (const r of m.responses) {
      items.push({
        kind: 'radio',
        key: r.key,
        legend: t('common.sentences', { first: t('play.turn.answerSpoken', { title: r.title }), second: r.prompt }),
        value: r.chosen,
        options: r.choices.map((c) => ({ value: c.id, label: c.label, ...(c.isDefault && { description: t('play.turn.defaultChoice') }), disabled: !c.affordable && r.chosen !== c.id })),
        onChange: (value) => this.answer(r.event, value, r.choices.find((c) => c.id === value)?.label ?? value),
      });
    }
    items.push({
      kind: 'radio',
      key: 'filter',
      legend: t('play.turn.filter'),
      value: this.filter,
      options: (['all', ...m.categories] as const).map((c) => ({ value: c, label: t(`play.categoryLong.${c}`) })),
      onChange: (value) => this.setFilter(value as DecisionCategory | 'all'),
    });
    items.push({
      kind: 'group',
      label: t('play.turn.decisions'),
      children: this.visibleCards().map((c): MirrorItem => ({
        kind: 'button',
        key: c.key,
        label: c.title,
        description: [t('play.turn.cardSpoken', { title: c.title, category: t(`play.categoryLong.${c.category}`), cost: c.costValue }), c.status, c.description].filter(Boolean).join(' '),
        onActivate: () => this.toggle(c.id),
      })),
    });
    items.push(
      { kind: 'button', key: 'page:prev', label: t('play.turn.previousPage'), disabled: this.grid.page === 0, onActivate: () => this.turnPage(-1) },
      { kind: 'button', key: 'page:next', label: t('play.turn.nextPage'), disabled: this.grid.page >= this.grid.pages - 1, onActivate: () => this.turnPage(1) },
      { kind: 'button', key: 'end', label: this.endLabel(), description: t('play.turn.keys'), onActivate: () => this.endTurn() },
      { kind: 'button', key: 'menu', label: t('play.turn.menu'), onActivate: () => this.actions.openSettings() },
    );
    this.mirror = renderScreen({
      name: 'Turn',
      items,
      onEscape: () => (this.guideOpen() ? this.toggleGuide() : this.actions.openSettings()),
    });
    for (const c of this.visibleCards()) {
      this.mirror.setChecked(c.key, c.chosen);
      // Unchoosable cards stay focusable, so their reason can be read; they are marked, not disabled.
      if (!c.choosable) this.mirror.element(c.key)?.setAttribute('aria-disabled', 'true');
    }
    for (const p of m.proposals) this.mirror.setChecked(p.key, p.accepted);
  }
}
