/** The strings of the year's rhythm in "Att göra" and of who calls samverkansgruppen (#17). */
export const rhythmMessages = {
  sv: {
    'todo.yearRhythm.stodgrupp': 'Stödgruppen har haft {held} av cirka {target} möten i år',
    'todo.yearRhythm.samverkansgrupp': 'Samverkansgruppen har haft {held} av minst {target} möten i år',
    'todo.yearRhythm.called.one': ' ({count} till är kallat)',
    'todo.yearRhythm.called.other': ' ({count} till är kallade)',
    'todo.yearRhythm.missing.var': '; vårmötet (april–maj) saknas',
    'todo.yearRhythm.missing.host': '; höstmötet (september–oktober) saknas',
    'todo.yearRhythm.missing.both': '; vårmötet och höstmötet saknas',
  },
  en: {
    'todo.yearRhythm.stodgrupp': 'The support group has met {held} of about {target} times this year',
    'todo.yearRhythm.samverkansgrupp': 'The collaboration group has met {held} of at least {target} times this year',
    'todo.yearRhythm.called.one': ' ({count} more called)',
    'todo.yearRhythm.called.other': ' ({count} more called)',
    'todo.yearRhythm.missing.var': '; the spring meeting (April–May) is missing',
    'todo.yearRhythm.missing.host': '; the autumn meeting (September–October) is missing',
    'todo.yearRhythm.missing.both': '; the spring and the autumn meeting are missing',
  },
} as const;
