/**
 * The instructor panel: a DOM dialog over the game (it needs text fields, so not canvas), opened
 * with Ctrl+Alt+I on any game screen or from the in-game menu. Locked behind the session's PIN when
 * it has one; open, it pauses and resumes the game, fires events, sets meters with a reason,
 * reveals the true values, undoes the last turn, ends the game, and lists what was done. The store
 * holds the rules and the state; this file only shows them and calls its actions. Author text is
 * set with textContent only. While the game is paused a cover says so over the canvas.
 */
import { currentLanguage, formatNumber, t } from '../../i18n';
import { GAME_SCREENS, type AppActions, type AppState, type AppStore } from '../../store';
import { announce } from '../announce';
import { appRoot } from '../appRoot';
import { interventionLines, interventionWithTurn } from '../present/interventions';
import { adjustFormProblem, panelEvents, panelMeters, type PanelMeter } from './model';
import { button as kitButton, el as kitEl, setButtonLabel } from '../kit';
import { modal } from './modal';
import { exportGame } from '../exportGame';
import { isPanelShortcut, openInstructorPanel } from './shortcut';

/** The kit's element builder, in the panel's call shape. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { text?: string; className?: string; key?: string } = {}): HTMLElementTagNameMap[K] {
  return kitEl(tag, { ...(props.text !== undefined && { text: props.text }), ...(props.className && { class: props.className }), data: { key: props.key } });
}

/** The kit's one button, in the panel's call shape. */
function button(key: string, label: string, onClick: () => void, options: { className?: string; disabled?: boolean; ariaLabel?: string } = {}): HTMLButtonElement {
  return kitButton({
    key,
    label,
    onPress: onClick,
    variant: options.className === 'danger' ? 'danger' : 'normal',
    ...(options.className && options.className !== 'danger' && { class: options.className }),
    ...(options.disabled && { disabled: true }),
    ...(options.ariaLabel && { spokenLabel: options.ariaLabel }),
  });
}

/** Rebuilds `container`'s children, giving focus back to the control with the same key if it had it. */
function rebuild(container: HTMLElement, children: readonly HTMLElement[]): void {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && container.contains(active) ? active.dataset.key : undefined;
  container.replaceChildren(...children);
  if (!key) return;
  const again = container.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
  if (again && !(again as HTMLButtonElement).disabled) again.focus({ preventScroll: true });
  else container.closest<HTMLElement>('[role="dialog"]')?.focus({ preventScroll: true });
}

function section(titleText: string, id: string): { section: HTMLElement; body: HTMLElement } {
  const s = el('section', { className: 'instructor-section' });
  const h = el('h3', { text: titleText });
  h.id = id;
  s.setAttribute('aria-labelledby', id);
  const body = el('div');
  s.append(h, body);
  return { section: s, body };
}

