/**
 * Each screen's view, by the key src/store/screens.ts declares: the type requires exactly one view
 * for every declared screen, so a screen added there and not here does not compile.
 */
import type { Screen } from '../../store/screens';
import { el } from '../kit';
import { debriefView } from './debrief';
import { resolutionView } from './resolution';
import { classSetupView } from './classSetup';
import { scenariosView } from './scenarios';
import { settingsView } from './settings';
import { sideView } from './side';
import { titleView } from './title';
import type { ScreenView } from './view';

// A screen not yet rebuilt on the DOM: says so (temporary while the screens are ported).
const pending =
  (name: string): ScreenView =>
  (root) =>
    root.append(el('h1', { text: name }));

export const VIEWS: Readonly<Record<Screen, ScreenView>> = {
  title: titleView,
  settings: settingsView,
  scenarios: scenariosView,
  side: sideView,
  classSetup: classSetupView,
  briefing: pending('Briefing'),
  handover: pending('Handover'),
  turn: pending('Turn'),
  resolution: resolutionView,
  debrief: debriefView,
};
