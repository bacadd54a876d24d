import {
  ACTIVITY_STATUSES,
  BUDGET_KINDS,
  BUDGET_VERSION_STATUSES,
  DECISION_KINDS,
  FOLLOW_UP_STATUSES,
  MEETING_GROUPS,
  MEMBERSHIP_TYPES,
  POLL_STATUSES,
  PROTOCOL_STATUSES,
  REGISTER_STATUSES,
  OPERATING_PLAN_STATUSES,
  ORGANISATION_KINDS,
  SAMVERKANSOMRADEN,
  SEASONS,
  WORKING_GROUP_STATUSES,
} from '../../../src/domain';
import type { ListSpec } from '../../graph/lists';
import { ASSIGNMENTS_LIST } from './assignmentsSchema';
import { ACTIVITY_FUNDER_COLUMNS, TOPIC_TAGS_LIST } from './fundersSchema';
import { DECISION_AGENDA_ITEM_COLUMN, MINUTES_NOTES_LIST, PROTOCOL_STAND_IN_COLUMN } from './minutesSchema';

/**
 * The SharePoint lists of the samverkan, as data. Bump SCHEMA_VERSION when adding a column: provisioning
 * adds what is missing to existing lists and never removes or changes what is there. Amounts are integers
 * in öre, as the domain counts them. An `OperationKey` column (indexed single-line text) is the natural key of
 * the operation that created the item (api/state/operation.ts): a create looks it up first, so a repeated or
 * re-sent write finds its item instead of adding another.
 */
/** 16 (#16): the Protokoll list's Status gains `faststallt` (stödgruppen's minnesanteckningar, fastställda). */
export const SCHEMA_VERSION = 16;

