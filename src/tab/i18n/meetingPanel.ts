/** The meeting view's strings (the tab inside a Teams meeting, src/tab/meeting); added with the pages' strings. */
const sv = {
  'meetingPanel.secretaryHeading': 'Protokollföring',
  'meetingPanel.attendanceSummary': 'Närvaro: {marked} av {total} markerade',
  'meetingPanel.agendaHeading': 'Dagordning',
  'meetingPanel.noAgenda': 'Dagordningen skickades inte med kallelsen.',
  'meetingPanel.presenter': 'Föredragande: {name}',
  'meetingPanel.documents': 'Handlingar till punkt {number}',
  'meetingPanel.opensNew': '(öppnas i ny flik)',
  'meetingPanel.recordDecision': 'Protokollför beslut',
  'meetingPanel.decisionFor': 'Beslut under punkt {number}',
  'meetingPanel.decisionText': 'Beslutet',
  'meetingPanel.saveDecision': 'Spara beslutet',
  'meetingPanel.decisionSaved': 'Beslutet under punkt {number} är sparat.',
  'meetingPanel.decided': 'Beslutat: {text}',
  'meetingPanel.noDecisionsHere': 'Stödgruppen fattar inga beslut; samverkansgruppen beslutar.',
  'meetingPanel.fromReport': 'Hämta från Teams närvarorapport',
  'meetingPanel.reportNotYet': 'Teams har ingen närvarorapport ännu: den skapas när mötet har avslutats.',
  'meetingPanel.reportTaken':
    'Från Teams närvarorapport: {count} av de kallade deltog. Kontrollera och rätta för hand, spara sedan.',
  'meetingPanel.reportOthers': 'Deltog också, utan kallelse: {names}.',
  'meetingPanel.secretaryOnly': 'Närvaro och beslut protokollförs av samordnaren.',
  'meetingPanel.notFound': 'Mötet kunde inte hittas.',
};

const en: Record<keyof typeof sv, string> = {
  'meetingPanel.secretaryHeading': 'Minutes',
  'meetingPanel.attendanceSummary': 'Attendance: {marked} of {total} marked',
  'meetingPanel.agendaHeading': 'Agenda',
  'meetingPanel.noAgenda': 'The agenda was not sent with the invitation.',
  'meetingPanel.presenter': 'Presenter: {name}',
  'meetingPanel.documents': 'Papers for item {number}',
  'meetingPanel.opensNew': '(opens in a new tab)',
  'meetingPanel.recordDecision': 'Record a decision',
  'meetingPanel.decisionFor': 'Decision under item {number}',
  'meetingPanel.decisionText': 'The decision',
  'meetingPanel.saveDecision': 'Save the decision',
  'meetingPanel.decisionSaved': 'The decision under item {number} is saved.',
  'meetingPanel.decided': 'Decided: {text}',
  'meetingPanel.noDecisionsHere': 'The support group takes no decisions; the collaboration group decides.',
  'meetingPanel.fromReport': "Take from Teams' attendance report",
  'meetingPanel.reportNotYet': 'Teams has no attendance report yet: it is made when the meeting has ended.',
  'meetingPanel.reportTaken':
    "From Teams' attendance report: {count} of those invited took part. Check and correct by hand, then save.",
  'meetingPanel.reportOthers': 'Also took part, not invited: {names}.',
  'meetingPanel.secretaryOnly': 'Attendance and decisions are recorded by the coordinator.',
  'meetingPanel.notFound': 'The meeting could not be found.',
};

export const meetingPanelMessages = { sv, en };