/** Mounts the panel and the pause cover on the page and follows the store (see shortcut.ts: loaded when first opened). Returns the teardown. */
export function mountInstructorPanel(store: AppStore): () => void {
  const actions = (): AppActions => store.getState().actions;

  // The pause cover: over the canvas, under the dialog.
  const cover = el('div', { className: 'instructor-cover' });
  cover.hidden = true;
  const coverTitle = el('p', { className: 'instructor-cover-title' });
  const coverNote = el('p', { className: 'instructor-cover-note' });
  cover.append(coverTitle, coverNote);

  const backdrop = el('div', { className: 'instructor-backdrop' });
  backdrop.hidden = true;
  const dialog = el('div', { className: 'instructor-dialog floating-panel' });
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', 'instructor-title');
  dialog.tabIndex = -1;
  dialog.id = 'instructor-panel';
  const header = el('header', { className: 'instructor-header' });
  const title = el('h2');
  title.id = 'instructor-title';
  const closeButton = button('instructor:close', '', () => actions().closeInstructorPanel(), { className: 'instructor-close' });
  header.append(title, closeButton);
  const message = el('p', { className: 'instructor-message' });
  message.setAttribute('role', 'status');
  const body = el('div', { className: 'instructor-body' });
  const keys = el('p', { className: 'instructor-keys' });
  dialog.append(header, message, body, keys);
  backdrop.append(dialog);
  document.body.append(cover, backdrop);
  // Phaser hears presses and releases on the whole window: one over the panel or the cover would
  // press the canvas button underneath (and a release there can swallow the panel button's click).
  for (const layer of [cover, backdrop]) {
    for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend']) layer.addEventListener(type, (event) => event.stopPropagation());
  }

  const dialogModal = modal(dialog, backdrop, () => actions().closeInstructorPanel(), isPanelShortcut);

  /** The view built for the current panel state; rebuilt when the panel opens, locks or the language changes. */
  let built: { panel: 'locked' | 'open'; language: string; update: (s: AppState) => void } | null = null;

  const say = (text: string, kind: 'done' | 'problem' = 'done'): void => {
    message.textContent = text;
    message.classList.toggle('problem', kind === 'problem');
  };

  const buildLocked = (): { update: (s: AppState) => void; focus: HTMLElement } => {
    const form = el('form', { className: 'instructor-pin' });
    const intro = el('p', { text: t('instructor.lockedIntro') });
    const label = el('label');
    const input = el('input', { key: 'instructor:pin' });
    input.type = 'password';
    input.inputMode = 'numeric';
    input.autocomplete = 'off';
    input.maxLength = 16;
    input.id = 'instructor-pin';
    label.htmlFor = input.id;
    label.textContent = t('instructor.pin');
    const unlock = el('button', { text: t('instructor.unlock'), key: 'instructor:unlock' });
    unlock.type = 'submit';
    const row = el('div', { className: 'instructor-row' });
    row.append(label, input, unlock);
    form.append(intro, row);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (unlock.disabled) return;
      // Checking takes a moment (the PIN is never stored, only its salted hash): one try at a time.
      unlock.disabled = true;
      say(t('instructor.checkingPin'));
      void actions()
        .unlockInstructorPanel(input.value)
        .then((result) => {
          unlock.disabled = false;
          if (result.ok) return;
          // Never say what the PIN is, nor how close the guess was.
          input.value = '';
          const seconds = Math.ceil(result.waitMs / 1000);
          say(seconds > 0 ? t(result.tried ? 'instructor.wrongPinWait' : 'instructor.pinWait', { count: seconds }) : t('instructor.wrongPin'), 'problem');
          input.focus();
        });
    });
    body.replaceChildren(form);
    return { update: () => undefined, focus: input };
  };

  const buildOpen = (): { update: (s: AppState) => void; focus: HTMLElement } => {
    const language = currentLanguage();
    const status = el('div', { className: 'instructor-status' });

    // The game: pause / resume, reveal / hide.
    const control = section(t('instructor.control'), 'instructor-h-control');
    const controlRow = el('div', { className: 'instructor-row' });
    const pauseButton = button('instructor:pause', '', () => {
      const s = store.getState();
      if (s.instructor.paused) actions().resume();
      else actions().pause();
    });
    const revealButton = button('instructor:reveal', '', () => actions().setRevealed(!store.getState().instructor.revealed));
    // A class session's save file is taken from here, behind the PIN (src/ui/exportGame.ts).
    const exportButton = button('instructor:export', t('settings.exportGame'), () => void exportGame(store));
    controlRow.append(pauseButton, revealButton, exportButton);
    control.body.append(controlRow);

    // Fire an event now.
    const events = section(t('instructor.events'), 'instructor-h-events');
    events.body.append(el('p', { text: t('instructor.eventsNote'), className: 'instructor-note' }));
    const eventList = el('ul', { className: 'instructor-events' });
    events.body.append(eventList);

    // Adjust a meter.
    const adjust = section(t('instructor.adjust'), 'instructor-h-adjust');
    const form = el('form', { className: 'instructor-adjust' });
    const meterLabel = el('label', { text: t('instructor.meter') });
    const meterSelect = el('select', { key: 'instructor:meter' });
    meterSelect.id = 'instructor-meter';
    meterLabel.htmlFor = meterSelect.id;
    const seenLine = el('p', { className: 'instructor-note' });
    const valueLabel = el('label');
    const valueInput = el('input', { key: 'instructor:value' });
    valueInput.type = 'number';
    valueInput.step = 'any';
    valueInput.id = 'instructor-value';
    valueLabel.htmlFor = valueInput.id;
    const reasonLabel = el('label', { text: t('instructor.reason') });
    const reasonInput = el('input', { key: 'instructor:reason' });
    reasonInput.type = 'text';
    reasonInput.maxLength = 200;
    reasonInput.autocomplete = 'off';
    reasonInput.id = 'instructor-reason';
    reasonLabel.htmlFor = reasonInput.id;
    const formHint = el('p', { className: 'instructor-note' });
    formHint.id = 'instructor-adjust-hint';
    const setButton = el('button', { text: t('instructor.set'), key: 'instructor:set' });
    setButton.type = 'submit';
    setButton.setAttribute('aria-describedby', formHint.id);
    form.append(meterLabel, meterSelect, seenLine, valueLabel, valueInput, reasonLabel, reasonInput, formHint, setButton);
    adjust.body.append(form);

    // Turns: undo the last, end the game now; each asks first.
    const turns = section(t('instructor.turns'), 'instructor-h-turns');
    const turnsBody = el('div');
    turns.body.append(turnsBody);
    let confirming: 'undo' | 'end' | null = null;

    // The log.
    const log = section(t('instructor.log'), 'instructor-h-log');
    const logList = el('ol', { className: 'instructor-log' });
    log.body.append(logList);

    body.replaceChildren(status, control.section, events.section, adjust.section, turns.section, log.section);

    let meters: PanelMeter[] = [];
    const selected = (): PanelMeter | undefined => meters.find((m) => m.id === meterSelect.value);
    const checkForm = (): void => {
      const m = selected();
      const problem = adjustFormProblem(m, valueInput.value, reasonInput.value);
      setButton.disabled = problem !== null || store.getState().session?.state.ending != null;
      formHint.textContent = problem === 'reason' ? t('instructor.needReason') : problem === 'range' && m ? t('instructor.outOfRange', { min: formatNumber(m.min), max: formatNumber(m.max) }) : '';
    };
    const showMeter = (m: PanelMeter | undefined, resetValue: boolean): void => {
      if (!m) return;
      valueLabel.textContent = t('instructor.newValue', { min: formatNumber(m.min), max: formatNumber(m.max) });
      valueInput.min = String(m.min);
      valueInput.max = String(m.max);
      if (resetValue) valueInput.value = String(Math.round(m.value * 10) / 10);
      seenLine.textContent = t('instructor.meterSeen', { tokyo: t(`instructor.visibility.${m.visibility.tokyo}`), seoul: t(`instructor.visibility.${m.visibility.seoul}`) });
    };
    meterSelect.addEventListener('change', () => {
      showMeter(selected(), true);
      checkForm();
    });
    valueInput.addEventListener('input', checkForm);
    reasonInput.addEventListener('input', checkForm);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const m = selected();
      if (!m || adjustFormProblem(m, valueInput.value, reasonInput.value) !== null) return checkForm();
      const value = Number(valueInput.value);
      const problem = actions().adjustMeter(m.id, value, reasonInput.value);
      if (problem !== null) return say(t('instructor.refused', { problem }), 'problem');
      reasonInput.value = '';
      const now = store.getState().session?.state.meters[m.id] ?? value;
      valueInput.value = String(Math.round(now * 10) / 10);
      say(t('instructor.adjusted', { label: m.label, value: `${formatNumber(now)}${m.unit}` }));
      checkForm();
      // Set is disabled again until a new reason is written: focus goes back to the top of the form.
      meterSelect.focus();
    });

    const drawTurns = (s: AppState): void => {
      const session = s.session!;
      const canUndo = session.orders.length > 0 || session.state.ending?.byInstructor === true;
      const ended = session.state.ending !== null;
      const children: HTMLElement[] = [];
      if (confirming) {
        const box = el('div', { className: 'instructor-confirm' });
        box.setAttribute('role', 'group');
        const question = el('p', { text: t(confirming === 'undo' ? 'instructor.undoConfirm' : 'instructor.endConfirm') });
        question.id = 'instructor-confirm-q';
        box.setAttribute('aria-labelledby', question.id);
        const what = confirming;
        const yes = button(
          `instructor:${what}:yes`,
          t(what === 'undo' ? 'instructor.undoYes' : 'instructor.endYes'),
          () => {
            confirming = null;
            if (what === 'undo') {
              actions().undoLastTurn();
              say(t('instructor.undone'));
            } else actions().endGameNow();
            drawTurns(store.getState());
            turnsBody.querySelector<HTMLElement>(`[data-key="instructor:${what}"]:not([disabled])`)?.focus();
          },
          { className: 'danger' },
        );
        const no = button(`instructor:${what}:no`, t('instructor.cancel'), () => {
          confirming = null;
          drawTurns(store.getState());
          turnsBody.querySelector<HTMLElement>(`[data-key="instructor:${what}"]`)?.focus();
        });
        const row = el('div', { className: 'instructor-row' });
        row.append(yes, no);
        box.append(question, row);
        children.push(box);
      } else {
        const row = el('div', { className: 'instructor-row' });
        row.append(
          button(
            'instructor:undo',
            t('instructor.undo'),
            () => {
              confirming = 'undo';
              drawTurns(store.getState());
              turnsBody.querySelector<HTMLElement>('[data-key="instructor:undo:no"]')?.focus();
            },
            { disabled: !canUndo },
          ),
          button(
            'instructor:end',
            t('instructor.end'),
            () => {
              confirming = 'end';
              drawTurns(store.getState());
              turnsBody.querySelector<HTMLElement>('[data-key="instructor:end:no"]')?.focus();
            },
            { disabled: ended },
          ),
        );
        children.push(row);
        if (!canUndo) children.push(el('p', { text: t('instructor.undoNothing'), className: 'instructor-note' }));
      }
      rebuild(turnsBody, children);
    };

    const update = (s: AppState): void => {
      const session = s.session;
      const scenario = session && s.catalog.find((e) => e.id === session.scenarioId)?.scenario;
      if (!session || !scenario) {
        body.replaceChildren(el('p', { text: t('instructor.noGame') }));
        return;
      }
      const ended = session.state.ending !== null;
      const { paused, revealed } = s.instructor;

      status.replaceChildren(
        el('p', { text: t(ended ? 'instructor.status.ended' : paused ? 'instructor.status.paused' : 'instructor.status.running'), className: paused ? 'instructor-paused' : '' }),
        ...(revealed ? [el('p', { text: t('instructor.status.revealed'), className: 'instructor-revealed' })] : []),
      );

      setButtonLabel(pauseButton, t(paused ? 'instructor.resume' : 'instructor.pause'));
      pauseButton.setAttribute('aria-pressed', String(paused));
      pauseButton.disabled = ended && !paused;
      setButtonLabel(revealButton, t(revealed ? 'instructor.hide' : 'instructor.reveal'));
      revealButton.setAttribute('aria-pressed', String(revealed));

      rebuild(
        eventList,
        panelEvents(scenario, session.state, language).map((e) => {
          const li = el('li');
          const text = el('div', { className: 'instructor-event-text' });
          text.append(el('strong', { text: e.title }));
          if (e.description) text.append(el('span', { text: e.description, className: 'instructor-note' }));
          if (e.firedThisTurn) text.append(el('span', { text: t('instructor.firedThisTurn'), className: 'instructor-why' }));
          const fire = button(
            `instructor:fire:${e.id}`,
            t('instructor.fire'),
            () => {
              const problem = actions().fireEvent(e.id);
              say(problem === null ? t('instructor.fired', { title: e.title }) : t('instructor.refused', { problem }), problem === null ? 'done' : 'problem');
            },
            { disabled: e.firedThisTurn || ended, ariaLabel: t('instructor.fireSpoken', { title: e.title }) },
          );
          li.append(text, fire);
          return li;
        }),
      );

      meters = panelMeters(scenario, session.state, language);
      const keep = meterSelect.value;
      if (meterSelect.options.length !== meters.length) {
        meterSelect.replaceChildren(...meters.map((m) => Object.assign(el('option'), { value: m.id })));
      }
      meters.forEach((m, i) => {
        meterSelect.options[i]!.textContent = t('instructor.meterOption', { label: m.label, value: `${formatNumber(m.value)}${m.unit}`, min: formatNumber(m.min), max: formatNumber(m.max) });
      });
      const first = meterSelect.dataset.ready !== 'yes';
      if (first) meterSelect.dataset.ready = 'yes';
      else meterSelect.value = keep;
      showMeter(selected(), first);
      meterSelect.disabled = ended;
      valueInput.disabled = ended;
      reasonInput.disabled = ended;
      checkForm();

      drawTurns(s);

      const lines = interventionLines(scenario, session.log, language);
      logList.replaceChildren(
        ...(lines.length
          ? lines.map((l) => el('li', { text: interventionWithTurn(l), className: l.undone ? 'undone' : '' }))
          : [el('li', { text: t('instructor.logEmpty'), className: 'instructor-note' })]),
      );
    };
    return { update, focus: pauseButton };
  };

  const syncCover = (s: AppState): void => {
    const show = s.instructor.paused && s.session !== null && GAME_SCREENS.has(s.screen);
    coverTitle.textContent = t('instructor.pausedCover');
    coverNote.textContent = t('instructor.pausedCoverNote');
    cover.hidden = !show;
    // The teams cannot act underneath: the game's controls take no focus or input while the panel is open or the game paused.
    const content = appRoot();
    if (content) content.inert = show || s.instructor.panel !== 'closed';
  };

  const follow = (s: AppState, previous: AppState | null): void => {
    syncCover(s);
    if (previous && s.instructor.paused !== previous.instructor.paused) announce(t(s.instructor.paused ? 'instructor.pausedSpoken' : 'instructor.resumedSpoken'));
    const panel = s.instructor.panel;
    if (panel === 'closed' || !s.session) {
      if (built) {
        built = null;
        say('');
        dialogModal.close();
      }
      return;
    }
    const language = currentLanguage();
    let focus: HTMLElement | undefined;
    if (!built || built.panel !== panel || built.language !== language) {
      title.textContent = t('instructor.title');
      setButtonLabel(closeButton, t('instructor.close'));
      keys.textContent = t('instructor.keys');
      if (built?.panel !== panel) say('');
      const view = panel === 'locked' ? buildLocked() : buildOpen();
      focus = view.focus;
      built = { panel, language, update: view.update };
    }
    built.update(s);
    if (focus) dialogModal.open(focus);
  };

  // Registered before any screen's own key handlers, so it can keep the game's shortcuts from acting
  // while the panel is open (a key outside it) or the game is paused.
  const onKey = (event: KeyboardEvent): void => {
    const s = store.getState();
    if (!isPanelShortcut(event)) {
      const outside = !(event.target instanceof Node && dialog.contains(event.target));
      if (outside && (s.instructor.panel !== 'closed' || (s.instructor.paused && !cover.hidden))) {
        event.stopImmediatePropagation();
        if (event.key !== 'Tab') event.preventDefault();
        // Focus fell out of the open panel (its control went away): Escape still closes it.
        if (event.key === 'Escape' && s.instructor.panel !== 'closed') s.actions.closeInstructorPanel();
      }
      return;
    }
    if (event.repeat) return;
    const inGame = GAME_SCREENS.has(s.screen) || (s.screen === 'settings' && GAME_SCREENS.has(s.previousScreen));
    if (!s.session || !inGame) return;
    event.preventDefault();
    if (s.instructor.panel === 'closed') openInstructorPanel(store);
    else s.actions.closeInstructorPanel();
  };
  // Capture: ahead of every screen's own key handlers, however late the panel was loaded.
  document.addEventListener('keydown', onKey, true);
  follow(store.getState(), null);
  const unsubscribe = store.subscribe((s, previous) => {
    if (s.instructor !== previous.instructor || s.session !== previous.session || s.screen !== previous.screen || s.settings.language !== previous.settings.language) follow(s, previous);
  });
  return () => {
    unsubscribe();
    document.removeEventListener('keydown', onKey, true);
    cover.remove();
    backdrop.remove();
  };
}
