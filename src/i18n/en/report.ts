/** Strings of the class debrief: the printable page and the JSON and CSV exports. */
export const report = {
  report: {
    buttons: {
      print: 'Print the debrief',
      exportJson: 'Export game (JSON)',
      exportCsv: 'Export meters (CSV)',
    },
    announce: {
      json: 'The whole game was saved as a JSON file in your downloads.',
      csv: 'The meters, turn by turn, were saved as a CSV file in your downloads.',
      opened: 'The printable debrief is open. Print it or save it as a PDF; Escape goes back to the game.',
      failed: 'The report could not be loaded ({{message}}). Reload the page and try again.',
    },
    view: {
      back: 'Back to the game',
      print: 'Print / save as PDF',
      hint: 'In the print dialog, choose “Save as PDF” to keep a file.',
    },
    documentTitle: 'Debrief — {{title}} — Close Yet Distant',
    kicker: 'Close Yet Distant · Class debrief',
    facts: {
      date: 'Date',
      period: 'Period',
      mode: 'Played',
      turns: 'Turns',
      turnsValue: '{{played}} of {{turns}}',
    },
    mode: {
      solo: 'One player against the computer',
      hotseat: 'Two teams on one screen (hot-seat)',
      class: 'Two teams on their own devices (class server)',
    },
    played: {
      team: 'A team of the class',
      player: 'The player',
      computer: 'The computer ({{difficulty}})',
    },
    sides: {
      heading: 'Who played each side, and how it ended for them',
      side: 'Side',
      player: 'Played by',
      outcome: 'Outcome',
      score: 'Score',
    },
    ending: {
      heading: 'The ending',
      byInstructorTitle: 'Ended by the instructor',
      running: 'The game is still running: turn {{turn}} of {{turns}}.',
    },
    chart: {
      heading: 'Every meter over the turns',
      note: 'True values (the game is over, so nothing is hidden now). Each meter is drawn on its own range: 0% is its minimum, 100% its maximum. Numbered dotted lines mark the key events listed below.',
      share: '{{percent}}%',
      axisTurn: 'Turns played',
      summary: '{{start}} → {{end}}',
    },
    meters: {
      heading: 'The meters at the start and the end',
      meter: 'Meter',
      range: 'Range',
      start: 'Start',
      end: 'End',
      change: 'Change',
      seenBy: 'As {{side}} saw it',
      seen: { exact: 'exactly', poll: 'through a poll', hidden: 'hidden' },
    },
    arguments: {
      heading: 'The essays’ arguments that drove the result',
      note: 'Ranked by how far the causes that cite each essay moved the meters, all sides together.',
      weight: 'moved the meters by {{points}} points in all',
    },
    timeline: {
      note: 'For each turn: what each side chose, the events and the answers to them, and the biggest changes with their cause and the essay behind it.',
      events: 'Events',
      changes: 'Biggest changes',
      together: '{{title}} (together)',
      proposed: '{{title}} (proposed)',
      cutShort: 'nothing: the instructor ended the game before the orders',
      answered: '{{side}} answered: {{choice}}',
      firedByInstructor: '{{title}} (fired by the instructor)',
    },
    interventions: {
      heading: 'The instructor’s interventions',
      none: 'The instructor made no interventions in this game.',
    },
    questions: {
      heading: 'Questions for discussion',
      note: 'Write your answers in the space below each question.',
      none: 'This scenario has no questions for discussion.',
    },
    sources: {
      heading: 'The essays behind this scenario',
      entry: '{{author}}, “{{title}}” ({{year}})',
      withPublisher: '{{author}}, “{{title}}” ({{year}}), {{publisher}}',
    },
    /** How a list and a label are joined in running text. */
    punctuation: {
      list: '; ',
      items: ', ',
      colon: ': ',
      withAnswer: '{{event}} — {{answer}}',
    },
    csv: {
      turn: 'turn',
      date: 'date',
      meter: '{{label}} ({{id}})',
    },
  },
};
