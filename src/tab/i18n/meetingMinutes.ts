/** Stödgruppen's minnesanteckningar (#16): the meeting's part, the fastställande and the archive; spread into Möten's strings. */
const sv = {
  'meetings.part.minnesanteckningar': 'Minnesanteckningar',
  'meetings.protocol.faststallt': 'Fastställda',
  'minutes.heading': 'Minnesanteckningar och fastställande',
  'minutes.noJustering':
    'Minnesanteckningarna justeras inte. Sekreteraren fastställer dem; då låses de och samordnaren arkiverar mötet.',
  'minutes.status.saknas': 'Ingen sekreterare är utsedd ännu.',
  'minutes.status.utkast': 'Inte fastställda ännu. Sekreterare: {name}.',
  'minutes.status.faststallt': 'Fastställda av {name} {when}.',
  'minutes.saveSecretary': 'Spara sekreteraren',
  'minutes.secretarySaved': 'Sekreteraren är utsedd; hen fastställer minnesanteckningarna.',
  'minutes.confirm': 'Fastställ minnesanteckningarna',
  'minutes.confirmTitle': 'Fastställa minnesanteckningarna?',
  'minutes.confirmConsequence':
    'När minnesanteckningarna är fastställda låses de: närvaro och anteckningar kan inte ändras längre. Ditt namn och tiden skrivs in i dem.',
  'minutes.confirmed': 'Minnesanteckningarna är fastställda.',
  'minutes.downloadPdf': 'Ladda ned minnesanteckningarna (PDF)',
  'minutes.noDecisions':
    'Stödgruppen fattar inga beslut; förslagen går till samverkansgruppen. Skriv dem i anteckningarna under punkten.',
  'minutes.notesLocked': 'Minnesanteckningarna är fastställda; anteckningarna kan inte ändras.',
  'minutes.archiveMissing': 'Minnesanteckningarna är fastställda men mötets handlingar är inte arkiverade ännu.',
  'minutes.archiveNotYet': 'Mötets handlingar arkiveras när minnesanteckningarna är fastställda.',
};

type Key = keyof typeof sv;

const en: Record<Key, string> = {
  'meetings.part.minnesanteckningar': 'Notes',
  'meetings.protocol.faststallt': 'Confirmed',
  'minutes.heading': 'Notes and confirmation',
  'minutes.noJustering':
    'The notes are not approved by others. The secretary confirms them; they are then locked and the coordinator archives the meeting.',
  'minutes.status.saknas': 'No secretary has been named yet.',
  'minutes.status.utkast': 'Not confirmed yet. Secretary: {name}.',
  'minutes.status.faststallt': 'Confirmed by {name} {when}.',
  'minutes.saveSecretary': 'Save the secretary',
  'minutes.secretarySaved': 'The secretary is named; they confirm the notes.',
  'minutes.confirm': 'Confirm the notes',
  'minutes.confirmTitle': 'Confirm the notes?',
  'minutes.confirmConsequence':
    'Once confirmed, the notes are locked: attendance and notes can no longer be changed. Your name and the time are written into them.',
  'minutes.confirmed': 'The notes are confirmed.',
  'minutes.downloadPdf': 'Download the notes (PDF)',
  'minutes.noDecisions':
    'The support group takes no decisions; its proposals go to the cooperation group. Write them in the notes under the item.',
  'minutes.notesLocked': 'The notes are confirmed and can no longer be changed.',
  'minutes.archiveMissing': 'The notes are confirmed but the meeting’s documents are not archived yet.',
  'minutes.archiveNotYet': 'The meeting’s documents are archived once the notes are confirmed.',
};

export const meetingMinutesMessages = { sv, en };
