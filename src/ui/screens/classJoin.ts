/**
 * A class game: join a seat with the game code and the seat's key (typed, or from the seat's link
 * or QR code, which fill both and join at once), or start a game and hand out its seats; then the
 * lobby — who is here, where the game stands — until the team goes in. Only a page the class
 * server served can do this; a static copy says so and how to reach one.
 */
import { t, tx } from '../../i18n';
import { readSeatKey, showSeatKey, SEAT_NAMES, type SeatName } from '../../class/protocol';
import { readRoomCode } from '../../class/roomCode';
import { SIDES, type Side } from '../../engine/model';
import { announce } from '../announce';
import { button, choice, el, textField, toggle } from '../kit';
import { classServerAnswers, classServerBase } from '../class/server';
import { rememberedSeat } from '../class/seatKeys';
import { askForSeat, classFromAddress, classJoinPanel, seatGiven, type ClassJoinState } from '../class/joinClass';
import { classHostSection } from './classHost';
import { menuFrame } from './menu';
import { timerChoice } from './timerChoice';
import './classJoin.css';
import type { ScreenView } from './view';

/** A game this page started: its code and its seats' keys (shown here once; the server keeps only hashes). */
interface Made {
  readonly code: string;
  readonly scenario: string;
  readonly keys: Readonly<Record<SeatName, string>>;
}

/** What the screen shows between redraws (a redraw builds it from this and the store). */
const screenState: {
  code: string;
  key: string;
  takeover: boolean;
  problem: string | null;
  busy: boolean;
  made: Made | null;
  server: boolean | null;
  scenario: string | null;
  turnSeconds: number | null;
  /** Joining a class by its code; and, once the class gave a seat, what to tell the team (its key). */
  joinClass: ClassJoinState;
  seatGiven: string | null;
} = {
  code: '',
  key: '',
  takeover: false,
  problem: null,
  busy: false,
  made: null,
  server: null,
  scenario: null,
  turnSeconds: null,
  joinClass: { code: '', side: null },
  seatGiven: null,
};

/** The seat link a QR code carries: this page with the code and the key, which join at once. */
export function seatLink(code: string, key: string): string {
  const url = new URL(classServerBase() + '/');
  url.searchParams.set('join', code);
  url.searchParams.set('key', key);
  return url.toString();
}

/** `?join=CODE&key=KEY` in the page address (a scanned QR code): read once, then taken out of the address bar. */
export function joinFromAddress(): { code: string; key: string } | null {
  const params = new URL(location.href).searchParams;
  const code = readRoomCode(params.get('join') ?? '');
  const key = readSeatKey(params.get('key') ?? '');
  if (!code.ok || !key) return null;
  history.replaceState(null, '', location.pathname);
  return { code: code.code, key };
}

