import { t, tx } from '../i18n';
import type { CatalogEntry } from '../store';
import { announce, renderScreen, type MirrorHandle } from '../ui/dom';
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

/** One line of facts about a scenario: its period, its length in turns, its difficulty. */
export function scenarioFacts(entry: CatalogEntry): string[] {
  const s = entry.scenario;
  return [
    ...(s.period ? [t('scenarios.period', { period: s.period })] : []),
    t('scenarios.length', { count: s.turns }),
    ...(s.difficulty ? [t('scenarios.difficulty', { level: t(`common.scenarioDifficulty.${s.difficulty}`) })] : []),
  ];
}

/**
 * The scenarios to choose from: a list on the left (one choice out of several), the chosen one's
 * summary, period, length and difficulty on the right, and Next to choose a side.
 */
export class ScenarioSelect extends MenuScene {
  private selected: string | null = null;
  private detail: { destroy(): void }[] = [];
  private mirror!: MirrorHandle;

  constructor() {
    super('ScenarioSelect');
  }

  create(): void {
    this.begin();
    this.detail = [];
    const { width } = this.scale;
    const { catalog, pick } = this.state;
    const actions = this.actions;
    this.selected = pick.scenarioId ?? catalog[0]?.id ?? null;

    const top = addHeading(this, LIST_X, 44, t('scenarios.heading'), width - LIST_X * 2);
    const back = clicked(() => actions.go('title'));
    const next = clicked(() => {
      if (!this.selected) return;
      actions.pickScenario(this.selected);
      actions.go('side');
    });

    const buttons = new Map<string, Button>();
    let y = top;
    for (const entry of catalog) {
      const button = new Button(this, this.ring, {
        key: `scenario:${entry.id}`,
        x: LIST_X,
        y,
        width: LIST_WIDTH,
        label: tx(entry.scenario.title),
        size: 21,
        selected: entry.id === this.selected,
        onActivate: () => this.select(entry.id, buttons),
      });
      buttons.set(entry.id, button);
      y += button.height + 12;
    }
    if (catalog.length === 0) addText(this, LIST_X, top, t('scenarios.none'), { size: 22, wrap: width - LIST_X * 2 });

    const footerY = footerTop(this);
    const nextButton = new Button(this, this.ring, { key: 'scenarios:next', x: 0, y: footerY, label: t('scenarios.next'), variant: 'primary', size: 24, disabled: !this.selected, onActivate: () => next() });
    nextButton.setPosition(width - LIST_X - nextButton.width, footerY);
    new Button(this, this.ring, { key: 'scenarios:back', x: LIST_X, y: footerY, label: t('common.back'), size: 22, onActivate: () => back() });
    addKeyHint(this, t('keys.list'));

    this.detailBox = { x: DETAIL_X, y: top, width: width - LIST_X - DETAIL_X, height: footerY - top - 24 };
    this.showDetail();

    this.mirror = renderScreen({
      name: 'scenarios',
      onEscape: back,
      items: [
        { kind: 'heading', level: 1, text: t('scenarios.heading') },
        ...(catalog.length === 0 ? [{ kind: 'text' as const, text: t('scenarios.none') }] : []),
        {
          kind: 'radio',
          key: 'scenario',
          legend: t('scenarios.legend'),
          value: this.selected,
          options: catalog.map((entry) => ({
            value: entry.id,
            label: tx(entry.scenario.title),
            description: [tx(entry.scenario.summary), ...scenarioFacts(entry)].filter(Boolean).join(' · '),
          })),
          onChange: (id) => this.select(id, buttons),
        },
        { kind: 'button', key: 'scenarios:next', label: t('scenarios.next'), disabled: !this.selected, onActivate: next },
        { kind: 'button', key: 'scenarios:back', label: t('common.back'), onActivate: back },
        { kind: 'text', text: t('keys.list') },
      ],
    });
    this.nextButton = nextButton;
    this.ready();
    announce(t('scenarios.heading'));
  }

  private detailBox = { x: 0, y: 0, width: 0, height: 0 };
  private nextButton?: Button;

  private select(id: string, buttons: ReadonlyMap<string, Button>): void {
    this.selected = id;
    this.actions.pickScenario(id);
    for (const [other, button] of buttons) button.setSelected(other === id);
    this.mirror.setRadio('scenario', id);
    this.mirror.setDisabled('scenarios:next', false);
    this.nextButton?.setEnabled(true);
    this.showDetail();
    const entry = this.state.catalog.find((e) => e.id === id);
    if (entry) announce(tx(entry.scenario.title));
  }

  /** The chosen scenario's title, facts and summary in the panel on the right. */
  private showDetail(): void {
    for (const obj of this.detail) obj.destroy();
    this.detail = [];
    const entry = this.state.catalog.find((e) => e.id === this.selected);
    if (!entry) return;
    const { x, y, width, height } = this.detailBox;
    this.detail.push(addPanel(this, x, y, width, height));
    this.area?.destroy();
    this.area = new ScrollArea(this, x + 24, y + 20, width - 40, height - 40, this.ring, 'scenario:detail');
    this.area.add(tx(entry.scenario.title), { size: 26, bold: true, color: CSS_COLORS.gold });
    this.area.add(scenarioFacts(entry).join('   ·   '), { size: 18, color: CSS_COLORS.muted }, 8);
    this.area.add(tx(entry.scenario.summary), { size: 20, lineSpacing: fontPx(6) }, 16);
  }

  private area?: ScrollArea;
}
