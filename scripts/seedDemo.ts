/**
 * Fills the local tenant with the demo content of scripts/demoData.ts, written through the app's own
 * services so every rule (budget categories, activity transitions, decisions only at samverkansgruppen)
 * holds for it. Only when the current year has neither budget lines nor activities, so a second start adds nothing.
 */
import { toIsoDate, type IsoDate } from '../src/domain';
import type { GraphGateway } from '../api/graph/gateway';
import type { AppServices } from '../api/services';
import type { DecisionRecord } from '../api/services/economy';
import {
  DEMO_ACTIVITIES,
  DEMO_BUDGET_LINES,
  DEMO_CHAIR_EMAIL,
  DEMO_COORDINATOR_EMAIL,
  DEMO_DECISIONS,
  DEMO_MEETING,
  DEMO_OUTCOMES,
  type DemoActivity,
} from './demoData';

export type DemoSeedResult =
  | { seeded: false; year: number }
  | {
      seeded: true;
      year: number;
      budgetLines: number;
      outcomes: number;
      activities: number;
      decisions: number;
      meetings: number;
    };

const ORE_PER_KR = 100;

/** `DEMO_DATA=off` (or `false`, `0`, `nej`) leaves the local tenant without demo content. */
export function demoDataEnabled(env: Record<string, string | undefined>): boolean {
  return !['off', 'false', '0', 'nej'].includes((env.DEMO_DATA ?? '').trim().toLowerCase());
}

/** A day of the year, but not later than today: what has happened cannot lie in the future. */
function notAfter(date: IsoDate, today: IsoDate): IsoDate {
  return date < today ? date : today;
}