export const LISTS = {
  organisations: {
    displayName: 'Organisationer',
    description: 'Organisationerna i samverkan (kommuner, region, länsstyrelse).',
    columns: [
      {
        name: 'OrganisationId',
        displayName: 'Organisations-id',
        kind: { type: 'text' },
        required: true,
        indexed: true,
      },
      { name: 'Kind', displayName: 'Typ', kind: { type: 'choice', choices: ORGANISATION_KINDS } },
      { name: 'EmailDomain', displayName: 'E-postdomän', kind: { type: 'text' } },
      { name: 'IsHost', displayName: 'Huvudman', kind: { type: 'boolean' } },
    ],
  },
  contacts: {
    displayName: 'Kontakter',
    description: 'Kontaktlistan: personer, organisation och roller i samverkan.',
    columns: [
      { name: 'Email', displayName: 'E-post', kind: { type: 'text' }, required: true, indexed: true },
      { name: 'OrganisationId', displayName: 'Organisation', kind: { type: 'text' }, required: true, indexed: true },
      { name: 'OperationKey', displayName: 'Operationsnyckel', kind: { type: 'text' }, indexed: true },
      {
        name: 'Roles',
        displayName: 'Roller',
        kind: { type: 'text' },
        description: 'Roll-id:n åtskilda med semikolon.',
      },
      { name: 'JobTitle', displayName: 'Befattning', kind: { type: 'text' } },
      { name: 'Phone', displayName: 'Telefon', kind: { type: 'text' } },
      { name: 'EntraObjectId', displayName: 'Entra-objekt-id', kind: { type: 'text' }, indexed: true },
      // The contact's sign-in binding: (tenant id, object id), recorded with its time at first sign-in.
      { name: 'EntraTenantId', displayName: 'Entra-katalog-id', kind: { type: 'text' } },
      {
        name: 'BoundAt',
        displayName: 'Kopplad',
        kind: { type: 'text' },
        description: 'När kontakten kopplades till sin inloggning (ISO 8601).',
      },
      // A person who has left is kept for history (#17): from this day without roles and out of every kallelse.
      { name: 'DeactivatedOn', displayName: 'Avaktiverad', kind: { type: 'dateOnly' } },
      { name: 'BoughtInService', displayName: 'Köpt samordnartjänst', kind: { type: 'boolean' } },
    ],
  },
  meetings: {
    displayName: 'Möten',
    description: 'Mötesregister för samverkansgruppen och stödgruppen.',
    columns: [
      { name: 'MeetingGroup', displayName: 'Grupp', kind: { type: 'choice', choices: MEETING_GROUPS }, indexed: true },
      { name: 'Season', displayName: 'Säsong', kind: { type: 'choice', choices: SEASONS } },
      { name: 'StartDateTime', displayName: 'Start', kind: { type: 'dateTime' }, indexed: true },
      { name: 'EndDateTime', displayName: 'Slut', kind: { type: 'dateTime' } },
      // `utkast`: a meeting being prepared (issue #16); SCHEMA_VERSION 8 adds the choice and DraftAgenda.
      { name: 'Status', displayName: 'Status', kind: { type: 'choice', choices: REGISTER_STATUSES } },
      { name: 'EventId', displayName: 'Kalenderhändelse', kind: { type: 'text' }, indexed: true },
      { name: 'OperationKey', displayName: 'Operationsnyckel', kind: { type: 'text' }, indexed: true },
      { name: 'Location', displayName: 'Plats', kind: { type: 'text' } },
      { name: 'Agenda', displayName: 'Dagordning', kind: { type: 'multilineText' } },
      { name: 'Year', displayName: 'År', kind: { type: 'number', decimals: 0 }, indexed: true },
      { name: 'OutsideWindowReason', displayName: 'Motivering utanför perioden', kind: { type: 'multilineText' } },
      // A second samverkansgrupp meeting in a season is an "extra möte"; its reason is recorded (issue #16).
      { name: 'ExtraMeetingReason', displayName: 'Skäl till extra möte', kind: { type: 'multilineText' } },
      { name: 'ConvenerEmail', displayName: 'Sammankallande', kind: { type: 'text' } },
      { name: 'IsOnline', displayName: 'Teamsmöte', kind: { type: 'boolean' } },
      // Teams join URLs and channel links can be longer than a single line's 255 characters (and a hyperlink
      // column's URL is limited to 255 as well): they are kept as multiple lines of plain text.
      { name: 'JoinUrl', displayName: 'Länk till Teamsmötet', kind: { type: 'multilineText' } },
      { name: 'CancelComment', displayName: 'Meddelande vid inställt möte', kind: { type: 'multilineText' } },
      // SCHEMA_VERSION 9: the archive folder of the signed protokoll (issue #16); multi-line, a URL can pass 255.
      { name: 'ArchiveUrl', displayName: 'Arkiv', kind: { type: 'multilineText' } },
      {
        name: 'DraftAgenda',
        displayName: 'Dagordning under beredning',
        kind: { type: 'multilineText' },
        description: 'Utkastets dagordning med handlingar som JSON.',
      },
    ],
  },
  polls: {
    displayName: 'Omröstningar',
    description: 'Datumomröstningar inför möten, när kalendrarna i andra organisationer inte kan läsas.',
    columns: [
      { name: 'MeetingGroup', displayName: 'Grupp', kind: { type: 'choice', choices: MEETING_GROUPS }, indexed: true },
      { name: 'Year', displayName: 'År', kind: { type: 'number', decimals: 0 }, indexed: true },
      { name: 'Season', displayName: 'Säsong', kind: { type: 'choice', choices: SEASONS } },
      {
        name: 'Candidates',
        displayName: 'Förslag',
        kind: { type: 'multilineText' },
        description: 'Förslagen som JSON.',
      },
      { name: 'Deadline', displayName: 'Svarstid', kind: { type: 'dateTime' } },
      { name: 'OutsideWindowReason', displayName: 'Motivering utanför perioden', kind: { type: 'multilineText' } },
      { name: 'Status', displayName: 'Status', kind: { type: 'choice', choices: POLL_STATUSES }, indexed: true },
      { name: 'CreatedByEmail', displayName: 'Skapad av', kind: { type: 'text' } },
      { name: 'OperationKey', displayName: 'Operationsnyckel', kind: { type: 'text' }, indexed: true },
    ],
  },
  pollVotes: {
    displayName: 'Röster',
    description: 'Röster i datumomröstningarna, en rad per person och omröstning.',
    columns: [
      { name: 'PollId', displayName: 'Omröstning', kind: { type: 'text' }, required: true, indexed: true },
      { name: 'PersonEmail', displayName: 'Person', kind: { type: 'text' }, indexed: true },
      { name: 'OrganisationId', displayName: 'Organisation', kind: { type: 'text' } },
      {
        name: 'Choices',
        displayName: 'Svar',
        kind: { type: 'multilineText' },
        description: 'Svaren per förslag som JSON.',
      },
      { name: 'CastAt', displayName: 'Röstade', kind: { type: 'dateTime' } },
      /** `vote:<poll>:<person>`: one row per person and poll, however often the vote's create is re-sent. */
      { name: 'OperationKey', displayName: 'Operationsnyckel', kind: { type: 'text' }, indexed: true },
    ],
  },
  protocols: {
    displayName: 'Protokoll',
    description: 'Mötesprotokoll med justerare och justering.',
    columns: [
      { name: 'MeetingId', displayName: 'Möte', kind: { type: 'text' }, required: true, indexed: true },
      { name: 'Status', displayName: 'Status', kind: { type: 'choice', choices: PROTOCOL_STATUSES } },
      { name: 'SecretaryEmail', displayName: 'Sekreterare', kind: { type: 'text' } },
      { name: 'ChairEmail', displayName: 'Mötesordförande', kind: { type: 'text' } },
      {
        name: 'AdjusterEmails',
        displayName: 'Justerare',
        kind: { type: 'text' },
        description: 'Två e-postadresser åtskilda med semikolon.',
      },
      { name: 'Approvals', displayName: 'Justeringar', kind: { type: 'multilineText' }, description: 'JSON.' },
      { name: 'LockedAt', displayName: 'Justerat', kind: { type: 'dateTime' } },
      PROTOCOL_STAND_IN_COLUMN,
      /**
       * SCHEMA_VERSION 15 (#16): the protokoll's version, one up with each change that withdraws the approvals; an
       * approval card carries the version it showed, so that an old card never approves a newer text.
       */
      { name: 'Version', displayName: 'Version', kind: { type: 'number', decimals: 0 } },
      /** `protocol:<meeting>`: one protokoll per meeting, however often its create is re-sent. */
      { name: 'OperationKey', displayName: 'Operationsnyckel', kind: { type: 'text' }, indexed: true },
    ],
  },
  attendance: {
    displayName: 'Närvaro',
    description: 'Närvaro vid möten, en rad per person och möte.',
    columns: [
      { name: 'MeetingId', displayName: 'Möte', kind: { type: 'text' }, required: true, indexed: true },
      { name: 'PersonEmail', displayName: 'Person', kind: { type: 'text' } },
      { name: 'OrganisationId', displayName: 'Organisation', kind: { type: 'text' } },
      { name: 'Present', displayName: 'Närvarande', kind: { type: 'boolean' } },
      /** `attendance:<meeting>:<person>` (SCHEMA_VERSION 9): one row per person and meeting, however often sent. */
      { name: 'OperationKey', displayName: 'Operationsnyckel', kind: { type: 'text' }, indexed: true },
    ],
  },
  activities: {
    displayName: 'Aktiviteter',
    description: 'Aktiviteter inom samverkansområdena.',
    columns: [
      { name: 'Area', displayName: 'Samverkansområde', kind: { type: 'choice', choices: SAMVERKANSOMRADEN } },
      { name: 'Year', displayName: 'År', kind: { type: 'number', decimals: 0 }, indexed: true },
      { name: 'StartDate', displayName: 'Startdatum', kind: { type: 'dateOnly' } },
      { name: 'EndDate', displayName: 'Slutdatum', kind: { type: 'dateOnly' } },
      { name: 'ResponsibleEmail', displayName: 'Ansvarig', kind: { type: 'text' } },
      { name: 'CostOre', displayName: 'Kostnad (öre)', kind: { type: 'number', decimals: 0 } },
      { name: 'ParticipantFeeOre', displayName: 'Deltagaravgift (öre)', kind: { type: 'number', decimals: 0 } },
      { name: 'Status', displayName: 'Status', kind: { type: 'choice', choices: ACTIVITY_STATUSES }, indexed: true },
      { name: 'Evaluation', displayName: 'Utvärdering', kind: { type: 'multilineText' } },
      {
        name: 'TargetGroups',
        displayName: 'Målgrupper',
        kind: { type: 'text' },
        description: 'Målgrupps-id:n åtskilda med semikolon.',
      },
      { name: 'ResponsibleOrganisationId', displayName: 'Ansvarig organisation', kind: { type: 'text' } },
      { name: 'Description', displayName: 'Beskrivning', kind: { type: 'multilineText' } },
      { name: 'DecisionItemId', displayName: 'Beslut', kind: { type: 'text' }, indexed: true },
      { name: 'ProposedByEmail', displayName: 'Föreslagen av', kind: { type: 'text' } },
      { name: 'EvaluatedOn', displayName: 'Utvärderad', kind: { type: 'dateOnly' } },
      { name: 'ParticipantCount', displayName: 'Antal deltagare', kind: { type: 'number', decimals: 0 } },
      {
        name: 'ParticipantsByOrganisation',
        displayName: 'Deltagare per organisation',
        kind: { type: 'multilineText' },
        description: 'organisations-id=antal, åtskilda med semikolon.',
      },
      { name: 'Lessons', displayName: 'Lärdomar', kind: { type: 'multilineText' } },
      { name: 'OperationKey', displayName: 'Operationsnyckel', kind: { type: 'text' }, indexed: true },
      ...ACTIVITY_FUNDER_COLUMNS,
    ],
  },
  budget: {
    displayName: 'Budget',
    description: 'Budgetrader per år: kostnader och intäkter.',
    columns: [
      { name: 'Year', displayName: 'År', kind: { type: 'number', decimals: 0 }, required: true, indexed: true },
      { name: 'LineKind', displayName: 'Kostnad/intäkt', kind: { type: 'choice', choices: BUDGET_KINDS } },
      { name: 'Category', displayName: 'Kategori', kind: { type: 'text' } },
      { name: 'Area', displayName: 'Samverkansområde', kind: { type: 'choice', choices: SAMVERKANSOMRADEN } },
      { name: 'AmountOre', displayName: 'Belopp (öre)', kind: { type: 'number', decimals: 0 } },
      { name: 'OrganisationId', displayName: 'Organisation', kind: { type: 'text' } },
      { name: 'OperationKey', displayName: 'Operationsnyckel', kind: { type: 'text' }, indexed: true },
      // The decided activity the line comes from (#17): its cost or its participant fees.
      { name: 'ActivityId', displayName: 'Aktivitet', kind: { type: 'text' }, indexed: true },
    ],
  },
  budgetVersions: {
    displayName: 'Budgetversioner',
    description: 'Årets budget som förslag och beslutade versioner (revideringar), med raderna som de beslutades.',
    columns: [
      { name: 'Year', displayName: 'År', kind: { type: 'number', decimals: 0 }, required: true, indexed: true },
      { name: 'Version', displayName: 'Version', kind: { type: 'number', decimals: 0 } },
      { name: 'Status', displayName: 'Status', kind: { type: 'choice', choices: BUDGET_VERSION_STATUSES } },
      { name: 'DecisionId', displayName: 'Beslut', kind: { type: 'text' } },
      { name: 'DecidedOn', displayName: 'Beslutsdatum', kind: { type: 'dateOnly' } },
      {
        name: 'Lines',
        displayName: 'Rader',
        kind: { type: 'multilineText' },
        description: 'De beslutade raderna som JSON.',
      },
      // A revision opened by a decided activity's lines (#17) is created once under its natural key.
      { name: 'OperationKey', displayName: 'Operationsnyckel', kind: { type: 'text' }, indexed: true },
      // One item per year and version (2027-2): two proposals at once make one, the other a 409 (#15).
      { name: 'YearVersion', displayName: 'År och version', kind: { type: 'text' }, indexed: true, unique: true },
    ],
  },
  outcomes: {
    displayName: 'Utfall',
    description: 'Bokfört utfall mot budgetraderna.',
    columns: [
      { name: 'Year', displayName: 'År', kind: { type: 'number', decimals: 0 }, required: true, indexed: true },
      { name: 'BudgetLineId', displayName: 'Budgetrad', kind: { type: 'text' }, indexed: true },
      { name: 'BookedOn', displayName: 'Bokföringsdatum', kind: { type: 'dateOnly' } },
      { name: 'AmountOre', displayName: 'Belopp (öre)', kind: { type: 'number', decimals: 0 } },
      { name: 'Note', displayName: 'Anteckning', kind: { type: 'multilineText' } },
      { name: 'BookedByEmail', displayName: 'Bokfört av', kind: { type: 'text' } },
      { name: 'OperationKey', displayName: 'Operationsnyckel', kind: { type: 'text' }, indexed: true },
      { name: 'ReversesItemId', displayName: 'Återför bokning', kind: { type: 'text' } },
    ],
  },
  decisions: {
    displayName: 'Beslut',
    description: 'Beslutsregister kopplat till möten.',
    columns: [
      { name: 'MeetingId', displayName: 'Möte', kind: { type: 'text' }, indexed: true },
      { name: 'DecisionKind', displayName: 'Beslutstyp', kind: { type: 'choice', choices: DECISION_KINDS } },
      { name: 'DecisionText', displayName: 'Beslut', kind: { type: 'multilineText' } },
      { name: 'OwnerEmail', displayName: 'Ansvarig', kind: { type: 'text' } },
      { name: 'FollowUpDate', displayName: 'Uppföljning', kind: { type: 'dateOnly' } },
      { name: 'FollowUpStatus', displayName: 'Status', kind: { type: 'choice', choices: FOLLOW_UP_STATUSES } },
      { name: 'DecidedOn', displayName: 'Beslutsdatum', kind: { type: 'dateOnly' } },
      { name: 'FollowUpNote', displayName: 'Uppföljning, kommentar', kind: { type: 'multilineText' } },
      {
        name: 'SubjectRef',
        displayName: 'Gäller',
        kind: { type: 'text' },
        description: 'Vad beslutet gäller, t.ex. activity:12 eller operatingPlan:2026.',
      },
      { name: 'OperationKey', displayName: 'Operationsnyckel', kind: { type: 'text' }, indexed: true },
      {
        name: 'Paragraph',
        displayName: 'Paragraf',
        kind: { type: 'number', decimals: 0 },
        description: 'Beslutets paragraf i årets numrering (§ 1, § 2, …).',
      },
      // An appointment of another sammankallande (#17) is in force to and with this day, when it has one.
      { name: 'ValidUntil', displayName: 'Gäller till', kind: { type: 'dateOnly' } },
      // A kostnadsundantag (#17): the kommuner it concerns and its ceiling, when it has one.
      {
        name: 'OrganisationIds',
        displayName: 'Organisationer',
        kind: { type: 'text' },
        description: 'Organisations-id:n åtskilda med semikolon.',
      },
      { name: 'CeilingOre', displayName: 'Takbelopp (öre)', kind: { type: 'number', decimals: 0 } },
      DECISION_AGENDA_ITEM_COLUMN,
    ],
  },
  operatingPlans: {
    displayName: 'Verksamhetsplan',
    description: 'Verksamhetsplanen per år: prioriteringar och mål, med kopplade aktiviteter.',
    columns: [
      { name: 'Year', displayName: 'År', kind: { type: 'number', decimals: 0 }, required: true, indexed: true },
      { name: 'Status', displayName: 'Status', kind: { type: 'choice', choices: OPERATING_PLAN_STATUSES } },
      { name: 'Priorities', displayName: 'Prioriteringar', kind: { type: 'multilineText' } },
      {
        name: 'Goals',
        displayName: 'Mål',
        kind: { type: 'multilineText' },
        description: 'Målen som JSON: id, text och kopplade aktiviteters id.',
      },
      { name: 'DecisionItemId', displayName: 'Beslut', kind: { type: 'text' } },
      /** `operatingPlan:<year>` (SCHEMA_VERSION 9): one plan per year, however often its create is sent. */
      { name: 'OperationKey', displayName: 'Operationsnyckel', kind: { type: 'text' }, indexed: true },
    ],
  },
  coordinatorTime: {
    displayName: 'Samordnarens tid',
    description: 'Samordnarens tid för samverkansgruppen, per uppdrag.',
    columns: [
      { name: 'Year', displayName: 'År', kind: { type: 'number', decimals: 0 }, required: true, indexed: true },
      { name: 'EntryDate', displayName: 'Datum', kind: { type: 'dateOnly' } },
      { name: 'Hours', displayName: 'Timmar', kind: { type: 'number', decimals: 2 } },
      { name: 'Assignment', displayName: 'Uppdrag', kind: { type: 'text' } },
      { name: 'ActivityId', displayName: 'Aktivitet', kind: { type: 'text' } },
      { name: 'Note', displayName: 'Anteckning', kind: { type: 'multilineText' } },
      { name: 'OperationKey', displayName: 'Operationsnyckel', kind: { type: 'text' }, indexed: true },
    ],
  },
  workingGroups: {
    displayName: 'Arbetsgrupper',
    description: 'Arbetsgrupper tillsatta av samverkansgruppen.',
    columns: [
      { name: 'Purpose', displayName: 'Syfte', kind: { type: 'multilineText' } },
      { name: 'Assignment', displayName: 'Uppdrag', kind: { type: 'multilineText' } },
      { name: 'Goal', displayName: 'Målsättning', kind: { type: 'multilineText' } },
      { name: 'MemberEmails', displayName: 'Medlemmar', kind: { type: 'multilineText' } },
      { name: 'ChannelId', displayName: 'Kanal', kind: { type: 'text' }, indexed: true },
      { name: 'PeriodStart', displayName: 'Från', kind: { type: 'dateOnly' } },
      { name: 'PeriodEnd', displayName: 'Till', kind: { type: 'dateOnly' } },
      {
        name: 'Status',
        displayName: 'Status',
        kind: { type: 'choice', choices: WORKING_GROUP_STATUSES },
        indexed: true,
      },
      { name: 'ConvenerEmail', displayName: 'Sammankallande', kind: { type: 'text' } },
      { name: 'MembershipType', displayName: 'Kanaltyp', kind: { type: 'choice', choices: MEMBERSHIP_TYPES } },
      { name: 'DecisionId', displayName: 'Beslut', kind: { type: 'text' }, indexed: true },
      { name: 'FinalReport', displayName: 'Slutrapport', kind: { type: 'multilineText' } },
      { name: 'TeamId', displayName: 'Team', kind: { type: 'text' } },
      { name: 'ChannelName', displayName: 'Kanalnamn', kind: { type: 'text' } },
      { name: 'ChannelWebUrl', displayName: 'Kanallänk', kind: { type: 'multilineText' } },
      {
        name: 'SetupStep',
        displayName: 'Uppsättning',
        kind: { type: 'text' },
        description: 'Hur långt kanalen har satts upp: registrerad, kanal eller klar.',
      },
      { name: 'OperationKey', displayName: 'Operationsnyckel', kind: { type: 'text' }, indexed: true },
    ],
  },
  assignments: ASSIGNMENTS_LIST,
  topicTags: TOPIC_TAGS_LIST,
  minutesNotes: MINUTES_NOTES_LIST,
} as const satisfies Record<string, ListSpec>;

export type ListKey = keyof typeof LISTS;
export const LIST_KEYS = Object.keys(LISTS) as ListKey[];
