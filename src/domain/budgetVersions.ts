import type { IsoDate } from './calendar';
import type { BudgetLine } from './budget';
import type { DecisionKind } from './decisions';
import { DomainRuleError } from './errors';

/**
 * "Förslag till årlig budget tas fram av stödgruppen, vilken sedan beslutas av samverkansgruppen" (#17): a
 * year's budget is a series of versions. The lines are a draft (förslag) until samverkansgruppen decides it (a
 * Beslut of kind budget); the decided version is locked, its lines kept as they were decided. A change after
 * that is a new proposal (revidering) and a new decision. The lägesrapport measures against the latest decided
 * version.
 */

export const BUDGET_VERSION_STATUSES = ['forslag', 'beslutad'] as const;
export type BudgetVersionStatus = (typeof BUDGET_VERSION_STATUSES)[number];

export interface BudgetVersion {
  year: number;
  /** 1 for the first budget of the year, 2 for its first revision, … */
  version: number;
  status: BudgetVersionStatus;
  decisionId?: string;
  decidedOn?: IsoDate;
  /** The lines as decided (a decided version only). */
  lines?: BudgetLine[];
}

function ofYear(versions: readonly BudgetVersion[], year: number): BudgetVersion[] {
  return versions.filter((v) => v.year === year).sort((a, b) => a.version - b.version);
}

/** The newest version of the year, decided or not. */
export function latestVersion(versions: readonly BudgetVersion[], year: number): BudgetVersion | undefined {
  return ofYear(versions, year).at(-1);
}

/** The version the lägesrapport measures against: the newest decided one. */
export function decidedVersion(versions: readonly BudgetVersion[], year: number): BudgetVersion | undefined {
  return ofYear(versions, year)
    .filter((v) => v.status === 'beslutad')
    .at(-1);
}

/** Refuses a change of the year's lines while its newest version is decided (no revision proposed). */
export function assertBudgetOpen(versions: readonly BudgetVersion[], year: number): void {
  const latest = latestVersion(versions, year);
  if (latest?.status !== 'beslutad') return;
  throw new DomainRuleError(
    'BUDGET_LOCKED',
    `Budgeten för ${year} är beslutad (version ${latest.version}${latest.decidedOn ? `, ${latest.decidedOn}` : ''}) ` +
      'och kan inte ändras. Lägg ett förslag till revidering för att ändra den.',
  );
}

/**
 * Stödgruppen's proposal for the year: the first version, or a revision of the decided one. Refused while a
 * proposal is already open.
 */
export function proposeBudget(versions: readonly BudgetVersion[], year: number): BudgetVersion {
  const latest = latestVersion(versions, year);
  if (latest?.status === 'forslag') {
    throw new DomainRuleError(
      'BUDGET_PROPOSAL_OPEN',
      `Det finns redan ett förslag till budget för ${year} (version ${latest.version}) som väntar på beslut.`,
    );
  }
  return { year, version: (latest?.version ?? 0) + 1, status: 'forslag' };
}

/** Samverkansgruppen decides the open proposal with a decision of kind budget; its lines are kept as decided. */
export function decideBudget(
  version: BudgetVersion,
  decision: { id: string; kind: DecisionKind; decidedOn: IsoDate },
  lines: readonly BudgetLine[],
): BudgetVersion {
  if (version.status !== 'forslag') {
    throw new DomainRuleError(
      'BUDGET_ALREADY_DECIDED',
      `Version ${version.version} av budgeten för ${version.year} är redan beslutad.`,
    );
  }
  if (decision.kind !== 'budget') {
    throw new DomainRuleError('WRONG_DECISION_KIND', 'Budgeten kan bara fastställas med ett beslut av typen Budget.');
  }
  const own = lines.filter((line) => line.year === version.year);
  if (own.length === 0) {
    throw new DomainRuleError('BUDGET_EMPTY', `Förslaget till budget för ${version.year} har inga rader.`);
  }
  return {
    ...version,
    status: 'beslutad',
    decisionId: decision.id,
    decidedOn: decision.decidedOn,
    lines: own.map((line) => ({ ...line })),
  };
}
