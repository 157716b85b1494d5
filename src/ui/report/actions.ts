/** What the debrief's report buttons do: download the game as JSON, the meters as CSV, open the printable page. */
import { currentLanguage } from '../../i18n';
import type { AppState } from '../../store';
import { downloadText } from '../kit';
import { gameRecord, gameRecordJson } from './gameRecord';
import { metersCsv } from './metersCsv';
import { printModel } from './printModel';
import { openPrintView } from './printView';
import { replayStates } from '../present/replay';

function current(state: AppState) {
  const session = state.session;
  const entry = session && state.catalog.find((e) => e.id === session.scenarioId);
  return session && entry ? { session, entry } : null;
}

/** "2015-06-30" in the player's own time zone: the day they will look for in their downloads. */
export function day(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Downloads the whole game as JSON; false when there is no game to export. */
export function downloadGameRecord(state: AppState, now = new Date()): boolean {
  const game = current(state);
  if (!game) return false;
  downloadText(`close-yet-distant-${game.entry.id}-${day(now)}.json`, gameRecordJson(gameRecord(game.session, game.entry, now.toISOString())), 'application/json');
  return true;
}

/** Downloads every meter's true value turn by turn as CSV; false when there is no game to export. */
export function downloadMetersCsv(state: AppState, now = new Date()): boolean {
  const game = current(state);
  if (!game) return false;
  const states = replayStates(game.entry.scenario, game.session.seed, game.session.orders, game.session.log);
  downloadText(`close-yet-distant-${game.entry.id}-${day(now)}-meters.csv`, metersCsv(game.entry.scenario, states, currentLanguage()), 'text/csv;charset=utf-8');
  return true;
}

/** Opens the printable debrief over the game; `onClose` runs when the player goes back. */
export function openPrintableDebrief(state: AppState, onClose: () => void, now = new Date()): boolean {
  const game = current(state);
  if (!game) return false;
  const scenario = game.entry.scenario;
  const states = replayStates(scenario, game.session.seed, game.session.orders, game.session.log);
  openPrintView(printModel({ scenario, session: game.session, states, language: currentLanguage(), today: now }), onClose);
  return true;
}
