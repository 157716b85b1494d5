/** Strings of a team's side of an instructor's class: joining by the class code, the turn's memo, the pause and reveal, the debrief's answers. */
export const classWork = {
  classWork: {
    join: {
      heading: 'Join a class',
      intro: 'Type the class code from the instructor’s screen, or scan the class’s QR code. The server gives your team a seat and remembers it on this device.',
      code: 'Class code',
      codeHint: 'Six letters and digits, for example K7P3QA',
      side: 'Your side',
      either: 'Either side',
      join: 'Join the class',
      joining: 'Joining class {{code}}…',
      seat: 'Your team plays {{side}} in game {{code}}. Your seat key is {{key}}: write it down to join again from another device.',
    },
    memo: {
      label: 'Memo: why your team chose these orders',
      optional: 'Optional. Your instructor reads it with your orders.',
      required: 'Required: at least {{count}} characters before your orders are sent.',
      short: '{{count}} more characters needed.',
      enough: 'Long enough to send.',
      endBlocked: 'Write your memo first ({{count}} more characters).',
    },
    paused: 'The instructor has paused the game. Your choices stay on this screen; End turn works again when the game goes on.',
    revealed: 'The instructor is showing every team the true meters.',
    banner: { paused: 'Paused by the instructor', revealed: 'True meters shown' },
    answers: {
      heading: 'Your answers for the instructor',
      intro: 'Answer each question. You can change an answer and save it again.',
      label: 'Answer to question {{number}}',
      save: 'Save answer',
      saved: 'Saved.',
      unsaved: 'Not saved yet.',
      choose: 'Choose one',
    },
  },
};
