/**
 * The dashboard's actions, for the selected games or every game: pause and resume, show the true
 * meters and hide them, fire one of the scenario's events, set a meter with a reason (the instructor
 * panel's own lists and checks, src/ui/instructor/model.ts), and — each asked first — undo the last
 * turn and end the games. What is typed stays in `form` across a redraw.
 */
import type { GameSummary, InstructorAction } from '../../../class/instructor';
import type { Language, Scenario } from '../../../engine/model';
import { formatNumber, t } from '../../../i18n';
import { adjustFormProblem, panelEvents, panelMeters, type PanelMeter } from '../../instructor/model';
import { button, choice, el, uniqueId } from '../../kit';

export interface ControlsForm {
  target: 'all' | 'selected';
  event: string;
  meter: string;
  value: string;
  reason: string;
  confirming: 'undo' | 'end' | null;
}

export interface ControlsOptions {
  readonly scenario: Scenario;
  readonly language: Language;
  readonly form: ControlsForm;
  readonly selectedCount: number;
  /** The game whose meters the set-meter form starts from (the first selected, else the first). */
  readonly sample: GameSummary | undefined;
  readonly connected: boolean;
  readonly act: (action: InstructorAction) => void;
  /** The form changed in a way the controls show (the confirmation, the target): draw them again. */
  readonly redraw: () => void;
}

/** Focus to the control `key` once the controls are drawn again (the question asked, or the button that asked it). */
function focusKey(key: string): void {
  document.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus();
}

function labelled(text: string, control: HTMLElement, detail?: HTMLElement): HTMLLabelElement {
  return el('label', { class: 'field' }, el('span', { class: 'field-label', text }), control, detail);
}

function select(key: string, options: readonly { value: string; label: string }[], value: string, onChange: (v: string) => void): HTMLSelectElement {
  const s = el('select', { class: 'field-input', data: { key } });
  s.append(...options.map((o) => Object.assign(el('option', { text: o.label }), { value: o.value })));
  s.value = options.some((o) => o.value === value) ? value : (options[0]?.value ?? '');
  s.addEventListener('change', () => onChange(s.value));
  return s;
}

function input(key: string, value: string, onInput: (v: string) => void): HTMLInputElement {
  const i = el('input', { class: 'field-input', data: { key } });
  i.type = 'text';
  i.autocomplete = 'off';
  i.value = value;
  i.addEventListener('input', () => onInput(i.value));
  return i;
}

/** The sample game's true meters now, for the meter list's values. */
function metersNow(scenario: Scenario, sample: GameSummary | undefined): Record<string, number> {
  const row = sample?.meters[sample.meters.length - 1];
  return Object.fromEntries(scenario.meters.map((m, i) => [m.id, row?.[i] ?? m.start]));
}

