/**
 * Each screen's view, by the key src/store/screens.ts declares: the type requires exactly one view
 * for every declared screen, so a screen added there and not here does not compile.
 */
import type { Screen } from '../../store/screens';
import { briefingView } from './briefing';
import { debriefView } from './debrief';
import { handoverView } from './handover';
import { resolutionView } from './resolution';
import { classSetupView } from './classSetup';
import { scenariosView } from './scenarios';
import { settingsView } from './settings';
import { sideView } from './side';
import { titleView } from './title';
import { turnView } from './turn';
import { lazyView } from './lazy';
import type { ScreenView } from './view';

export const VIEWS: Readonly<Record<Screen, ScreenView>> = {
  title: titleView,
  settings: settingsView,
  scenarios: scenariosView,
  side: sideView,
  classSetup: classSetupView,
  classJoin: lazyView(() => import('./classJoin').then((m) => m.classJoinView)),
  // An instructor's class: fetched when first opened (colyseus.js, the QR code and the class debrief stay out of the first page).
  classCreate: lazyView(() => import('./classCreate').then((m) => m.classCreateView)),
  classDashboard: lazyView(() => import('./classDashboard').then((m) => m.classDashboardView)),
  classDebrief: lazyView(() => import('./classDebrief').then((m) => m.classDebriefView)),
  briefing: briefingView,
  handover: handoverView,
  turn: turnView,
  resolution: resolutionView,
  debrief: debriefView,
};