/** The previous year's höstmöte: the first Tuesday from 14 October, inside the September–October window. */
function previousAutumnMeetingDate(year: number): IsoDate {
  const day = new Date(Date.UTC(year - 1, 9, 14));
  while (day.getUTCDay() !== 2) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

export function demoSummary(result: DemoSeedResult): string {
  if (!result.seeded) return `demodata: finns redan för ${result.year} (inget lades till)`;
  return (
    `demodata för ${result.year}: ${result.budgetLines} budgetrader, ${result.outcomes} utfallsposter, ` +
    `${result.activities} aktiviteter, ${result.decisions} beslut och ${result.meetings} möte lagda till ` +
    '(DEMO_DATA=off stänger av)'
  );
}

export async function seedDemoData(
  gateway: GraphGateway,
  services: AppServices,
  options: { today?: IsoDate } = {},
): Promise<DemoSeedResult> {
  const today = options.today ?? toIsoDate(new Date());
  const year = Number(today.slice(0, 4));
  const { budget, activities } = services.economy;
  const [existingLines, existingActivities] = await Promise.all([
    budget.listLines(gateway, year),
    activities.list(gateway, { year }),
  ]);
  if (existingLines.length > 0 || existingActivities.length > 0) return { seeded: false, year };

  const day = (monthDay: string): IsoDate => `${year}-${monthDay}`;

  await budget.importLines(
    gateway,
    DEMO_BUDGET_LINES.map((line) => ({
      year,
      category: line.category,
      name: line.name,
      amountOre: line.amountKr * ORE_PER_KR,
      ...(line.area ? { area: line.area } : {}),
      ...(line.organisationId ? { organisationId: line.organisationId } : {}),
    })),
  );
  const lines = (await budget.listLines(gateway, year)).map(({ etag: _etag, ...line }) => line);
  const lineIdByName = new Map(lines.map((line) => [line.name, line.id]));
  const lineId = (key: string): string => {
    const name = DEMO_BUDGET_LINES.find((line) => line.key === key)?.name;
    const id = name === undefined ? undefined : lineIdByName.get(name);
    if (id === undefined) throw new Error(`Demodata: budgetraden ${key} saknas.`);
    return id;
  };
  const outcomes = await budget.importOutcomes(
    gateway,
    DEMO_OUTCOMES.map((entry) => ({
      budgetLineId: lineId(entry.lineKey),
      date: notAfter(day(entry.monthDay), today),
      amountOre: entry.amountKr * ORE_PER_KR,
      text: entry.text,
    })),
    DEMO_COORDINATOR_EMAIL,
    lines,
  );

  const decisions = await seedMeetingAndDecisions(gateway, services, year, day);
  const kalendarium = decisions.get('kalendarium');
  if (!kalendarium) throw new Error('Demodata: beslutet om kalendariet saknas.');
  await Promise.all(
    DEMO_ACTIVITIES.map((activity) => seedActivity(gateway, services, activity, kalendarium, today, day, lineId)),
  );

  return {
    seeded: true,
    year,
    budgetLines: DEMO_BUDGET_LINES.length,
    outcomes,
    activities: DEMO_ACTIVITIES.length,
    decisions: decisions.size,
    meetings: 1,
  };
}

/**
 * Convenes the previous year's höstmöte as the chair (the kallelse goes out from her calendar in the local
 * tenant), marks it held and records its decisions with their follow-up so far.
 */
async function seedMeetingAndDecisions(
  gateway: GraphGateway,
  services: AppServices,
  year: number,
  day: (monthDay: string) => IsoDate,
): Promise<Map<string, DecisionRecord>> {
  const chair = await services.contacts.findByEmail(gateway, DEMO_CHAIR_EMAIL);
  if (!chair) throw new Error(`Demodata: ${DEMO_CHAIR_EMAIL} saknas i Kontakter.`);
  const { meeting } = await services.meetings.send(
    gateway,
    { person: chair, roles: chair.roles },
    {
      group: 'samverkansgrupp',
      date: previousAutumnMeetingDate(year),
      season: 'host',
      title: `${DEMO_MEETING.title} ${year - 1}`,
      startTime: DEMO_MEETING.startTime,
      endTime: DEMO_MEETING.endTime,
      room: DEMO_MEETING.room,
      online: true,
      idempotencyKey: `${DEMO_MEETING.idempotencyKey}-${year - 1}`,
    },
  );
  await services.meetings.complete(gateway, meeting.id);

  const { decisions } = services.economy;
  const recorded = new Map<string, DecisionRecord>();
  for (const demo of DEMO_DECISIONS) {
    let decision = await decisions.record(gateway, {
      meetingId: meeting.id,
      kind: demo.kind,
      title: `${demo.title} ${year}`,
      text: demo.text,
      ownerEmail: DEMO_COORDINATOR_EMAIL,
      followUpDue: day(demo.followUpDue),
    });
    if (demo.followUp !== 'ej_paborjad') {
      decision = await decisions.updateFollowUp(
        gateway,
        decision.id,
        { followUp: demo.followUp, ...(demo.followUpNote ? { note: demo.followUpNote } : {}) },
        decision.etag,
      );
    }
    recorded.set(demo.key, decision);
  }
  return recorded;
}

/** Proposes the activity and takes it as far as its demo status, through the domain's transitions. */
async function seedActivity(
  gateway: GraphGateway,
  services: AppServices,
  demo: DemoActivity,
  kalendarium: DecisionRecord,
  today: IsoDate,
  day: (monthDay: string) => IsoDate,
  lineId: (key: string) => string,
): Promise<void> {
  const { activities } = services.economy;
  const held = demo.status === 'genomford' || demo.status === 'utvarderad';
  const startDate = held ? notAfter(day(demo.start), today) : day(demo.start);
  const endDate = held ? notAfter(day(demo.end), today) : day(demo.end);
  let activity = await activities.propose(
    gateway,
    {
      title: demo.title,
      area: demo.area,
      targetGroups: demo.targetGroups,
      startDate,
      endDate,
      responsibleOrganisationId: demo.responsibleOrganisationId,
      responsibleEmail: demo.responsibleEmail,
      budgetedCostOre: demo.costKr * ORE_PER_KR,
      participantFeeOre: demo.feeKr * ORE_PER_KR,
      description: demo.description,
    },
    demo.proposedByEmail,
  );
  if (demo.status === 'forslag') return;
  // The demo budget already has the activity's lines: linked to it, its decision updates them (#17).
  for (const key of [demo.lineKey, demo.feeLineKey]) {
    if (key === undefined) continue;
    const line = await services.lists.budget.get(gateway, lineId(key));
    await services.lists.budget.update(gateway, line.id, line.eTag, { ActivityId: activity.id });
  }
  activity = (await activities.decide(gateway, activity.id, { decisionId: kalendarium.id }, activity.etag)).activity;
  if (demo.status === 'genomford') await activities.setStatus(gateway, activity.id, 'genomford', activity.etag);
  if (demo.status === 'utvarderad' && demo.evaluation) {
    await activities.evaluate(gateway, activity.id, { date: endDate, ...demo.evaluation }, activity.etag);
  }
}