export function controls(o: ControlsOptions): HTMLElement {
  const { scenario, language, form } = o;
  const off = !o.connected;
  const onSelected = form.target === 'selected';
  const none = onSelected && o.selectedCount === 0;
  const disabled = off || none;
  const simple = (kind: 'pause' | 'resume' | 'reveal' | 'hide', label: string): HTMLButtonElement =>
    button({
      label,
      key: `dash:${kind}`,
      disabled,
      onPress: () => o.act(kind === 'reveal' ? { kind: 'reveal', revealed: true } : kind === 'hide' ? { kind: 'reveal', revealed: false } : { kind }),
    });

  const target = choice({
    legend: t('instructorClass.controls.target'),
    name: 'dash-target',
    value: form.target,
    options: [
      { value: 'all', label: t('instructorClass.controls.all') },
      { value: 'selected', label: t('instructorClass.controls.selected', { count: o.selectedCount }) },
    ],
    onChange: (v) => {
      form.target = v === 'selected' ? 'selected' : 'all';
      o.redraw();
    },
  });

  // Undo and end are asked first: they take back the teams' work, or stop their games.
  const confirming = form.confirming;
  const asks = confirming
    ? el(
        'div',
        { class: 'dash-confirm', role: 'group', aria: { label: t(`instructorClass.controls.${confirming}Confirm`) } },
        el('p', { text: t(`instructorClass.controls.${confirming}Confirm`) }),
        el(
          'div',
          { class: 'dash-row' },
          button({
            label: t(`instructorClass.controls.${confirming}Yes`),
            key: `dash:${confirming}-yes`,
            variant: 'danger',
            disabled,
            onPress: () => {
              form.confirming = null;
              o.act({ kind: confirming });
              o.redraw();
              focusKey(`dash:${confirming}`);
            },
          }),
          button({
            label: t('instructor.cancel'),
            key: 'dash:cancel',
            onPress: () => {
              form.confirming = null;
              o.redraw();
              focusKey(`dash:${confirming}`);
            },
          }),
        ),
      )
    : null;
  const ask = (kind: 'undo' | 'end', label: string): HTMLButtonElement =>
    button({
      label,
      key: `dash:${kind}`,
      variant: 'danger',
      disabled,
      onPress: () => {
        form.confirming = kind;
        o.redraw();
        // The question is the next thing to answer: Cancel, the safe way out, takes the focus.
        focusKey('dash:cancel');
      },
    });

  // Fire an event: any of the scenario's (the server refuses one already fired this turn, and says so per game).
  const events = panelEvents(scenario, { fired: [] }, language);
  const eventSelect = select(
    'dash:event',
    events.map((e) => ({ value: e.id, label: e.title })),
    form.event,
    (v) => (form.event = v),
  );
  form.event = eventSelect.value;
  const fire = el(
    'form',
    { class: 'dash-form' },
    labelled(t('instructorClass.controls.event'), eventSelect),
    button({ label: t('instructorClass.controls.fire'), key: 'dash:fire', disabled: disabled || events.length === 0, onPress: () => o.act({ kind: 'fire', event: form.event }) }),
  );
  fire.addEventListener('submit', (e) => e.preventDefault());

  // Set a meter, with the reason the teams' reports show.
  const meters = panelMeters(scenario, { meters: metersNow(scenario, o.sample) }, language);
  const meterOf = (): PanelMeter | undefined => meters.find((m) => m.id === form.meter);
  const meterSelect = select(
    'dash:meter',
    // The label alone (a select cuts a long option short); the value now and the bounds are said beside it.
    meters.map((m) => ({ value: m.id, label: m.label })),
    form.meter,
    (v) => {
      form.meter = v;
      const m = meterOf();
      form.value = m ? String(Math.round(m.value * 10) / 10) : '';
      valueInput.value = form.value;
      showMeter();
      check();
    },
  );
  if (form.meter !== meterSelect.value) {
    form.meter = meterSelect.value;
    const m = meterOf();
    form.value = m ? String(Math.round(m.value * 10) / 10) : '';
  }
  const valueInput = input('dash:value', form.value, (v) => {
    form.value = v;
    check();
  });
  valueInput.inputMode = 'decimal';
  const reasonInput = input('dash:reason', form.reason, (v) => {
    form.reason = v;
    check();
  });
  reasonInput.maxLength = 200;
  const valueLabel = el('span', { class: 'field-label' });
  const seen = el('p', { class: 'field-detail' });
  const hint = el('p', { class: 'field-detail dash-hint', id: uniqueId('dash-adjust-hint') });
  const set = button({
    label: t('instructor.set'),
    key: 'dash:set',
    disabled: true,
    onPress: () => {
      const m = meterOf();
      if (!m || adjustFormProblem(m, form.value, form.reason) !== null) return check();
      o.act({ kind: 'adjust', meter: m.id, value: Number(form.value), reason: form.reason.trim() });
    },
  });
  set.setAttribute('aria-describedby', hint.id);
  const showMeter = (): void => {
    const m = meterOf();
    valueLabel.textContent = m ? t('instructor.newValue', { min: formatNumber(m.min), max: formatNumber(m.max) }) : '';
    const now = m && o.sample ? ` ${t('instructorClass.controls.meterNow', { value: `${formatNumber(m.value)}${m.unit}`, code: o.sample.code })}` : '';
    seen.textContent = m ? `${t('instructor.meterSeen', { tokyo: t(`instructor.visibility.${m.visibility.tokyo}`), seoul: t(`instructor.visibility.${m.visibility.seoul}`) })}${now}` : '';
  };
  const check = (): void => {
    const m = meterOf();
    const problem = adjustFormProblem(m, form.value, form.reason);
    set.disabled = disabled || problem !== null;
    hint.textContent = problem === 'reason' ? t('instructor.needReason') : problem === 'range' && m ? t('instructor.outOfRange', { min: formatNumber(m.min), max: formatNumber(m.max) }) : '';
  };
  showMeter();
  check();
  const adjust = el(
    'form',
    { class: 'dash-form' },
    labelled(t('instructor.meter'), meterSelect, seen),
    el('label', { class: 'field' }, valueLabel, valueInput),
    labelled(t('instructor.reason'), reasonInput),
    hint,
    set,
  );
  adjust.addEventListener('submit', (e) => e.preventDefault());

  return el(
    'section',
    { class: 'panel dash-controls', aria: { label: t('instructorClass.controls.heading') } },
    el('h2', { text: t('instructorClass.controls.heading') }),
    target,
    none ? el('p', { class: 'field-detail', text: t('instructorClass.controls.noneSelected') }) : null,
    el('div', { class: 'dash-row' }, simple('pause', t('instructorClass.action.pause')), simple('resume', t('instructorClass.action.resume'))),
    el('div', { class: 'dash-row' }, simple('reveal', t('instructorClass.action.reveal')), simple('hide', t('instructorClass.action.hide'))),
    el('div', { class: 'dash-row' }, ask('undo', t('instructorClass.action.undo')), ask('end', t('instructorClass.action.end'))),
    asks,
    el('h3', { text: t('instructor.events') }),
    fire,
    el('h3', { text: t('instructor.adjust') }),
    adjust,
  );
}
