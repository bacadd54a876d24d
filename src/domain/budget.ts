import { z } from 'zod';
import { SAMVERKANSOMRADEN, type Samverkansomrade } from './areas';
import { parseYear, toStockholm, type IsoDate } from './calendar';
import { DomainValidationError, type ValidationIssue } from './errors';
import type { Organisation } from './organisations';
import type { Ore } from './money';
import { idSchema, isoDateSchema, nonNegativeOreSchema, oreAmountSchema, parseOrThrow } from './validation';

export const BUDGET_KINDS = ['kostnad', 'intakt'] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];

export const BUDGET_KIND_LABELS: Record<BudgetKind, { sv: string; en: string }> = {
  kostnad: { sv: 'Kostnad', en: 'Cost' },
  intakt: { sv: 'Intäkt', en: 'Income' },
};

export const COST_CATEGORIES = [
  'samordnare_lon',
  'oh_administration',
  'oh_lokal',
  'oh_moteskostnader',
  'oh_forbrukningsmaterial',
  'aktivitet',
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export const INCOME_CATEGORIES = [
  'medfinansiering_kommun',
  'region_egna_medel',
  'projektmedel',
  'deltagaravgifter',
] as const;
export type IncomeCategory = (typeof INCOME_CATEGORIES)[number];

export type BudgetCategory = CostCategory | IncomeCategory;
export const BUDGET_CATEGORIES: readonly BudgetCategory[] = [...COST_CATEGORIES, ...INCOME_CATEGORIES];

export const BUDGET_CATEGORY_LABELS: Record<BudgetCategory, { sv: string; en: string }> = {
  samordnare_lon: { sv: 'Lönekostnad samordnare', en: 'Coordinator salary' },
  oh_administration: { sv: 'OH – administration', en: 'Overhead – administration' },
  oh_lokal: { sv: 'OH – lokal', en: 'Overhead – premises' },
  oh_moteskostnader: { sv: 'OH – möteskostnader', en: 'Overhead – meeting costs' },
  oh_forbrukningsmaterial: { sv: 'OH – förbrukningsmaterial', en: 'Overhead – consumables' },
  aktivitet: { sv: 'Aktiviteter', en: 'Activities' },
  medfinansiering_kommun: { sv: 'Medfinansiering från kommun', en: 'Co-financing, municipality' },
  region_egna_medel: { sv: 'Region Västerbotten, egna medel', en: 'Region, own funds' },
  projektmedel: { sv: 'Projektmedel', en: 'Project funds' },
  deltagaravgifter: { sv: 'Deltagaravgifter', en: 'Participant fees' },
};

export function categoryKind(category: BudgetCategory): BudgetKind {
  return (COST_CATEGORIES as readonly string[]).includes(category) ? 'kostnad' : 'intakt';
}

export interface BudgetLine {
  id: string;
  year: number;
  kind: BudgetKind;
  category: BudgetCategory;
  area?: Samverkansomrade;
  name: string;
  amountOre: Ore;
  /** Required for 'medfinansiering_kommun': the paying kommun. */
  organisationId?: string;
  /** The decided activity the line comes from (#17): its cost or its participant fees. */
  activityId?: string;
}

export interface OutcomeEntry {
  id: string;
  budgetLineId: string;
  date: IsoDate;
  amountOre: Ore;
  text?: string;
}

function budgetLineSchema(organisations: readonly Organisation[]) {
  const orgById = new Map(organisations.map((org) => [org.id, org]));
  return z
    .object({
      id: idSchema,
      year: z
        .number({ error: 'Budgetåret måste vara ett heltal.' })
        .int('Budgetåret måste vara ett heltal.')
        .min(1900, 'Ogiltigt budgetår.')
        .max(2199, 'Ogiltigt budgetår.'),
      kind: z.enum(BUDGET_KINDS, {
        error: (issue) => `Okänd typ av budgetrad: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
      }),
      category: z.enum(BUDGET_CATEGORIES as [BudgetCategory, ...BudgetCategory[]], {
        error: (issue) => `Okänd budgetkategori: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
      }),
      area: z
        .enum(SAMVERKANSOMRADEN, {
          error: (issue) => `Okänt samverkansområde: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
        })
        .optional(),
      name: z.string({ error: 'Namnet saknas.' }).trim().min(1, 'Namnet får inte vara tomt.'),
      amountOre: nonNegativeOreSchema,
      organisationId: z.string({ error: 'Organisationen måste anges som id.' }).optional(),
      activityId: idSchema.optional(),
    })
    .superRefine((line, ctx) => {
      if (categoryKind(line.category) !== line.kind) {
        ctx.addIssue({
          code: 'custom',
          path: ['category'],
          message: `Kategorin ${BUDGET_CATEGORY_LABELS[line.category].sv} hör inte till typen ${BUDGET_KIND_LABELS[line.kind].sv.toLowerCase()}.`,
        });
      }
      if (line.organisationId !== undefined && !orgById.has(line.organisationId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['organisationId'],
          message: 'Okänd organisation.',
        });
      }
      if (line.category === 'medfinansiering_kommun') {
        if (line.organisationId === undefined) {
          ctx.addIssue({ code: 'custom', path: ['organisationId'], message: 'Ange vilken kommun som medfinansierar.' });
        } else if (orgById.has(line.organisationId) && orgById.get(line.organisationId)?.kind !== 'kommun') {
          ctx.addIssue({
            code: 'custom',
            path: ['organisationId'],
            message: `Medfinansiering från kommun måste avse en kommun, inte ${orgById.get(line.organisationId)?.name}.`,
          });
        }
      }
    });
}

export function createBudgetLine(input: unknown, organisations: readonly Organisation[]): BudgetLine {
  return parseOrThrow(budgetLineSchema(organisations), input);
}

function outcomeSchema(lines: readonly BudgetLine[] | undefined) {
  const lineById = new Map((lines ?? []).map((line) => [line.id, line]));
  return z
    .object({
      id: idSchema,
      budgetLineId: idSchema,
      date: isoDateSchema,
      amountOre: oreAmountSchema.refine((value) => value !== 0, { message: 'Beloppet får inte vara noll.' }),
      text: z.string({ error: 'Texten måste vara text.' }).trim().optional(),
    })
    .superRefine((entry, ctx) => {
      if (!lines) return;
      const line = lineById.get(entry.budgetLineId);
      if (!line) {
        ctx.addIssue({ code: 'custom', path: ['budgetLineId'], message: 'Budgetposten finns inte.' });
      } else if (Number(entry.date.slice(0, 4)) !== line.year) {
        ctx.addIssue({
          code: 'custom',
          path: ['date'],
          message: `Utfallet är daterat utanför budgetåret ${line.year}.`,
        });
      }
    });
}

/** An outcome (utfall) booking. Negative amounts are corrections; zero is refused. */
export function createOutcomeEntry(input: unknown, lines?: readonly BudgetLine[]): OutcomeEntry {
  return parseOrThrow(outcomeSchema(lines), input);
}

export interface Amounts {
  budgetOre: Ore;
  outcomeOre: Ore;
  forecastOre: Ore;
  deviationOre: Ore;
}

export interface LineStatus extends Amounts {
  line: BudgetLine;
  entryCount: number;
}

export interface AreaAmounts {
  kostnad: Amounts;
  intakt: Amounts;
  net: Amounts;
}

export interface StatusReport {
  year: number;
  asOf: IsoDate;
  /** Days of the year elapsed up to and including asOf, and the year's length. */
  elapsedDays: number;
  daysInYear: number;
  lines: LineStatus[];
  byCategory: Partial<Record<BudgetCategory, Amounts>>;
  /** Costs and income are kept apart per area; net = income − cost. */
  byArea: Partial<Record<Samverkansomrade, AreaAmounts>>;
  byKind: Record<BudgetKind, Amounts>;
  /** Income minus cost, for budget, outcome and forecast. */
  net: Amounts;
}

function zero(): Amounts {
  return { budgetOre: 0, outcomeOre: 0, forecastOre: 0, deviationOre: 0 };
}

function add(into: Amounts, a: Amounts, sign: 1 | -1 = 1): void {
  into.budgetOre += sign * a.budgetOre;
  into.outcomeOre += sign * a.outcomeOre;
  into.forecastOre += sign * a.forecastOre;
  into.deviationOre += sign * a.deviationOre;
}

/** Integer division rounded half away from zero. */
function divRound(numerator: number, denominator: number): number {
  const q = Math.trunc(numerator / denominator);
  const r = numerator - q * denominator;
  if (2 * Math.abs(r) >= denominator) return q + Math.sign(numerator);
  return q;
}

/**
 * How a line's money comes in over the year. Salaries, administration, premises and consumables accrue evenly
 * (`running`); meeting costs, activity costs and every income (co-financing, Region money, project money,
 * participant fees) come as lump sums when something happens or is invoiced (`lumpSum`).
 */
export type AccrualPattern = 'running' | 'lumpSum';

const RUNNING_CATEGORIES: readonly BudgetCategory[] = [
  'samordnare_lon',
  'oh_administration',
  'oh_lokal',
  'oh_forbrukningsmaterial',
];

export function accrualPattern(category: BudgetCategory): AccrualPattern {
  return RUNNING_CATEGORIES.includes(category) ? 'running' : 'lumpSum';
}

/**
 * Forecast for the full year, per line:
 * - no outcome booked yet (or asOf before the year): the budget;
 * - asOf on or after 31 December: the outcome;
 * - a running line: the outcome extrapolated linearly over the days elapsed (outcome × daysInYear ÷
 *   elapsedDays, rounded to whole öre), but never below the outcome already booked;
 * - a lump-sum line: the budget, or the outcome once it has passed the budget (a kommun that has paid half its
 *   co-financing in March is expected to pay the rest, not four times as much).
 */
export function forecastLine(
  budgetOre: Ore,
  outcomeOre: Ore,
  entryCount: number,
  elapsedDays: number,
  daysInYear: number,
  pattern: AccrualPattern = 'running',
): Ore {
  if (entryCount === 0 || elapsedDays <= 0) return budgetOre;
  if (elapsedDays >= daysInYear) return outcomeOre;
  if (pattern === 'lumpSum') return budgetOre >= 0 ? Math.max(budgetOre, outcomeOre) : Math.min(budgetOre, outcomeOre);
  const extrapolated = divRound(outcomeOre * daysInYear, elapsedDays);
  if (!Number.isSafeInteger(extrapolated)) {
    throw new DomainValidationError([{ path: 'amountOre', message: 'Beloppen är för stora för en prognos.' }]);
  }
  return Math.max(outcomeOre, extrapolated);
}

export interface StatusReportInput {
  lines: readonly BudgetLine[];
  outcomes: readonly OutcomeEntry[];
  asOf: IsoDate;
  year: number;
}

/** The ekonomisk lägesrapport: budget, outcome to date, forecast and deviation (forecast − budget). */
export function statusReport(input: StatusReportInput): StatusReport {
  const { asOf } = parseOrThrow(z.object({ asOf: isoDateSchema }), { asOf: input.asOf });
  const year = parseYear(input.year);
  const lines = input.lines.filter((line) => line.year === year);
  const lineIds = new Set(input.lines.map((line) => line.id));
  const issues: ValidationIssue[] = [];
  input.outcomes.forEach((entry, index) => {
    if (!lineIds.has(entry.budgetLineId)) {
      issues.push({
        path: `outcomes.${index}.budgetLineId`,
        message: `Utfallspost ${entry.id} hänvisar till en okänd budgetrad: ${entry.budgetLineId}.`,
      });
    }
  });
  if (issues.length > 0) throw new DomainValidationError(issues);

  const start = toStockholm(`${year}-01-01`);
  const daysInYear = start.daysInYear;
  const asOfDt = toStockholm(asOf);
  const elapsedDays =
    asOfDt.year < year ? 0 : asOfDt.year > year ? daysInYear : Math.round(asOfDt.diff(start, 'days').days) + 1;

  const statuses: LineStatus[] = lines.map((line) => {
    const entries = input.outcomes.filter(
      (e) => e.budgetLineId === line.id && e.date <= asOf && e.date.startsWith(`${year}-`),
    );
    const outcomeOre = entries.reduce((sum, e) => sum + e.amountOre, 0);
    const forecastOre = forecastLine(
      line.amountOre,
      outcomeOre,
      entries.length,
      elapsedDays,
      daysInYear,
      accrualPattern(line.category),
    );
    return {
      line,
      entryCount: entries.length,
      budgetOre: line.amountOre,
      outcomeOre,
      forecastOre,
      deviationOre: forecastOre - line.amountOre,
    };
  });

  const byCategory: Partial<Record<BudgetCategory, Amounts>> = {};
  const byArea: Partial<Record<Samverkansomrade, AreaAmounts>> = {};
  const byKind: Record<BudgetKind, Amounts> = { kostnad: zero(), intakt: zero() };
  for (const status of statuses) {
    add((byCategory[status.line.category] ??= zero()), status);
    if (status.line.area) {
      const area = (byArea[status.line.area] ??= { kostnad: zero(), intakt: zero(), net: zero() });
      add(area[status.line.kind], status);
      add(area.net, status, status.line.kind === 'intakt' ? 1 : -1);
    }
    add(byKind[status.line.kind], status);
  }
  const net = zero();
  add(net, byKind.intakt);
  add(net, byKind.kostnad, -1);

  return { year, asOf, elapsedDays, daysInYear, lines: statuses, byCategory, byArea, byKind, net };
}
