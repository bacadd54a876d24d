import { z } from 'zod';
import type { BudgetLine, OutcomeEntry } from './budget';
import { parseYear } from './calendar';
import { DomainValidationError } from './errors';
import { sumOre, type Ore } from './money';
import type { Organisation, OrganisationKind } from './organisations';
import { isoDateSchema, parseOrThrow } from './validation';

export const COFINANCING_STATUSES = ['betald', 'delvis', 'obetald', 'överbetald'] as const;
export type CoFinancingStatus = (typeof COFINANCING_STATUSES)[number];

export const COFINANCING_STATUS_LABELS: Record<CoFinancingStatus, { sv: string; en: string }> = {
  betald: { sv: 'Betald', en: 'Paid' },
  delvis: { sv: 'Delvis betald', en: 'Partly paid' },
  obetald: { sv: 'Obetald', en: 'Unpaid' },
  överbetald: { sv: 'Överbetald', en: 'Overpaid' },
};

export const MISSING_COFINANCING_LINE = 'Saknar medfinansieringsrad';

export interface CoFinancingRow {
  organisationId: string;
  name: string;
  kind: OrganisationKind;
  budgetLineIds: string[];
  dueOre: Ore;
  paidOre: Ore;
  /** What is left to pay; never negative (see overpaidOre). */
  remainingOre: Ore;
  overpaidOre: Ore;
  status: CoFinancingStatus;
  statusLabel: string;
  /** Set for a kommun without any co-financing line in the year. */
  flag?: string;
}

export interface CoFinancingReport {
  year: number;
  asOf?: string;
  rows: CoFinancingRow[];
  /** Kommuner with no 'medfinansiering_kommun' line in the year. */
  missing: { organisationId: string; name: string; message: string }[];
  totals: { dueOre: Ore; paidOre: Ore; remainingOre: Ore; overpaidOre: Ore };
}

export interface CoFinancingInput {
  year: number;
  lines: readonly BudgetLine[];
  outcomes: readonly OutcomeEntry[];
  organisations: readonly Organisation[];
  /** Count payments booked up to and including this date; all of the year's payments when left out. */
  asOf?: string;
}

export function coFinancingStatus(dueOre: Ore, paidOre: Ore): CoFinancingStatus {
  if (paidOre > dueOre) return 'överbetald';
  if (paidOre === dueOre) return 'betald';
  return paidOre <= 0 ? 'obetald' : 'delvis';
}

/**
 * Who has paid their share. Kommuner pay through 'medfinansiering_kommun' lines; the Region's own money
 * ('region_egna_medel') belongs to the line's organisation or, without one, to the host organisation.
 * Project money and participant fees are not co-financing. Every kommun gets a row, flagged when it has
 * no co-financing line at all.
 */
export function coFinancingReport(input: CoFinancingInput): CoFinancingReport {
  const year = parseYear(input.year);
  const asOf = input.asOf === undefined ? undefined : parseOrThrow(z.object({ asOf: isoDateSchema }), input).asOf;
  const host = input.organisations.find((org) => org.isHost) ?? input.organisations.find((o) => o.kind === 'region');
  const orgById = new Map(input.organisations.map((org) => [org.id, org]));

  const linesByOrg = new Map<string, BudgetLine[]>();
  const issues: { path: string; message: string }[] = [];
  input.lines.forEach((line, index) => {
    if (line.year !== year) return;
    let organisationId: string | undefined;
    if (line.category === 'medfinansiering_kommun') organisationId = line.organisationId;
    else if (line.category === 'region_egna_medel') organisationId = line.organisationId ?? host?.id;
    else return;
    if (!organisationId || !orgById.has(organisationId)) {
      issues.push({
        path: `lines.${index}.organisationId`,
        message: `Budgetraden ${line.name} hänvisar inte till någon känd organisation.`,
      });
      return;
    }
    linesByOrg.set(organisationId, [...(linesByOrg.get(organisationId) ?? []), line]);
  });
  if (issues.length > 0) throw new DomainValidationError(issues);

  const rows: CoFinancingRow[] = [];
  const missing: CoFinancingReport['missing'] = [];
  for (const org of input.organisations) {
    const lines = linesByOrg.get(org.id) ?? [];
    if (lines.length === 0 && org.kind !== 'kommun') continue;
    const lineIds = new Set(lines.map((line) => line.id));
    const dueOre = sumOre(lines.map((line) => line.amountOre));
    const paidOre = sumOre(
      input.outcomes
        .filter(
          (entry) =>
            lineIds.has(entry.budgetLineId) &&
            entry.date.startsWith(`${year}-`) &&
            (asOf === undefined || entry.date <= asOf),
        )
        .map((entry) => entry.amountOre),
    );
    // A kommun without a line owes an amount nobody has set; it shows as unpaid until the line is added.
    const status = lines.length === 0 ? 'obetald' : coFinancingStatus(dueOre, paidOre);
    const row: CoFinancingRow = {
      organisationId: org.id,
      name: org.name,
      kind: org.kind,
      budgetLineIds: [...lineIds],
      dueOre,
      paidOre,
      remainingOre: Math.max(0, dueOre - paidOre),
      overpaidOre: Math.max(0, paidOre - dueOre),
      status,
      statusLabel: COFINANCING_STATUS_LABELS[status].sv,
    };
    if (lines.length === 0) {
      row.flag = MISSING_COFINANCING_LINE;
      missing.push({
        organisationId: org.id,
        name: org.name,
        message: `${org.name}: ${MISSING_COFINANCING_LINE.toLowerCase()} för ${year}.`,
      });
    }
    rows.push(row);
  }
  return {
    year,
    ...(asOf ? { asOf } : {}),
    rows,
    missing,
    totals: {
      dueOre: sumOre(rows.map((row) => row.dueOre)),
      paidOre: sumOre(rows.map((row) => row.paidOre)),
      remainingOre: sumOre(rows.map((row) => row.remainingOre)),
      overpaidOre: sumOre(rows.map((row) => row.overpaidOre)),
    },
  };
}
