/**
 * Demo content for the local tenant (`npm start` in local mode): one year's budget and outcome, the
 * activity plan and samverkansgruppen's decisions at the previous autumn's meeting. Data only; scripts/seedDemo.ts
 * writes it through the app's services. Dates are month-day within the current year (`MM-DD`), so the
 * same data fits whichever year the app is started in.
 */
import { readFileSync } from 'node:fs';
import {
  officialName,
  parseOrganisationConfig,
  type ActivityStatus,
  type BudgetCategory,
  type DecisionKind,
  type FollowUpStatus,
  type Organisation,
  type Samverkansomrade,
  type TargetGroup,
} from '../src/domain';

export const DEMO_CHAIR_EMAIL = 'maria.bergstrom@regionvasterbotten.se';
export const DEMO_COORDINATOR_EMAIL = 'karin.nordstrom@regionvasterbotten.se';
const STODGRUPP_EMAIL = 'anna.sjoberg@skelleftea.se';
const REGION = 'region-vasterbotten';

/** Every kommun pays the same share; the report compares it with what has come in. */
export const DEMO_COFINANCING_KR = 25_000;

/** The kommuner of the samverkan's organisations file, with the names its sentences use ("Bjurholms kommun"). */
export const DEMO_KOMMUNER: readonly Organisation[] = parseOrganisationConfig(
  JSON.parse(readFileSync(new URL('../config/organisations.vasterbotten.json', import.meta.url), 'utf8')) as unknown,
).organisations.filter((org) => org.kind === 'kommun');

export interface DemoBudgetLine {
  /** How outcomes and activities refer to the line. */
  key: string;
  category: BudgetCategory;
  name: string;
  amountKr: number;
  area?: Samverkansomrade;
  organisationId?: string;
}

export const DEMO_BUDGET_LINES: readonly DemoBudgetLine[] = [
  { key: 'lon', category: 'samordnare_lon', name: 'Samordnare, lön inkl. sociala avgifter', amountKr: 560_000 },
  { key: 'admin', category: 'oh_administration', name: 'Administration och ekonomistöd', amountKr: 60_000 },
  { key: 'lokal', category: 'oh_lokal', name: 'Lokalhyra, kontorsplats Regionens hus', amountKr: 40_000 },
  { key: 'moten', category: 'oh_moteskostnader', name: 'Möteskostnader vår- och höstmöte', amountKr: 45_000 },
  { key: 'material', category: 'oh_forbrukningsmaterial', name: 'Förbrukningsmaterial', amountKr: 15_000 },
  {
    key: 'akt-bbr',
    category: 'aktivitet',
    name: 'Utbildning nya energikrav i BBR',
    amountKr: 40_000,
    area: 'kompetensutveckling',
  },
  {
    key: 'akt-klimat',
    category: 'aktivitet',
    name: 'Seminarium klimatanpassning i detaljplan',
    amountKr: 25_000,
    area: 'kompetensutveckling',
  },
  {
    key: 'akt-natverk',
    category: 'aktivitet',
    name: 'Erfarenhetsutbyte och nätverksträffar',
    amountKr: 15_000,
    area: 'erfarenhetsutbyte',
  },
  { key: 'akt-ovk', category: 'aktivitet', name: 'Tillsynsprojekt OVK', amountKr: 30_000, area: 'tillsynsprojekt' },
  {
    key: 'akt-solceller',
    category: 'aktivitet',
    name: 'Informationskampanj bygglov för solceller',
    amountKr: 20_000,
    area: 'information',
  },
  ...DEMO_KOMMUNER.map((kommun): DemoBudgetLine => ({
    key: `medfin-${kommun.id}`,
    category: 'medfinansiering_kommun',
    name: `Medfinansiering ${officialName(kommun)}`,
    amountKr: DEMO_COFINANCING_KR,
    organisationId: kommun.id,
  })),
  {
    key: 'region',
    category: 'region_egna_medel',
    name: 'Region Västerbotten, egna medel',
    amountKr: 445_000,
    organisationId: REGION,
  },
  { key: 'avgifter', category: 'deltagaravgifter', name: 'Deltagaravgifter utbildningar', amountKr: 30_000 },
];

export interface DemoOutcome {
  lineKey: string;
  /** `MM-DD` in the current year; booked on today instead when that day has not come yet. */
  monthDay: string;
  amountKr: number;
  text: string;
}

/** Kommuner that have paid in full; Vilhelmina has paid half; the rest have not paid yet. */
const PAID_IN_FULL = ['umea', 'skelleftea', 'lycksele', 'vannas', 'nordmaling', 'robertsfors', 'vindeln', 'storuman'];

