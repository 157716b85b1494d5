/** Strings of an instructor's own scenarios: loading a file, its located problems, the remembered list. */
export const library = {
  library: {
    load: 'Load a scenario file…',
    yourFile: 'Your file: {{file}}',
    remove: 'Remove from the list',
    removed: '{{file}} was removed from the list.',
    checking: 'Checking {{file}}…',
    added: '{{title}} ({{file}}) was added to the list.',
    replaced: '{{title}} ({{file}}) replaced the earlier copy in the list.',
    restoring: 'Loading your scenario files…',
    dropHere: 'Drop a scenario file (.yaml) to add it to the list',
    more: 'More scenarios: scroll, or use the arrow keys',
    dialog: {
      headingFailed: '{{file}} could not be loaded',
      headingWarning: '{{file}} was loaded, with a warning',
      headingRemembered: 'Your remembered file {{file}} no longer checks',
      headingLibrary: 'Your remembered scenario files could not be read',
      headingMany_one: '{{count}} file could not be loaded',
      headingMany_other: '{{count}} files could not be loaded',
      intro: 'Fix each problem in your editor, save, and load the file again. The command line checker (npm run scenario -- check) gives the same list.',
      introOther: 'Nothing else was changed: the game goes on as before.',
      from: 'From {{url}}',
      count_one: '{{file}}: {{count}} problem',
      count_other: '{{file}}: {{count}} problems',
      copy: 'Copy the problems',
      copied: 'The problems were copied.',
      copyFailed: 'The problems could not be copied: select the text and copy it yourself.',
      close: 'Close',
      forget: 'Forget {{file}}',
    },
    reasons: {
      shippedId:
        "The id '{{id}}' belongs to a scenario that comes with the game. Give your scenario its own id (the line id: near the top of the file), save, and load it again.",
      storageFull:
        "{{file}} is in the list for this visit only: the browser's storage is full, so it cannot be remembered. Remove a file you no longer need from the list, then load this one again.",
      storageRefused:
        'The browser refused to store {{file}} (storage may be turned off, or this is a private window), so it is in the list for this visit only.',
      libraryUnreadable:
        'The stored list of your scenario files is damaged and could not be read. It is kept as it was (and copied to cyd.library.unreadable before anything new is stored). Load your files again.',
      fileUnreadable: 'The file could not be read ({{detail}}). Nothing was changed.',
      badAddress: "'{{url}}' is not an address a scenario can be loaded from. Use an address starting with https://, or a file on this site such as scenarios/my_file.yaml.",
      fetchFailed:
        'Could not download {{url}}. Check the address and the connection. A file on another site loads only if that site allows it (CORS); if it does not, download the file and load it with the button, or drag it onto the page.',
      httpStatus: 'Could not download {{url}}: the server answered {{status}}. Check the address.',
      notYaml: '{{url}} gave a web page, not a scenario file. Use the address of the file itself (on GitHub, the link of the Raw button).',
      checkerUnavailable: 'The scenario checker could not be loaded ({{detail}}). Check the connection and try again.',
    },
  },
};
