import { t, tx } from '../i18n';
import { formatPeriod } from '../i18n/period';
import type { CatalogEntry } from '../store';
import { isLibraryEntry } from '../store/library';
import { announce, onFocusChange, openFileChooser, renderScreen, type MirrorHandle, type MirrorItem } from '../ui/dom';
import { bringLocalFiles } from '../ui/library';
import { CSS_COLORS, fontPx } from '../theme';
import { addKeyHint, footerTop } from './widgets/backdrop';
import { Button, clicked } from './widgets/button';
import { MenuScene } from './widgets/menuScene';
import { addPanel } from './widgets/panel';
import { ScrollArea } from './widgets/scrollArea';
import { addHeading, addText } from './widgets/text';

const LIST_X = 80;
const LIST_WIDTH = 440;
const DETAIL_X = 560;
const LIST_GAP = 12;
const LOAD_KEY = 'library:load';
const REMOVE_KEY = 'library:remove';
/** What the file chooser offers: YAML files (any file can still be chosen; the checker says what is wrong). */
const YAML_FILES = '.yaml,.yml,application/yaml,application/x-yaml,text/yaml,text/x-yaml';

/** One line of facts about a scenario: its period, its length in turns, its difficulty. */
export function scenarioFacts(entry: CatalogEntry): string[] {
  const s = entry.scenario;
  return [
    ...(s.period ? [t('scenarios.period', { period: formatPeriod(s.period) })] : []),
    t('scenarios.length', { count: s.turns }),
    ...(s.difficulty ? [t('scenarios.difficulty', { level: t(`common.scenarioDifficulty.${s.difficulty}`) })] : []),
  ];
}

/** A scenario's name in the list: an instructor's own file says so. */
function listLabel(entry: CatalogEntry, separator: string): string {
  return isLibraryEntry(entry) ? `${tx(entry.scenario.title)}${separator}${t('library.yourFile', { file: entry.file })}` : tx(entry.scenario.title);
}

/**
 * The scenarios to choose from: a list on the left (one choice out of several; it scrolls when an
 * instructor's files make it longer than the room), the chosen one's summary, period, length and
 * difficulty on the right, a button to load a scenario file, and Next to choose a side.
 */
export class ScenarioSelect extends MenuScene {
  private selected: string | null = null;
  private detail: { destroy(): void }[] = [];
  private mirror!: MirrorHandle;
  private list: { id: string; button: Button }[] = [];
  private first = 0;
  private listBox = { top: 0, bottom: 0 };
  private moreHint?: { setVisible(visible: boolean): unknown };

  constructor() {
    super('ScenarioSelect');
  }

