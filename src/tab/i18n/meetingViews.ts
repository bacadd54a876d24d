/** Möten's views, the meeting's parts and dialogs (#18); spread into the Möten page's strings. */
const sv = {
  'meetings.views': 'Vyer på mötessidan',
  'meetings.view.moten': 'Möten',
  'meetings.view.forbered': 'Förbered',
  'meetings.view.planera': 'Planera',
  'meetings.view.omrostningar': 'Omröstningar',
  'meetings.back': 'Tillbaka till mötena',
  'meetings.parts': 'Mötets delar',
  'meetings.part.svar': 'Svar',
  'meetings.part.protokoll': 'Protokoll',
  'meetings.part.arkiv': 'Arkiv',
  'meetings.notFound': 'Mötet finns inte i mötesregistret.',
  'meetings.dialogCancel': 'Avbryt',
  'meetings.move.hint': 'De kallade får ändringen i sin kalender.',
  'meetings.notAnswered.show.one': '{count} har inte svarat – visa',
  'meetings.notAnswered.show.other': '{count} har inte svarat – visa',
  'meetings.notAnswered.hide.one': '{count} har inte svarat – dölj',
  'meetings.notAnswered.hide.other': '{count} har inte svarat – dölj',
  'meetings.totals':
    'Totalt {invited} kallade: {accepted} kommer, {tentative} preliminärt, {declined} avböjt, {noAnswer} inget svar.',
  'meetings.filter.all': 'Alla',
  'meetings.filter.when': 'Visa',
  'meetings.filter.when.all': 'Alla möten',
  'meetings.filter.when.coming': 'Kommande',
  'meetings.filter.when.past': 'Tidigare',
  'meetings.noneMatch': 'Inga möten matchar filtret.',
  'meetings.noOrganisations': 'Ingen organisation är kallad.',
  'meetings.archive.notYet': 'Mötets handlingar arkiveras när protokollet är justerat.',
};

type Key = keyof typeof sv;

const en: Record<Key, string> = {
  'meetings.views': 'Views of the meetings page',
  'meetings.view.moten': 'Meetings',
  'meetings.view.forbered': 'Prepare',
  'meetings.view.planera': 'Plan',
  'meetings.view.omrostningar': 'Polls',
  'meetings.back': 'Back to the meetings',
  'meetings.parts': 'Parts of the meeting',
  'meetings.part.svar': 'Answers',
  'meetings.part.protokoll': 'Minutes',
  'meetings.part.arkiv': 'Archive',
  'meetings.notFound': 'The meeting is not in the register.',
  'meetings.dialogCancel': 'Cancel',
  'meetings.move.hint': 'The invitees get the change in their calendars.',
  'meetings.notAnswered.show.one': '{count} person has not answered – show',
  'meetings.notAnswered.show.other': '{count} people have not answered – show',
  'meetings.notAnswered.hide.one': '{count} person has not answered – hide',
  'meetings.notAnswered.hide.other': '{count} people have not answered – hide',
  'meetings.totals':
    'In all {invited} invited: {accepted} coming, {tentative} tentative, {declined} declined, {noAnswer} no answer.',
  'meetings.filter.all': 'All',
  'meetings.filter.when': 'Show',
  'meetings.filter.when.all': 'All meetings',
  'meetings.filter.when.coming': 'Coming',
  'meetings.filter.when.past': 'Past',
  'meetings.noneMatch': 'No meetings match the filter.',
  'meetings.noOrganisations': 'No organisation is invited.',
  'meetings.archive.notYet': 'The meeting’s documents are archived once the minutes are approved.',
};

export const meetingViewsMessages = { sv, en };
