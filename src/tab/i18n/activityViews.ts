/** Aktiviteter's views, the table's new columns and the dialogs (#18, #17); spread into the page's strings. */
const sv = {
  'act.view.tabell': 'Tabell',
  'act.view.verksamhetsplan': 'Verksamhetsplan',
  'act.col.tags': 'Ämnen',
  'act.col.reporting': 'Deltagare',
  'act.reporting.rapporterad': 'Deltagare rapporterade',
  'act.reporting.ej_rapporterad': 'Väntar på rapport',
  'act.reporting.kommande': 'Efter aktiviteten',
  'act.reporting.none': '–',
  'act.filter.tag': 'Ämne',
  'act.dialogCancel': 'Avbryt',
  'act.evaluate.open': 'Utvärdera {title}',
};

type Key = keyof typeof sv;

const en: Record<Key, string> = {
  'act.view.tabell': 'Table',
  'act.view.verksamhetsplan': 'Operational plan',
  'act.col.tags': 'Topics',
  'act.col.reporting': 'Participants',
  'act.reporting.rapporterad': 'Participants reported',
  'act.reporting.ej_rapporterad': 'Awaiting report',
  'act.reporting.kommande': 'After the activity',
  'act.reporting.none': '–',
  'act.filter.tag': 'Topic',
  'act.dialogCancel': 'Cancel',
  'act.evaluate.open': 'Evaluate {title}',
};

export const activityViewsMessages = { sv, en };
