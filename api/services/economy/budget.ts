import {
  BUDGET_CATEGORIES,
  BUDGET_KINDS,
  DomainRuleError,
  SAMVERKANSOMRADEN,
  categoryKind,
  closestNames,
  coFinancingReport,
  createBudgetLine,
  createOutcomeEntry,
  decidedVersion,
  parseOrThrow,
  reversalAmount,
  statusReport,
  withReversedBy,
  type BudgetLine,
  type CoFinancingReport,
  type IsoDate,
  type Organisation,
  type OutcomeEntry,
  type StatusReport,
  agreedExceptions,
  type AgreedException,
} from '../../../src/domain';
import type { DecisionsService } from './decisions';
import type { ListItemWithFields } from '../../graph/gateway';
import { eq } from '../../graph/odata';
import { READ_PAGE_SIZE, dateValue, integerValue, oneOfValue, textValue, withConflict } from './listFields';
import type { FieldsOf, ListItemsApi, ListStores } from '../lists';
import { assertLinesOpen, readVersions } from './budgetVersions';
import {
  type BudgetLinePatch,
  type NewBudgetLine,
  type NewOutcome,
  type OutcomeReversal,
  budgetLinePatchSchema,
  outcomeReversalSchema,
  newBudgetLineSchema,
  newOutcomeSchema,
} from '../../../src/contract';

/** Budget's fields by internal name (lists/schema.ts). */
export type BudgetLineFields = FieldsOf<'budget'>;

/** Utfall's fields by internal name (lists/schema.ts). */
export type OutcomeFields = FieldsOf<'outcomes'>;

export interface BudgetLineRecord extends BudgetLine {
  etag: string;
}

export interface OutcomeRecord extends OutcomeEntry {
  etag: string;
  bookedByEmail?: string;
  reversesId?: string;
  reversedById?: string;
}

export function lineToRecord(item: ListItemWithFields<BudgetLineFields>): BudgetLineRecord {
  const f = item.fields;
  const category = oneOfValue(BUDGET_CATEGORIES, f.Category) ?? 'oh_administration';
  const area = oneOfValue(SAMVERKANSOMRADEN, f.Area);
  const organisationId = textValue(f.OrganisationId);
  const activityId = textValue(f.ActivityId);
  return {
    id: item.id,
    etag: item.eTag,
    year: integerValue(f.Year) ?? 0,
    kind: oneOfValue(BUDGET_KINDS, f.LineKind) ?? categoryKind(category),
    category,
    name: textValue(f.Title) ?? '',
    amountOre: integerValue(f.AmountOre) ?? 0,
    ...(area ? { area } : {}),
    ...(organisationId ? { organisationId } : {}),
    ...(activityId ? { activityId } : {}),
  };
}

export function lineToFields(line: Omit<BudgetLine, 'id'>): BudgetLineFields {
  return {
    Title: line.name,
    Year: line.year,
    LineKind: line.kind,
    Category: line.category,
    Area: line.area ?? '',
    AmountOre: line.amountOre,
    OrganisationId: line.organisationId ?? '',
    ...(line.activityId ? { ActivityId: line.activityId } : {}),
  };
}

function outcomeToRecord(item: ListItemWithFields<OutcomeFields>): OutcomeRecord {
  const f = item.fields;
  const text = textValue(f.Note);
  const bookedByEmail = textValue(f.BookedByEmail);
  const reversesId = textValue(f.ReversesItemId);
  return {
    id: item.id,
    etag: item.eTag,
    budgetLineId: textValue(f.BudgetLineId) ?? '',
    date: dateValue(f.BookedOn) ?? `${integerValue(f.Year) ?? 1900}-01-01`,
    amountOre: integerValue(f.AmountOre) ?? 0,
    ...(text ? { text } : {}),
    ...(bookedByEmail ? { bookedByEmail } : {}),
    ...(reversesId ? { reversesId } : {}),
  };
}

