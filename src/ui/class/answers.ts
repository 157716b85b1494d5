/**
 * A class game's debrief, for a team: the debrief's questions with a place to answer each (text, or
 * one of its choices), saved on the class server for the instructor to read and grade. The answer
 * guide and a choice question's key are the instructor's: they never reach this page's screens.
 */
import type { Language, Scenario } from '../../engine/model';
import { MAX_MEMO } from '../../class/instructor';
import { t } from '../../i18n';
import { localize } from '../../i18n/text';
import { button, choice, el, textField } from '../kit';
import type { ScreenContext } from '../screens/view';

export function answerForm(ctx: ScreenContext, scenario: Scenario, language: Language): HTMLElement | null {
  const start = ctx.state().classGame;
  if (!start || start.seat === 'observer' || start.classCode === null || scenario.questions.length === 0) return null;
  const statuses: (() => void)[] = [];
  const items = scenario.questions.map((q, i) => {
    const saved = () => ctx.state().classGame?.answers.find((a) => a.question === i);
    let answer: { text?: string; choice?: string } | null = saved()
      ? { ...(saved()!.text !== undefined && { text: saved()!.text }), ...(saved()!.choice !== undefined && { choice: saved()!.choice }) }
      : null;
    const status = el('p', { class: 'class-answer-status', aria: { live: 'polite' } });
    const control = q.choices
      ? choice({
          legend: t('classWork.answers.choose'),
          name: `answer-${i}`,
          layout: 'column',
          value: answer?.choice ?? null,
          options: q.choices.map((c) => ({ value: c.id, label: localize(c.text, language) })),
          onChange: (v) => {
            answer = { choice: v };
            draw();
          },
        })
      : textField({
          label: t('classWork.answers.label', { number: i + 1 }),
          key: `answer:${i}`,
          value: answer?.text ?? '',
          multiline: true,
          maxLength: MAX_MEMO,
          onInput: (v) => {
            answer = v.trim() === '' ? null : { text: v.trim() };
            draw();
          },
        });
    const save = button({ label: t('classWork.answers.save'), key: `answer:save:${i}`, onPress: () => answer && ctx.actions.answerQuestion(i, answer) });
    const draw = (): void => {
      const held = saved();
      const same = held !== undefined && answer !== null && (held.text ?? null) === (answer.text ?? null) && (held.choice ?? null) === (answer.choice ?? null);
      status.textContent = same ? t('classWork.answers.saved') : t('classWork.answers.unsaved');
      save.disabled = answer === null || same;
    };
    statuses.push(draw);
    draw();
    return el('li', { class: 'class-answer' }, el('p', { class: 'class-answer-question', text: localize(q.text, language) }), control, el('div', { class: 'class-row' }, save, status));
  });
  ctx.watch(
    (s) => s.classGame?.answers,
    () => statuses.forEach((draw) => draw()),
  );
  const heading = t('classWork.answers.heading');
  return el('section', { class: 'class-answers', aria: { label: heading } }, el('h2', { text: heading }), el('p', { text: t('classWork.answers.intro') }), el('ol', {}, ...items));
}