export const DEMO_OUTCOMES: readonly DemoOutcome[] = [
  ...PAID_IN_FULL.map((id, index): DemoOutcome => ({
    lineKey: `medfin-${id}`,
    monthDay: `0${2 + Math.floor(index / 3)}-${String(10 + index * 2).padStart(2, '0')}`,
    amountKr: DEMO_COFINANCING_KR,
    text: 'Inbetald medfinansiering enligt faktura',
  })),
  { lineKey: 'medfin-vilhelmina', monthDay: '04-30', amountKr: 12_500, text: 'Delbetalning, resten efter sommaren' },
  { lineKey: 'region', monthDay: '03-31', amountKr: 222_500, text: 'Regionens egna medel, första halvåret' },
  { lineKey: 'lon', monthDay: '06-30', amountKr: 280_000, text: 'Lön januari–juni' },
  { lineKey: 'lon', monthDay: '09-30', amountKr: 140_000, text: 'Lön juli–september' },
  { lineKey: 'lokal', monthDay: '06-30', amountKr: 20_000, text: 'Hyra kontorsplats första halvåret' },
  { lineKey: 'moten', monthDay: '05-20', amountKr: 18_400, text: 'Lokal och fika, vårmötet i Lycksele' },
  { lineKey: 'material', monthDay: '02-14', amountKr: 3_250, text: 'Trycksaker och kontorsmaterial' },
  { lineKey: 'akt-bbr', monthDay: '03-20', amountKr: 38_500, text: 'Föreläsare och lokal, BBR-utbildningen' },
  { lineKey: 'avgifter', monthDay: '03-31', amountKr: 12_000, text: 'Deltagaravgifter BBR-utbildningen' },
];

export interface DemoDecision {
  key: string;
  kind: DecisionKind;
  title: string;
  text: string;
  /** `MM-DD` in the current year. */
  followUpDue: string;
  followUp: FollowUpStatus;
  followUpNote?: string;
}

/** Taken at the previous year's höstmöte, where samverkansgruppen sets the coming year's budget and kalendarium. */
export const DEMO_DECISIONS: readonly DemoDecision[] = [
  {
    key: 'budget',
    kind: 'budget',
    title: 'Budget för samverkan',
    text: 'Samverkansgruppen fastställer budgeten för året med medfinansiering om 25 000 kr per kommun och Region Västerbottens egna medel.',
    followUpDue: '06-30',
    followUp: 'pagar',
    followUpNote: 'Halvårsuppföljning klar; fakturor till kommuner som inte betalat skickas under hösten.',
  },
  {
    key: 'kalendarium',
    kind: 'aktiviteter_kalendarium',
    title: 'Aktiviteter och kalendarium',
    text: 'Samverkansgruppen beslutar om årets aktiviteter: utbildning om nya energikrav i BBR, erfarenhetsutbyte om digitala bygglovsansökningar, tillsynsprojekt OVK, omvärldsbevakning av detaljplaneregler, informationskampanj om solceller och seminarium om klimatanpassning.',
    followUpDue: '12-15',
    followUp: 'ej_paborjad',
  },
  {
    key: 'ovk-uppdrag',
    kind: 'delegering',
    title: 'Uppdrag: upplägg för tillsynsprojekt OVK',
    text: 'Samordnaren får i uppdrag att tillsammans med stödgruppen ta fram upplägg och gemensam checklista för tillsynsprojekt OVK.',
    followUpDue: '03-31',
    followUp: 'klar',
    followUpNote: 'Checklistan antogs av stödgruppen i mars.',
  },
];

export interface DemoActivity {
  title: string;
  area: Samverkansomrade;
  targetGroups: TargetGroup[];
  /** `MM-DD`; for activities already held, moved back to today when that day has not come yet. */
  start: string;
  end: string;
  responsibleOrganisationId: string;
  responsibleEmail: string;
  proposedByEmail: string;
  costKr: number;
  /** Participant fees in total: the activity's income (#17: the budget takes it as it is). */
  feeKr: number;
  /** The demo budget's lines for the activity's cost and fees: linked to it, so its decision updates them. */
  lineKey?: string;
  feeLineKey?: string;
  description: string;
  status: Exclude<ActivityStatus, 'struken'>;
  evaluation?: { summary: string; lessons: string; participantsByOrganisation: Record<string, number> };
}

