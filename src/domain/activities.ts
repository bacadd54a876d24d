import { z } from 'zod';
import { SAMVERKANSOMRADEN, type Samverkansomrade } from './areas';
import { MONTH_NAMES_SV, isoWeek, isoWeekYear, parseYear, toStockholm, type IsoDate } from './calendar';
import { DomainRuleError } from './errors';
import type { Organisation } from './organisations';
import { idSchema, isoDateSchema, nonNegativeOreSchema, parseOrThrow } from './validation';
import type { Ore } from './money';

export const TARGET_GROUPS = ['kommuner', 'naringsliv', 'medborgare'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const TARGET_GROUP_LABELS: Record<TargetGroup, { sv: string; en: string }> = {
  kommuner: { sv: 'Kommuner', en: 'Municipalities' },
  naringsliv: { sv: 'Näringsliv', en: 'Business' },
  medborgare: { sv: 'Medborgare', en: 'Citizens' },
};

export const ACTIVITY_STATUSES = ['forslag', 'beslutad', 'genomford', 'utvarderad', 'struken'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, { sv: string; en: string }> = {
  forslag: { sv: 'Förslag', en: 'Proposed' },
  beslutad: { sv: 'Beslutad', en: 'Decided' },
  genomford: { sv: 'Genomförd', en: 'Carried out' },
  utvarderad: { sv: 'Utvärderad', en: 'Evaluated' },
  struken: { sv: 'Struken', en: 'Cancelled' },
};

export interface ActivityEvaluation {
  date: IsoDate;
  summary: string;
  participantCount?: number;
}

export interface Activity {
  id: string;
  title: string;
  area: Samverkansomrade;
  targetGroups: TargetGroup[];
  startDate: IsoDate;
  endDate: IsoDate;
  responsibleOrganisationId: string;
  responsiblePersonId?: string;
  budgetedCostOre: Ore;
  participantFeeOre: Ore;
  status: ActivityStatus;
  decisionId?: string;
  evaluation?: ActivityEvaluation;
  description?: string;
}

const evaluationSchema = z.object({
  date: isoDateSchema,
  summary: z.string({ error: 'Utvärderingen saknar text.' }).trim().min(1, 'Utvärderingen får inte vara tom.'),
  participantCount: z
    .number({ error: 'Antalet deltagare måste vara ett heltal.' })
    .int('Antalet deltagare måste vara ett heltal.')
    .min(0, 'Antalet deltagare får inte vara negativt.')
    .optional(),
});

function activitySchema(organisations: readonly Organisation[]) {
  const orgIds = new Set(organisations.map((org) => org.id));
  return z
    .object({
      id: idSchema,
      title: z.string({ error: 'Titeln saknas.' }).trim().min(1, 'Titeln får inte vara tom.'),
      area: z.enum(SAMVERKANSOMRADEN, {
        error: (issue) => `Okänt samverkansområde: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
      }),
      targetGroups: z
        .array(
          z.enum(TARGET_GROUPS, {
            error: (issue) => `Okänd målgrupp: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
          }),
          {
            error: 'Målgrupperna måste anges som en lista.',
          },
        )
        .min(1, 'Ange minst en målgrupp.')
        .transform((groups) => [...new Set(groups)]),
      startDate: isoDateSchema,
      endDate: isoDateSchema,
      responsibleOrganisationId: z.string({ error: 'Ansvarig organisation saknas.' }).refine((id) => orgIds.has(id), {
        error: (issue) => `Okänd organisation: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
      }),
      responsiblePersonId: idSchema.optional(),
      budgetedCostOre: nonNegativeOreSchema.default(0),
      participantFeeOre: nonNegativeOreSchema.default(0),
      status: z
        .enum(ACTIVITY_STATUSES, {
          error: (issue) => `Okänd status: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
        })
        .default('forslag'),
      decisionId: idSchema.optional(),
      evaluation: evaluationSchema.optional(),
      description: z.string({ error: 'Beskrivningen måste vara text.' }).trim().optional(),
    })
    .refine((a) => a.endDate >= a.startDate, { path: ['endDate'], message: 'Slutdatum ligger före startdatum.' })
    .refine((a) => a.status === 'forslag' || a.status === 'struken' || a.decisionId !== undefined, {
      path: ['decisionId'],
      message: 'En beslutad aktivitet måste hänvisa till ett beslut.',
    })
    .refine((a) => a.status !== 'utvarderad' || a.evaluation !== undefined, {
      path: ['evaluation'],
      message: 'En utvärderad aktivitet måste ha en utvärdering.',
    });
}

export function createActivity(input: unknown, organisations: readonly Organisation[]): Activity {
  return parseOrThrow(activitySchema(organisations), input);
}

export interface TransitionContext {
  decisionId?: string;
  evaluation?: ActivityEvaluation;
}

/**
 * förslag → beslutad → genomförd → utvärderad; förslag and beslutad may be struken. A genomförd
 * activity cannot be struken: it has happened and its costs are real, so it must be evaluated instead.
 */
const ALLOWED: Record<ActivityStatus, readonly ActivityStatus[]> = {
  forslag: ['beslutad', 'struken'],
  beslutad: ['genomford', 'struken'],
  genomford: ['utvarderad'],
  utvarderad: [],
  struken: [],
};

const REFUSALS: Partial<Record<`${ActivityStatus}>${ActivityStatus}`, string>> = {
  'forslag>genomford': 'En aktivitet kan inte genomföras innan den är beslutad.',
  'forslag>utvarderad': 'En aktivitet kan inte utvärderas innan den är genomförd.',
  'beslutad>utvarderad': 'En aktivitet kan inte utvärderas innan den är genomförd.',
  'genomford>struken': 'En genomförd aktivitet kan inte strykas; den ska utvärderas.',
  'genomford>beslutad': 'En genomförd aktivitet kan inte återgå till beslutad.',
  'beslutad>forslag': 'En beslutad aktivitet kan inte återgå till förslag.',
};

export function canTransition(from: ActivityStatus, to: ActivityStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function transitionActivity(activity: Activity, to: ActivityStatus, ctx: TransitionContext = {}): Activity {
  const target = parseOrThrow(
    z.enum(ACTIVITY_STATUSES, {
      error: (issue) => `Okänd status: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
    }),
    to,
  );
  const from = activity.status;
  if (from === target) {
    throw new DomainRuleError(
      'ACTIVITY_ALREADY_IN_STATUS',
      `Aktiviteten har redan status ${ACTIVITY_STATUS_LABELS[from].sv.toLowerCase()}.`,
    );
  }
  if (from === 'utvarderad' || from === 'struken') {
    throw new DomainRuleError(
      'ACTIVITY_FINAL',
      `Aktiviteten är ${ACTIVITY_STATUS_LABELS[from].sv.toLowerCase()} och kan inte ändra status.`,
    );
  }
  if (!canTransition(from, target)) {
    throw new DomainRuleError(
      'ACTIVITY_TRANSITION_NOT_ALLOWED',
      REFUSALS[`${from}>${target}`] ??
        `Statusen kan inte ändras från ${ACTIVITY_STATUS_LABELS[from].sv.toLowerCase()} till ${ACTIVITY_STATUS_LABELS[target].sv.toLowerCase()}.`,
    );
  }
  if (target === 'beslutad') {
    const decisionId = ctx.decisionId ?? activity.decisionId;
    if (!decisionId || decisionId.trim() === '') {
      throw new DomainRuleError(
        'ACTIVITY_DECISION_REQUIRED',
        'En aktivitet kan bara bli beslutad genom ett beslut i samverkansgruppen.',
      );
    }
    return { ...activity, status: target, decisionId };
  }
  if (target === 'utvarderad') {
    if (!ctx.evaluation) {
      throw new DomainRuleError('ACTIVITY_EVALUATION_REQUIRED', 'En utvärderad aktivitet måste ha en utvärdering.');
    }
    const evaluation = parseOrThrow(evaluationSchema, ctx.evaluation);
    if (evaluation.date < activity.startDate) {
      throw new DomainRuleError(
        'ACTIVITY_EVALUATION_TOO_EARLY',
        'Utvärderingen kan inte vara daterad före aktivitetens start.',
      );
    }
    return { ...activity, status: target, evaluation };
  }
  return { ...activity, status: target };
}

export interface KalendariumMonth {
  month: number;
  label: string;
  activities: Activity[];
}

export interface KalendariumWeek {
  isoWeekYear: number;
  week: number;
  label: string;
  activities: Activity[];
}

export interface Kalendarium {
  year: number;
  months: KalendariumMonth[];
  weeks: KalendariumWeek[];
}

/**
 * The yearly kalendarium: activities starting in the year, each listed under its start month and
 * start ISO week; struck activities are left out. All twelve months are returned, weeks only when used.
 */
export function kalendarium(activities: readonly Activity[], year: number): Kalendarium {
  const y = parseYear(year);
  const listed = activities
    .filter((a) => a.status !== 'struken' && a.startDate.startsWith(`${y}-`))
    .slice()
    .sort((a, b) =>
      a.startDate === b.startDate ? a.title.localeCompare(b.title, 'sv') : a.startDate < b.startDate ? -1 : 1,
    );
  const months: KalendariumMonth[] = MONTH_NAMES_SV.map((label, index) => ({
    month: index + 1,
    label,
    activities: listed.filter((a) => toStockholm(a.startDate).month === index + 1),
  }));
  const weeks = new Map<string, KalendariumWeek>();
  for (const activity of listed) {
    const week = isoWeek(activity.startDate);
    const weekYear = isoWeekYear(activity.startDate);
    const key = `${weekYear}-${week}`;
    const entry = weeks.get(key) ?? { isoWeekYear: weekYear, week, label: `v. ${week}`, activities: [] };
    entry.activities.push(activity);
    weeks.set(key, entry);
  }
  return { year: y, months, weeks: [...weeks.values()] };
}