export const classJoinView: ScreenView = (root, ctx) => {
  const { actions, store } = ctx;
  const s = screenState;
  const classGame = ctx.state().classGame;
  const seatName = (seat: SeatName): string => t(`classGame.seats.${seat}`);

  const join = async (code: string, key: string, takeover: boolean): Promise<void> => {
    s.busy = true;
    s.problem = null;
    ctx.redraw();
    announce(t('classGame.joining', { code }));
    const { joinClassGame } = await import('../class/connection');
    const result = await joinClassGame(store, { code, key, takeover });
    s.busy = false;
    if (!result.ok) {
      s.problem = t('classGame.failed', { problem: result.problem });
      s.takeover = s.takeover || result.seatInUse;
      announce(s.problem);
    }
    if (ctx.state().screen === 'classJoin') ctx.redraw();
  };

  const submit = (): void => {
    const code = readRoomCode(s.code);
    const key = readSeatKey(s.key);
    s.problem = !code.ok ? t(`classGame.codeProblem.${code.problem}`) : !key ? t('classGame.keyProblem') : null;
    if (s.problem || !code.ok || !key) {
      announce(s.problem ?? '');
      return ctx.redraw();
    }
    void join(code.code, key, s.takeover);
  };

  const create = async (): Promise<void> => {
    if (!s.scenario) return;
    s.busy = true;
    ctx.redraw();
    try {
      const response = await fetch(`${classServerBase()}/api/games`, {
        method: 'POST',
        body: JSON.stringify({ scenario: s.scenario, turnSeconds: s.turnSeconds }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await response.json()) as Partial<Made> & { problem?: string };
      if (!response.ok || typeof body.code !== 'string' || !body.keys) throw new Error(body.problem ?? `the class server answered ${response.status}`);
      s.made = { code: body.code, scenario: String(body.scenario), keys: body.keys };
      s.problem = null;
      announce(t('classGame.host.made', { code: body.code }));
    } catch (e) {
      s.problem = t('classGame.failed', { problem: e instanceof Error ? e.message : String(e) });
      announce(s.problem);
    }
    s.busy = false;
    ctx.redraw();
  };

  const joinClass = async (code: string): Promise<void> => {
    s.busy = true;
    s.problem = null;
    ctx.redraw();
    announce(t('classWork.join.joining', { code }));
    const asked = await askForSeat(code, s.joinClass.side);
    if (!asked.ok) {
      s.busy = false;
      s.problem = t('classGame.failed', { problem: asked.problem });
      announce(s.problem);
      if (ctx.state().screen === 'classJoin') ctx.redraw();
      return;
    }
    s.seatGiven = seatGiven(asked.seat);
    await join(asked.seat.game, asked.seat.key, false);
  };

  const back = (): void => {
    if (classGame) actions.leaveClassGame();
    else actions.go('title');
  };

  let body: HTMLElement[];
  let primary: HTMLElement[] = [];
  if (classGame) body = lobby();
  else if (s.server === false) body = [el('p', { class: 'notice', role: 'alert', text: t('classGame.noServer') })];
  else if (s.made) body = [made(s.made)];
  else
    body = [
      ...joinForm(),
      classJoinPanel(
        s.joinClass,
        s.busy,
        (code) => void joinClass(code),
        (problem) => {
          s.problem = problem;
          announce(problem);
          ctx.redraw();
        },
      ),
      ...host(),
      classHostSection(ctx),
    ];

  function lobby(): HTMLElement[] {
    const session = ctx.state().session;
    const entry = session ? ctx.state().catalog.find((e) => e.id === session.scenarioId) : undefined;
    const seats = SIDES.map((side: Side) =>
      el('li', { class: `lobby-seat side-${side}`, text: t('classGame.lobby.seatLine', { side: seatName(side), state: t(`classGame.lobby.seat.${classGame!.seats[side]}`) }) }),
    );
    primary = [button({ label: t('classGame.lobby.enter'), key: 'class:enter', variant: 'primary', onPress: () => actions.enterClassGame() })];
    const where = entry && session ? [el('p', { text: `${tx(entry.scenario.title)} · ${t('classGame.lobby.turn', { turn: session.state.turn, turns: entry.scenario.turns })}` })] : [];
    const refused = classGame!.refusal ? [el('p', { class: 'class-problem', role: 'alert', text: t('classGame.failed', { problem: classGame!.refusal.problem }) })] : [];
    const given = s.seatGiven ? [el('p', { class: 'lobby-given', text: s.seatGiven })] : [];
    return [el('p', { class: 'lobby-you', text: t('classGame.lobby.you', { seat: seatName(classGame!.seat) }) }), ...given, ...where, el('ul', { class: 'lobby-seats' }, ...seats), ...refused];
  }

  function joinForm(): HTMLElement[] {
    const code = textField({ label: t('classGame.codeLabel'), key: 'class:code', value: s.code, detail: t('classGame.codeHint'), maxLength: 40, onInput: (v) => (s.code = v), onEnter: submit });
    const key = textField({ label: t('classGame.keyLabel'), key: 'class:key', value: s.key, detail: t('classGame.keyHint'), maxLength: 40, onInput: (v) => (s.key = v), onEnter: submit });
    for (const field of [code, key]) field.querySelector('input')?.setAttribute('autocapitalize', 'characters');
    const takeover = s.takeover ? toggle({ label: t('classGame.takeover'), key: 'class:takeover', checked: false, detail: t('classGame.takeoverHint'), onChange: (on) => (s.takeover = on) }) : null;
    const remembered = rememberedSeat();
    return [
      el(
        'section',
        { class: 'panel class-join', aria: { label: t('classGame.joinHeading') } },
        el('h2', { text: t('classGame.joinHeading') }),
        el('p', { class: 'setup-intro', text: t('classGame.intro') }),
        code,
        key,
        takeover,
        s.problem ? el('p', { class: 'class-problem', role: 'alert', text: s.problem }) : null,
        el(
          'div',
          { class: 'class-row' },
          button({ label: s.busy ? t('classGame.joiningShort') : t('classGame.join'), key: 'class:join', variant: 'primary', disabled: s.busy, onPress: submit }),
          remembered
            ? button({ label: t('classGame.rejoin', { code: remembered.code }), key: 'class:rejoin', disabled: s.busy, onPress: () => void join(remembered.code, remembered.key, false) })
            : null,
        ),
      ),
    ];
  }

  function host(): HTMLElement[] {
    const entries = ctx.state().catalog.filter((e) => e.origin === 'shipped');
    s.scenario ??= entries[0]?.id ?? null;
    if (s.made) return [];
    return [
      el(
        'section',
        { class: 'panel class-host', aria: { label: t('classGame.host.heading') } },
        el('h2', { text: t('classGame.host.heading') }),
        choice({
          legend: t('classGame.host.scenario'),
          name: 'class-scenario',
          value: s.scenario,
          options: entries.map((e) => ({ value: e.id, label: tx(e.scenario.title) })),
          onChange: (v) => (s.scenario = v),
        }),
        timerChoice(s.turnSeconds, (seconds) => (s.turnSeconds = seconds), 'class-timer'),
        button({ label: t('classGame.host.start'), key: 'class:create', disabled: s.busy || !s.scenario, onPress: () => void create() }),
      ),
    ];
  }

  function made(game: Made): HTMLElement {
    const seats = SEAT_NAMES.map((seat) => {
      const link = seatLink(game.code, game.keys[seat]);
      const qr = el('img', { class: 'class-qr' });
      qr.alt = t('classGame.host.qr', { seat: seatName(seat) });
      qr.width = qr.height = 148;
      const anchor = el('a', { text: t('classGame.host.link', { seat: seatName(seat) }) });
      anchor.href = link;
      anchor.target = '_blank';
      anchor.rel = 'noopener';
      void import('qrcode').then(({ toDataURL }) => toDataURL(link, { margin: 1, width: 296 }).then((url) => (qr.src = url)));
      return el(
        'li',
        { class: `class-seat seat-${seat}` },
        el('h3', { text: seatName(seat) }),
        qr,
        el('p', { class: 'class-key', text: t('classGame.host.seatKey', { key: showSeatKey(game.keys[seat]) }) }),
        el('p', { class: 'class-link' }, anchor),
        button({
          label: seat === 'observer' ? t('classGame.host.watchHere') : t('classGame.host.playHere', { seat: seatName(seat) }),
          key: `class:here:${seat}`,
          onPress: () => void join(game.code, game.keys[seat], false),
        }),
      );
    });
    return el(
      'section',
      { class: 'panel class-made', aria: { label: t('classGame.host.heading') } },
      el('h2', { text: t('classGame.host.made', { code: game.code }) }),
      el('p', { class: 'class-code', text: game.code }),
      el('p', { class: 'class-address', text: t('classGame.host.address', { address: `${classServerBase()}/` }) }),
      el('p', { class: 'setup-intro', text: t('classGame.host.give') }),
      el('ul', { class: 'class-seats' }, ...seats),
    );
  }

  root.append(
    menuFrame({
      class: 'setup class-screen',
      heading: classGame ? t('classGame.lobby.heading', { code: classGame.code }) : t('classGame.heading'),
      body,
      buttons: [button({ label: classGame ? t('classGame.lobby.leave') : t('common.back'), key: 'class:back', onPress: back })],
      primary,
      hint: t('keys.list'),
    }),
  );

  ctx.watch(
    (st) => st.classGame,
    (now, before) => {
      // Joined: the lobby; in the lobby, who is here.
      if ((now === null) !== (before === null) || now?.seats !== before?.seats) ctx.redraw();
    },
  );
  ctx.onEscape(back);

  if (s.server === null)
    void classServerAnswers().then((answers) => {
      s.server = answers;
      if (!answers && ctx.state().screen === 'classJoin') ctx.redraw();
    });
  const fromAddress = classGame ? null : joinFromAddress();
  const classCode = classGame || fromAddress ? null : classFromAddress();
  if (classCode) {
    s.joinClass.code = classCode;
    void joinClass(classCode);
  }
  if (fromAddress) {
    s.code = fromAddress.code;
    s.key = fromAddress.key;
    void join(fromAddress.code, fromAddress.key, false);
  }
  announce(classGame ? t('classGame.lobby.heading', { code: classGame.code }) : t('classGame.heading'));
};
