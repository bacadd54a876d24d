import type { IsoDate } from './calendar';
import { DomainRuleError } from './errors';
import type { Ore } from './money';
import type { Organisation } from './organisations';

/**
 * "Respektive kommun står för sina kostnader … om inget annat överenskommes" (#17): an exception agreed by
 * samverkansgruppen is a decision of kind kostnadsundantag naming the kommuner it concerns, with an optional
 * ceiling in kronor. The lägesrapport shows the year's exceptions under "Överenskomna undantag".
 */

/** A kostnadsundantag as the register keeps it. */
export interface CostExceptionDecision {
  id: string;
  kind: string;
  title: string;
  text: string;
  decidedOn?: IsoDate;
  paragraph?: number;
  organisationIds?: readonly string[];
  ceilingOre?: Ore;
}

/** An exception as the lägesrapport shows it: the kommuner by name, never an id. */
export interface AgreedException {
  decisionId: string;
  title: string;
  text: string;
  decidedOn: IsoDate;
  paragraph?: number;
  organisations: string[];
  ceilingOre?: Ore;
}

/** Refuses an exception for an organisation the samverkan does not know, or one that is not a kommun. */
export function assertCostExceptionOrganisations(ids: readonly string[], organisations: readonly Organisation[]): void {
  const byId = new Map(organisations.map((org) => [org.id, org]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw new DomainRuleError('UNKNOWN_ORGANISATION', `Okänd organisation: ${unknown.join(', ')}.`);
  }
  const notKommun = ids.map((id) => byId.get(id) as Organisation).filter((org) => org.kind !== 'kommun');
  if (notKommun.length > 0) {
    throw new DomainRuleError(
      'COST_EXCEPTION_NOT_KOMMUN',
      `Ett undantag för egna kostnader gäller en kommun, inte ${notKommun.map((org) => org.name).join(', ')}.`,
    );
  }
}

/** The exceptions decided in `year`, in the order they were decided (§ 1, § 2, …). */
export function agreedExceptions(
  decisions: readonly CostExceptionDecision[],
  year: number,
  organisations: readonly Organisation[],
): AgreedException[] {
  const names = new Map(organisations.map((org) => [org.id, org.name]));
  return decisions
    .filter((d) => d.kind === 'kostnadsundantag' && d.decidedOn?.slice(0, 4) === String(year))
    .sort((a, b) => (a.decidedOn ?? '').localeCompare(b.decidedOn ?? '') || (a.paragraph ?? 0) - (b.paragraph ?? 0))
    .map((d) => ({
      decisionId: d.id,
      title: d.title,
      text: d.text,
      decidedOn: d.decidedOn as IsoDate,
      ...(d.paragraph !== undefined ? { paragraph: d.paragraph } : {}),
      organisations: (d.organisationIds ?? []).map((id) => names.get(id) ?? id),
      ...(d.ceilingOre !== undefined ? { ceilingOre: d.ceilingOre } : {}),
    }));
}
