/**
 * "How Tokyo saw it / How Seoul saw it" as lines of text: the meters over the turn, every change
 * with its cause, argument and source, and what the other side did. The resolution screen's columns
 * and the debrief's reading column are built from these lines (src/ui/screens).
 */
import type { Language, Scenario } from '../../engine/model';
import { t } from '../../i18n';
import { formatDelta, formatNumber, sideName, type CauseGroup, type CauseInfo, type ChangeLine, type MeterSummary, type SideExplanation, type SourceRef } from '../present';

export type LineStyle = 'heading' | 'cause' | 'change' | 'perceived' | 'explain' | 'source' | 'plain' | 'muted';

export interface Line {
  readonly text: string;
  readonly style: LineStyle;
}

export function causeWords(c: CauseInfo, scenario: Scenario, language: Language): string {
  const side = c.side ? sideName(scenario, c.side, language) : '';
  switch (c.kind) {
    case 'decision':
      return t('play.cause.decision', { side, title: c.title });
    case 'joint':
      return t('play.cause.joint', { title: c.title });
    case 'declined':
      return t('play.cause.declined', { side, title: c.title });
    case 'event':
      return t(c.byInstructor ? 'play.cause.eventByInstructor' : 'play.cause.event', { title: c.title });
    case 'instructor':
      return t('play.cause.instructor', { title: c.title, reason: c.reason ?? '' });
    case 'response':
      return side ? t('play.cause.response', { side, title: c.title, choice: c.choice ?? '' }) : t('play.cause.responseDefault', { title: c.title, choice: c.choice ?? '' });
    case 'rule':
      return t('play.cause.rule', { title: c.title });
    case 'drift':
      return t('play.cause.drift');
    case 'delayed': {
      const what = causeWords({ ...c, kind: c.origin ?? 'decision' }, scenario, language);
      return t('play.cause.delayed', { what });
    }
  }
}

export function changeWords(l: ChangeLine): string {
  switch (l.target) {
    case 'flag':
      return t(l.after ? 'play.resolution.lineFlagOn' : 'play.resolution.lineFlagOff', { label: l.label });
    case 'counter':
      return t('play.resolution.lineCounter', { label: l.label, delta: formatDelta(l.delta) });
    case 'meter':
      if (l.seen === 'exact') return t('play.resolution.lineExact', { label: l.label, delta: formatDelta(l.delta) });
      return t(l.direction === 'up' ? 'play.resolution.lineUp' : l.direction === 'down' ? 'play.resolution.lineDown' : 'play.resolution.lineMoved', { label: l.label });
  }
}

export function sourceWords(s: SourceRef): string {
  return t('play.resolution.source', { author: s.author, title: s.title, year: s.year });
}

export function meterWords(m: MeterSummary): string {
  const unit = m.unit ?? '';
  if (m.seen === 'exact') return t('play.resolution.meterExact', { label: m.label, before: formatNumber(m.before), after: formatNumber(m.after), unit, delta: formatDelta(m.delta) });
  if (m.before && m.after)
    return t('play.resolution.meterPoll', { label: m.label, before: formatNumber(m.before.estimate), after: formatNumber(m.after.estimate), unit, margin: formatNumber(m.after.margin) });
  if (m.after) return t('play.resolution.meterPollNone', { label: m.label, after: formatNumber(m.after.estimate), unit, margin: formatNumber(m.after.margin) });
  return t('play.resolution.meterPollStale', { label: m.label });
}

export function groupLines(g: CauseGroup, scenario: Scenario, language: Language, viewer: SideExplanation['side']): Line[] {
  const lines: Line[] = [{ text: causeWords(g.cause, scenario, language), style: 'cause' }];
  for (const c of g.changes) lines.push({ text: `• ${changeWords(c)}`, style: 'change' });
  if (g.cause.perceived) lines.push({ text: t('play.resolution.perceived', { side: sideName(scenario, viewer, language), text: g.cause.perceived }), style: 'perceived' });
  if (g.cause.explain) lines.push({ text: g.cause.explain, style: 'explain' });
  if (g.cause.source) lines.push({ text: sourceWords(g.cause.source), style: 'source' });
  return lines;
}

export function resolutionLines(e: SideExplanation, scenario: Scenario, language: Language): Line[] {
  const lines: Line[] = [{ text: t('play.resolution.meters'), style: 'heading' }];
  if (e.meters.length === 0) lines.push({ text: t('play.resolution.noChange'), style: 'muted' });
  for (const m of e.meters) lines.push({ text: meterWords(m), style: 'plain' });

  const otherName = sideName(scenario, e.other.side, language);
  lines.push({ text: t('play.resolution.otherDid', { side: otherName }), style: 'heading' });
  const did: string[] = [];
  for (const d of e.other.decisions) {
    did.push(t(d.status === 'taken' ? 'play.resolution.took' : d.status === 'together' ? 'play.resolution.together' : 'play.resolution.proposed', { title: d.title }));
  }
  for (const r of e.other.responses) did.push(t('play.resolution.answered', { event: r.eventTitle, choice: r.choiceTitle }));
  for (const p of e.other.declinedOurs) did.push(t('play.resolution.lapsedOurs', { title: p.title }));
  for (const p of e.weDeclined) did.push(t('play.resolution.weLapsed', { side: otherName, title: p.title }));
  if (did.length === 0) did.push(t('play.resolution.nothingDone'));
  for (const d of did) lines.push({ text: `• ${d}`, style: 'plain' });

  lines.push({ text: t('play.resolution.why'), style: 'heading' });
  if (e.groups.length === 0) lines.push({ text: t('play.resolution.noChange'), style: 'muted' });
  for (const g of e.groups) lines.push(...groupLines(g, scenario, language, e.side));
  return lines;
}