  create(): void {
    this.begin();
    this.detail = [];
    this.list = [];
    this.first = 0;
    const { width } = this.scale;
    const { catalog, pick } = this.state;
    const actions = this.actions;
    this.selected = (pick.scenarioId && catalog.some((e) => e.id === pick.scenarioId) ? pick.scenarioId : null) ?? catalog[0]?.id ?? null;

    const top = addHeading(this, LIST_X, 44, t('scenarios.heading'), width - LIST_X * 2);
    const back = clicked(() => actions.go('title'));
    const next = clicked(() => {
      if (!this.selected) return;
      actions.pickScenario(this.selected);
      actions.go('side');
    });

    const footerY = footerTop(this);
    const hint = addText(this, LIST_X + LIST_WIDTH / 2, footerY - 20, `▲▼  ${t('library.more')}`, { size: 15, color: CSS_COLORS.muted, align: 'center', wrap: LIST_WIDTH }).setOrigin(0.5, 1);
    this.moreHint = hint;
    this.listBox = { top, bottom: hint.y - hint.height - 8 };

    const buttons = new Map<string, Button>();
    for (const entry of catalog) {
      const button = new Button(this, this.ring, {
        key: `scenario:${entry.id}`,
        x: LIST_X,
        y: top,
        width: LIST_WIDTH,
        label: listLabel(entry, '\n'),
        size: 21,
        selected: entry.id === this.selected,
        onActivate: () => this.select(entry.id, buttons),
      });
      buttons.set(entry.id, button);
      this.list.push({ id: entry.id, button });
    }
    if (catalog.length === 0) addText(this, LIST_X, top, t('scenarios.none'), { size: 22, wrap: width - LIST_X * 2 });
    this.reveal(this.selected);
    // The wheel over the list moves it by one scenario.
    this.input.on('wheel', (pointer: { x: number; y: number }, _over: unknown, _dx: number, dy: number) => {
      if (pointer.x < LIST_X || pointer.x > LIST_X + LIST_WIDTH || pointer.y < top || pointer.y > this.listBox.bottom) return;
      this.scrollList(dy > 0 ? 1 : -1);
    });

    const nextButton = new Button(this, this.ring, { key: 'scenarios:next', x: 0, y: footerY, label: t('scenarios.next'), variant: 'primary', size: 24, disabled: !this.selected, onActivate: () => next() });
    nextButton.setPosition(width - LIST_X - nextButton.width, footerY);
    const backButton = new Button(this, this.ring, { key: 'scenarios:back', x: LIST_X, y: footerY, label: t('common.back'), size: 22, onActivate: () => back() });
    new Button(this, this.ring, { key: LOAD_KEY, x: LIST_X + backButton.width + 20, y: footerY, label: t('library.load'), size: 22, onActivate: () => openFileChooser(LOAD_KEY) });
    addKeyHint(this, t('keys.list'));

    this.detailBox = { x: DETAIL_X, y: top, width: width - LIST_X - DETAIL_X, height: footerY - top - 24 };
    this.showDetail();

    const chosen = catalog.find((e) => e.id === this.selected);
    const items: MirrorItem[] = [
      { kind: 'heading', level: 1, text: t('scenarios.heading') },
      ...(catalog.length === 0 ? [{ kind: 'text' as const, text: t('scenarios.none') }] : []),
      {
        kind: 'radio',
        key: 'scenario',
        legend: t('scenarios.legend'),
        value: this.selected,
        options: catalog.map((entry) => ({
          value: entry.id,
          label: listLabel(entry, ' · '),
          description: [tx(entry.scenario.summary), ...scenarioFacts(entry)].filter(Boolean).join(' · '),
        })),
        onChange: (id) => this.select(id, buttons),
      },
      ...(chosen && isLibraryEntry(chosen)
        ? [{ kind: 'button' as const, key: REMOVE_KEY, label: t('library.remove'), description: t('library.yourFile', { file: chosen.file }), onActivate: clicked(() => this.remove(chosen.id)) }]
        : []),
      { kind: 'button', key: 'scenarios:next', label: t('scenarios.next'), disabled: !this.selected, onActivate: next },
      { kind: 'file', key: LOAD_KEY, label: t('library.load'), accept: YAML_FILES, onFile: (file) => void bringLocalFiles(this.store, [file], 'chosen') },
      { kind: 'button', key: 'scenarios:back', label: t('common.back'), onActivate: back },
      { kind: 'text', text: t('keys.list') },
    ];
    this.mirror = renderScreen({ name: 'scenarios', onEscape: back, items });
    this.nextButton = nextButton;
    // A file loaded or removed while the list shows (or remembered files arriving after boot) redraws it.
    this.watch((s) => s.catalog, () => this.redraw());
    // A scenario scrolled out of the list scrolls back in when its twin takes keyboard focus.
    const stop = onFocusChange((key) => {
      if (key?.startsWith('scenario:') && this.list.some((e) => `scenario:${e.id}` === key)) this.reveal(key.slice('scenario:'.length));
    });
    this.events.once('shutdown', stop);
    this.ready();
    announce(t('scenarios.heading'));
  }

  private detailBox = { x: 0, y: 0, width: 0, height: 0 };
  private nextButton?: Button;