export const DEMO_ACTIVITIES: readonly DemoActivity[] = [
  {
    title: 'Utbildning: nya energikrav i BBR',
    area: 'kompetensutveckling',
    targetGroups: ['kommuner'],
    start: '03-18',
    end: '03-18',
    responsibleOrganisationId: REGION,
    responsibleEmail: DEMO_COORDINATOR_EMAIL,
    proposedByEmail: STODGRUPP_EMAIL,
    lineKey: 'akt-bbr',
    feeLineKey: 'avgifter',
    costKr: 40_000,
    feeKr: 30_000,
    description: 'Heldag i Umeå om Boverkets nya energikrav och hur de påverkar tekniskt samråd och slutbesked.',
    status: 'utvarderad',
    evaluation: {
      summary: 'Mycket uppskattad dag; deltagarna vill ha en uppföljning om energiberäkningar i tekniskt samråd.',
      lessons: 'Skicka ut material i förväg och spela in föreläsningen för de inlandskommuner som inte kan resa.',
      participantsByOrganisation: { umea: 6, skelleftea: 4, lycksele: 2, vannas: 1, storuman: 1, vindeln: 1 },
    },
  },
  {
    title: 'Erfarenhetsutbyte bygglov – digitala ansökningar',
    area: 'erfarenhetsutbyte',
    targetGroups: ['kommuner'],
    start: '04-23',
    end: '04-23',
    responsibleOrganisationId: 'skelleftea',
    responsibleEmail: STODGRUPP_EMAIL,
    proposedByEmail: STODGRUPP_EMAIL,
    lineKey: 'akt-natverk',
    costKr: 15_000,
    feeKr: 0,
    description: 'Kommunerna visar hur de tar emot och handlägger digitala bygglovsansökningar, via Teams.',
    status: 'genomford',
  },
  {
    title: 'Informationskampanj: bygglov för solceller',
    area: 'information',
    targetGroups: ['medborgare', 'naringsliv'],
    start: '04-01',
    end: '06-30',
    responsibleOrganisationId: REGION,
    responsibleEmail: DEMO_COORDINATOR_EMAIL,
    proposedByEmail: DEMO_COORDINATOR_EMAIL,
    lineKey: 'akt-solceller',
    costKr: 20_000,
    feeKr: 0,
    description: 'Gemensam text och annonser om när solceller kräver bygglov, för kommunernas webbplatser.',
    status: 'genomford',
  },
  {
    title: 'Tillsynsprojekt OVK',
    area: 'tillsynsprojekt',
    targetGroups: ['kommuner', 'naringsliv'],
    start: '05-04',
    end: '11-30',
    responsibleOrganisationId: REGION,
    responsibleEmail: DEMO_COORDINATOR_EMAIL,
    proposedByEmail: STODGRUPP_EMAIL,
    lineKey: 'akt-ovk',
    costKr: 30_000,
    feeKr: 0,
    description:
      'Gemensam tillsyn av obligatorisk ventilationskontroll i skolor och flerbostadshus med gemensam checklista.',
    status: 'beslutad',
  },
  {
    title: 'Omvärldsbevakning: ändrade regler för detaljplaner',
    area: 'omvarldsbevakning',
    targetGroups: ['kommuner'],
    start: '09-10',
    end: '09-10',
    responsibleOrganisationId: REGION,
    responsibleEmail: DEMO_COORDINATOR_EMAIL,
    proposedByEmail: DEMO_COORDINATOR_EMAIL,
    costKr: 0,
    feeKr: 0,
    description:
      'Genomgång av förändringarna i plan- och bygglagen om detaljplaner och vad de betyder för planarbetet.',
    status: 'beslutad',
  },
  {
    title: 'Seminarium: klimatanpassning i detaljplan',
    area: 'kompetensutveckling',
    targetGroups: ['kommuner'],
    start: '10-15',
    end: '10-15',
    responsibleOrganisationId: 'umea',
    responsibleEmail: DEMO_COORDINATOR_EMAIL,
    proposedByEmail: STODGRUPP_EMAIL,
    lineKey: 'akt-klimat',
    costKr: 25_000,
    feeKr: 0,
    description: 'Skyfall, översvämning och ras i detaljplanering, tillsammans med Länsstyrelsen.',
    status: 'beslutad',
  },
  {
    title: 'Nätverksträff: strandskydd och dispenser',
    area: 'erfarenhetsutbyte',
    targetGroups: ['kommuner'],
    start: '12-03',
    end: '12-03',
    responsibleOrganisationId: 'lycksele',
    responsibleEmail: STODGRUPP_EMAIL,
    proposedByEmail: STODGRUPP_EMAIL,
    costKr: 5_000,
    feeKr: 0,
    description: 'Handläggare delar erfarenheter av strandskyddsdispenser efter de nya reglerna.',
    status: 'forslag',
  },
  {
    title: 'Webbinarium: bullerregler vid bostadsbyggande',
    area: 'information',
    targetGroups: ['kommuner', 'naringsliv'],
    start: '12-10',
    end: '12-10',
    responsibleOrganisationId: REGION,
    responsibleEmail: DEMO_COORDINATOR_EMAIL,
    proposedByEmail: DEMO_COORDINATOR_EMAIL,
    costKr: 0,
    feeKr: 0,
    description: 'Kort webbinarium för byggherrar och handläggare om trafikbullerförordningen.',
    status: 'forslag',
  },
];

/** Samverkansgruppen's höstmöte of the previous year, where the decisions above were taken. */
export const DEMO_MEETING = {
  title: 'Samverkansgruppens höstmöte',
  startTime: '09:30',
  endTime: '12:00',
  room: 'Regionens hus, Umeå',
  idempotencyKey: 'demo-hostmote',
} as const;
