/**
 * The game's screens, declared once: the key the store uses, the name the test hook publishes, whether
 * the screen belongs to a game in progress, what the world (the Phaser canvas) draws behind it, and the
 * screens it may move to. The Screen type, the views' table (src/ui/screens) and the world's backdrops
 * (src/world) all derive from this table; every move the store makes (moveTo in src/store/slices/ui.ts,
 * behind `go` and every action that changes the screen) follows only the transitions declared here.
 * Flow as data, as boardgame.io declares its phases.
 */

/** What the world draws behind a screen: the title's strait, the plain sea of the menus, or the board (the map). */
export type Backdrop = 'title' | 'sea' | 'board';

export interface ScreenDeclaration {
  /** The name `window.__cyd.scene` carries while the screen shows. */
  readonly scene: string;
  /** A screen of a game in progress: the in-game menu and the instructor panel work on these. */
  readonly inGame: boolean;
  readonly backdrop: Backdrop;
  /** The screens this one may lead to. */
  readonly to: readonly string[];
}

/** Where a game resumes (Continue, Import, an undo): its turn, the hand-over screen, or the debrief. */
const RESUME = ['briefing', 'handover', 'turn', 'debrief'] as const;
const EVERY = ['title', 'settings', 'scenarios', 'side', 'classSetup', 'classJoin', 'classCreate', 'classDashboard', 'classDebrief', 'briefing', 'handover', 'turn', 'resolution', 'debrief'] as const;

export const SCREENS = {
  title: { scene: 'Title', inGame: false, backdrop: 'title', to: ['scenarios', 'settings', 'classJoin', ...RESUME] },
  // A class game: join it (code and key, a link or a QR), or start one; then the lobby of its seats until the team goes in.
  // …or start a class (many games, one dashboard), or reopen the class this device instructs.
  classJoin: { scene: 'ClassJoin', inGame: false, backdrop: 'sea', to: ['title', 'settings', 'classCreate', 'classDashboard', ...RESUME] },
  // An instructor's class: its settings, then its dashboard (every game at a glance, actions on some or all), then its debrief.
  classCreate: { scene: 'ClassCreate', inGame: false, backdrop: 'sea', to: ['classJoin', 'classDashboard', 'settings'] },
  classDashboard: { scene: 'ClassDashboard', inGame: false, backdrop: 'sea', to: ['classJoin', 'classDebrief', 'settings', 'title'] },
  classDebrief: { scene: 'ClassDebrief', inGame: false, backdrop: 'sea', to: ['classDashboard', 'classJoin', 'settings', 'title'] },
  // Settings is opened from every screen and returns to the one it came from (or quits to the title).
  settings: { scene: 'Settings', inGame: false, backdrop: 'sea', to: EVERY },
  scenarios: { scene: 'ScenarioSelect', inGame: false, backdrop: 'sea', to: ['title', 'side', 'settings'] },
  side: { scene: 'SideSelect', inGame: false, backdrop: 'sea', to: ['scenarios', 'classSetup', 'briefing', 'settings'] },
  classSetup: { scene: 'ClassSetup', inGame: false, backdrop: 'sea', to: ['side', 'briefing', 'settings'] },
  briefing: { scene: 'Briefing', inGame: true, backdrop: 'board', to: ['turn', 'handover', 'debrief', 'settings', 'title'] },
  handover: { scene: 'Handover', inGame: true, backdrop: 'sea', to: ['turn', 'debrief', 'settings', 'title'] },
  turn: { scene: 'Turn', inGame: true, backdrop: 'board', to: ['resolution', 'handover', 'turn', 'debrief', 'settings', 'title'] },
  resolution: { scene: 'Resolution', inGame: true, backdrop: 'board', to: ['turn', 'handover', 'debrief', 'settings', 'title'] },
  // Play again starts the same pick over (the briefing), or asks for a side when the pick has none; an undo returns to a turn.
  debrief: { scene: 'Debrief', inGame: true, backdrop: 'sea', to: ['title', 'scenarios', 'side', 'briefing', 'turn', 'handover', 'settings'] },
} as const satisfies Record<string, ScreenDeclaration>;

export type Screen = keyof typeof SCREENS;

export const SCREEN_KEYS = Object.keys(SCREENS) as Screen[];

/** The screens of a game in progress (the in-game menu and the instructor panel work on these). */
export const GAME_SCREENS: ReadonlySet<Screen> = new Set(SCREEN_KEYS.filter((s) => SCREENS[s].inGame));

/** May the game move from `from` to `to`? (Staying on a screen is always allowed: a redraw.) */
export function canMove(from: Screen, to: Screen): boolean {
  return from === to || (SCREENS[from].to as readonly string[]).includes(to);
}
