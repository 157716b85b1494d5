import { describe, expect, it } from 'vitest';
import { t } from '../../i18n';
import { questionLines } from './debriefText';

describe('questionLines', () => {
  it('numbers the questions and lists a multiple-choice question’s choices under it, lettered', () => {
    const lines = questionLines([
      { text: 'Why did the summit fail?', choices: [] },
      {
        text: 'Which argument explains the ending?',
        choices: [
          { label: 'a', text: 'Security and history are linked' },
          { label: 'b', text: 'They can be kept apart' },
        ],
      },
    ]);
    expect(lines).toEqual([
      { text: t('play.debrief.questions'), style: 'heading' },
      { text: '1. Why did the summit fail?', style: 'plain' },
      { text: '2. Which argument explains the ending?', style: 'plain' },
      { text: 'a) Security and history are linked', style: 'plain' },
      { text: 'b) They can be kept apart', style: 'plain' },
    ]);
  });
});