  private select(id: string, buttons: ReadonlyMap<string, Button>): void {
    const before = this.state.catalog.find((e) => e.id === this.selected);
    this.selected = id;
    this.actions.pickScenario(id);
    const entry = this.state.catalog.find((e) => e.id === id);
    // The Remove control comes and goes with an instructor's file: draw the screen again (focus stays put).
    if (entry && before && isLibraryEntry(entry) !== isLibraryEntry(before)) {
      this.redraw();
      if (entry) announce(tx(entry.scenario.title));
      return;
    }
    for (const [other, button] of buttons) button.setSelected(other === id);
    this.mirror.setRadio('scenario', id);
    this.mirror.setDisabled('scenarios:next', false);
    this.nextButton?.setEnabled(true);
    this.reveal(id);
    this.showDetail();
    if (entry) announce(tx(entry.scenario.title));
  }

  private remove(id: string): void {
    const entry = this.state.catalog.find((e) => e.id === id);
    if (!entry || !isLibraryEntry(entry)) return;
    this.actions.removeFromLibrary(id);
    announce(t('library.removed', { file: entry.file }));
  }

  /** Lays the list out from its first shown scenario, showing as many as fit; the rest wait off the list. */
  private layoutList(): void {
    let y = this.listBox.top;
    let hidden = this.first > 0;
    this.list.forEach(({ button }, i) => {
      const fits = i >= this.first && y + button.height <= this.listBox.bottom;
      button.setVisible(fits).setEnabled(fits);
      if (fits) {
        button.setPosition(LIST_X, y);
        y += button.height + LIST_GAP;
      } else if (i >= this.first) {
        y = Infinity;
        hidden = true;
      }
    });
    this.moreHint?.setVisible(hidden);
    this.ring.draw();
  }

  /** Scrolls the list so that `id` shows. */
  private reveal(id: string | null): void {
    const index = this.list.findIndex((e) => e.id === id);
    if (index >= 0 && index < this.first) this.first = index;
    while (index >= 0 && this.first < index && !this.listFits(index)) this.first++;
    this.layoutList();
  }

  /** True when every scenario from the first shown to `index` fits in the list's room. */
  private listFits(index: number): boolean {
    let y = this.listBox.top;
    for (let i = this.first; i <= index; i++) y += this.list[i]!.button.height + (i > this.first ? LIST_GAP : 0);
    return y <= this.listBox.bottom;
  }

  private scrollList(step: number): void {
    const last = this.list.length - 1;
    if (step > 0 && (this.first >= last || this.listFits(last))) return;
    this.first = Math.max(0, Math.min(last, this.first + step));
    this.layoutList();
  }

  /** The chosen scenario's title, facts and summary in the panel on the right (with Remove for an instructor's file). */
  private showDetail(): void {
    for (const obj of this.detail) obj.destroy();
    this.detail = [];
    const entry = this.state.catalog.find((e) => e.id === this.selected);
    if (!entry) return;
    const { x, y, width, height } = this.detailBox;
    this.detail.push(addPanel(this, x, y, width, height));
    let textHeight = height - 40;
    if (isLibraryEntry(entry)) {
      const remove = new Button(this, this.ring, { key: REMOVE_KEY, x: x + 24, y: 0, label: t('library.remove'), size: 18, onActivate: () => this.remove(entry.id) });
      remove.setPosition(x + 24, y + height - 20 - remove.height);
      textHeight -= remove.height + 16;
      this.detail.push(remove);
    }
    this.area?.destroy();
    this.area = new ScrollArea(this, x + 24, y + 20, width - 40, textHeight, this.ring, 'scenario:detail');
    this.area.add(tx(entry.scenario.title), { size: 26, bold: true, color: CSS_COLORS.gold });
    // The facts on one line when they fit, else one fact a line (never a fact cut in two).
    const facts = scenarioFacts(entry);
    const probe = addText(this, 0, 0, facts.join('   ·   '), { size: 18 });
    const oneLine = probe.width <= width - 58;
    probe.destroy();
    this.area.add(facts.join(oneLine ? '   ·   ' : '\n'), { size: 18, color: CSS_COLORS.muted }, 8);
    if (isLibraryEntry(entry)) this.area.add(t('library.yourFile', { file: entry.file }), { size: 18, color: CSS_COLORS.gold }, 4);
    this.area.add(tx(entry.scenario.summary), { size: 20, lineSpacing: fontPx(6) }, 16);
  }

  private area?: ScrollArea;
}