function outcomeToFields(entry: OutcomeEntry, line: BudgetLine, bookedByEmail: string): OutcomeFields {
  return {
    Title: `${line.name} ${entry.date}`.slice(0, 255),
    Year: Number(entry.date.slice(0, 4)),
    BudgetLineId: entry.budgetLineId,
    BookedOn: entry.date,
    AmountOre: entry.amountOre,
    Note: entry.text ?? '',
    BookedByEmail: bookedByEmail.toLowerCase(),
  };
}

export interface BudgetReport {
  status: StatusReport;
  coFinancing: CoFinancingReport;
  /** The decided version the report measures against (#17); absent while the year's budget is undecided. */
  measuredAgainst?: { version: number; decisionId?: string; decidedOn?: IsoDate };
  /** Every version of the year, oldest first, decided or proposed. */
  versions: { version: number; status: string; decisionId?: string; decidedOn?: IsoDate }[];
  /** "Överenskomna undantag": the year's decisions of kind kostnadsundantag (#17). */
  exceptions: AgreedException[];
}

/** Folds case and Swedish diacritics, so "lokal", "Lokal" and "LÖKAL" find one line. */
function fold(text: string): string {
  return text
    .toLocaleLowerCase('sv-SE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Finds the budget line a bot user means in `<budgetpost> [text]`: its id, or the longest run of leading
 * words that is a line's name (or the start of exactly one line's name); what follows is the booking's text.
 */
export function resolveBudgetLine(
  lines: readonly BudgetLine[],
  words: string,
): { line: BudgetLine; text?: string } | { problem: string } {
  const parts = words.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return { problem: 'Ange vilken budgetpost utfallet gäller.' };
  const byId = lines.find((line) => line.id === parts[0]);
  if (byId) return { line: byId, ...(parts.length > 1 ? { text: parts.slice(1).join(' ') } : {}) };
  for (let take = parts.length; take >= 1; take -= 1) {
    const wanted = fold(parts.slice(0, take).join(' '));
    const exact = lines.filter((line) => fold(line.name) === wanted);
    const candidates = exact.length > 0 ? exact : lines.filter((line) => fold(line.name).startsWith(wanted));
    if (candidates.length === 1 && candidates[0]) {
      const rest = parts.slice(take).join(' ');
      return { line: candidates[0], ...(rest ? { text: rest } : {}) };
    }
    if (candidates.length > 1 && take === 1) {
      return {
        problem: `”${parts[0]}” passar flera budgetposter: ${candidates
          .slice(0, 5)
          .map((l) => l.name)
          .join(', ')}. Skriv mer av namnet.`,
      };
    }
  }
  const typed = parts.join(' ');
  const near = closestNames(
    parts[0] ?? typed,
    lines.map((line) => line.name),
  );
  return {
    problem:
      `Hittar ingen budgetpost som heter ”${typed}”.` +
      (near.length > 0 ? ` Menade du ${near.map((name) => `”${name}”`).join(' eller ')}?` : ''),
  };
}

/**
 * The year's budget (Budget list) and booked outcome (Utfall list), and the reports built from them: the
 * ekonomisk lägesrapport and co-financing. Both lists are read by their indexed Year column, one page each.
 */
export class BudgetService {
  constructor(
    private readonly lists: Pick<ListStores, 'budget' | 'outcomes' | 'budgetVersions'>,
    private readonly organisations: readonly Organisation[],
    /** The register the year's agreed exceptions are read from. */
    private readonly decisions?: Pick<DecisionsService, 'list'>,
  ) {}

  async listLines(gateway: ListItemsApi, year: number): Promise<BudgetLineRecord[]> {
    const items = await this.lists.budget.find(gateway, eq('Year', year), { top: READ_PAGE_SIZE });
    return items.map(lineToRecord).sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'sv'));
  }

  async getLine(gateway: ListItemsApi, id: string): Promise<BudgetLineRecord> {
    return lineToRecord(await this.lists.budget.get(gateway, id));
  }

  async createLine(gateway: ListItemsApi, input: NewBudgetLine): Promise<BudgetLineRecord> {
    const data = parseOrThrow(newBudgetLineSchema, input);
    const line = createBudgetLine({ id: 'new', kind: categoryKind(data.category), ...data }, this.organisations);
    await assertLinesOpen(this.lists.budgetVersions, gateway, line.year);
    return lineToRecord(await this.lists.budget.create(gateway, lineToFields(line)));
  }

  /** Creates many lines at once (an imported budget); each is checked by the domain first, none written if one fails. */
  async importLines(gateway: ListItemsApi, inputs: readonly NewBudgetLine[]): Promise<number> {
    const lines = inputs.map((input) => {
      const data = parseOrThrow(newBudgetLineSchema, input);
      return createBudgetLine({ id: 'new', kind: categoryKind(data.category), ...data }, this.organisations);
    });
    for (const year of new Set(lines.map((line) => line.year))) {
      await assertLinesOpen(this.lists.budgetVersions, gateway, year);
    }
    const answers = await this.lists.budget.createMany(gateway, lines.map(lineToFields));
    return answers.filter((a) => a.status === 201).length;
  }

  async updateLine(gateway: ListItemsApi, id: string, patch: BudgetLinePatch, etag: string): Promise<BudgetLineRecord> {
    const data = parseOrThrow(budgetLinePatchSchema, patch);
    const { etag: _etag, ...current } = await this.getLine(gateway, id);
    const category = data.category ?? current.category;
    const merged: Record<string, unknown> = { ...current, ...data, kind: categoryKind(category) };
    if (data.area === null) delete merged.area;
    if (data.organisationId === null) delete merged.organisationId;
    const next = createBudgetLine(merged, this.organisations);
    await assertLinesOpen(this.lists.budgetVersions, gateway, current.year);
    if (next.year !== current.year) await assertLinesOpen(this.lists.budgetVersions, gateway, next.year);
    return withConflict<BudgetLineFields, BudgetLineRecord>(
      async () => lineToRecord(await this.lists.budget.update(gateway, id, etag, lineToFields(next))),
      lineToRecord,
    );
  }

  async listOutcomes(gateway: ListItemsApi, year: number): Promise<OutcomeRecord[]> {
    const items = await this.lists.outcomes.find(gateway, eq('Year', year), { top: READ_PAGE_SIZE });
    return withReversedBy(
      items.map(outcomeToRecord).sort((a, b) => a.date.localeCompare(b.date) || Number(a.id) - Number(b.id)),
    );
  }

  /**
   * Corrects a booking by reversal (#18): a new booking of the opposite amount on the same line that references
   * the original, which stays. A reversal is not reversed, nor is a booking reversed twice (DomainRuleError).
   */
  async reverseOutcome(
    gateway: ListItemsApi,
    id: string,
    input: OutcomeReversal,
    bookedByEmail: string,
    today: IsoDate,
  ): Promise<OutcomeRecord> {
    const data = parseOrThrow(outcomeReversalSchema, input);
    const item = await this.lists.outcomes.get(gateway, id).catch(() => undefined);
    if (!item) throw new DomainRuleError('OUTCOME_NOT_FOUND', 'Bokningen finns inte.');
    const original = outcomeToRecord(item);
    const amountOre = reversalAmount(original, await this.listOutcomes(gateway, Number(original.date.slice(0, 4))));
    const line = await this.getLine(gateway, original.budgetLineId);
    const date = data.date ?? today;
    const text = data.text ?? `Återföring av bokning ${original.date}${original.text ? ` (${original.text})` : ''}`;
    const entry = createOutcomeEntry({ id: 'new', budgetLineId: line.id, date, amountOre, text: text.slice(0, 200) }, [
      line,
    ]);
    const fields = { ...outcomeToFields(entry, line, bookedByEmail), ReversesItemId: original.id };
    return outcomeToRecord(await this.lists.outcomes.create(gateway, fields));
  }

  /** Books an outcome against a line of the same year; negative amounts correct earlier bookings, zero is refused. */
  async bookOutcome(gateway: ListItemsApi, input: NewOutcome, bookedByEmail: string): Promise<OutcomeRecord> {
    const data = parseOrThrow(newOutcomeSchema, input);
    const line = await this.getLine(gateway, data.budgetLineId).catch(() => undefined);
    if (!line) throw new DomainRuleError('BUDGET_LINE_NOT_FOUND', 'Budgetposten finns inte.');
    const entry = createOutcomeEntry({ id: 'new', ...data }, [line]);
    return outcomeToRecord(await this.lists.outcomes.create(gateway, outcomeToFields(entry, line, bookedByEmail)));
  }

  /** Books many outcomes through $batch (an import from the Region's ledger); all are checked before any is written. */
  async importOutcomes(
    gateway: ListItemsApi,
    inputs: readonly NewOutcome[],
    bookedByEmail: string,
    lines: readonly BudgetLine[],
  ): Promise<number> {
    const lineById = new Map(lines.map((line) => [line.id, line]));
    const fields = inputs.map((input) => {
      const entry = createOutcomeEntry({ id: 'new', ...parseOrThrow(newOutcomeSchema, input) }, lines);
      return outcomeToFields(entry, lineById.get(entry.budgetLineId) as BudgetLine, bookedByEmail);
    });
    const answers = await this.lists.outcomes.createMany(gateway, fields);
    const failed = answers.filter((a) => a.status !== 201).length;
    if (failed > 0) {
      throw new DomainRuleError('IMPORT_INCOMPLETE', `${failed} av ${inputs.length} utfallsposter kunde inte sparas.`);
    }
    return answers.length;
  }

  /** The ekonomisk lägesrapport and the co-financing for a year as of a date: two list reads. */
  async report(gateway: ListItemsApi, year: number, asOf: IsoDate): Promise<BudgetReport> {
    const [lines, outcomes, versions, exceptions] = await Promise.all([
      this.listLines(gateway, year),
      this.listOutcomes(gateway, year),
      readVersions(this.lists.budgetVersions, gateway, year),
      this.decisions ? this.decisions.list(gateway, { kind: 'kostnadsundantag' }) : Promise.resolve([]),
    ]);
    // Measured against the lines as samverkansgruppen decided them, not a revision still being drafted.
    const decided = decidedVersion(versions, year);
    const plainLines = decided?.lines ?? lines.map(({ etag: _etag, ...line }) => line);
    // An outcome whose line was removed in SharePoint is left out rather than breaking the whole report.
    const lineIds = new Set(plainLines.map((line) => line.id));
    const plainOutcomes = outcomes
      .filter((o) => lineIds.has(o.budgetLineId))
      .map(({ etag: _etag, bookedByEmail: _by, ...entry }) => entry);
    return {
      status: statusReport({ lines: plainLines, outcomes: plainOutcomes, asOf, year }),
      coFinancing: coFinancingReport({
        year,
        lines: plainLines,
        outcomes: plainOutcomes,
        organisations: this.organisations,
        asOf,
      }),
      ...(decided
        ? {
            measuredAgainst: {
              version: decided.version,
              ...(decided.decisionId ? { decisionId: decided.decisionId } : {}),
              ...(decided.decidedOn ? { decidedOn: decided.decidedOn } : {}),
            },
          }
        : {}),
      versions: versions.map((v) => ({
        version: v.version,
        status: v.status,
        ...(v.decisionId ? { decisionId: v.decisionId } : {}),
        ...(v.decidedOn ? { decidedOn: v.decidedOn } : {}),
      })),
      exceptions: agreedExceptions(exceptions, year, this.organisations),
    };
  }
}
