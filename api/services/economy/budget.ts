import { z } from 'zod';
import {
  BUDGET_CATEGORIES,
  BUDGET_KINDS,
  DomainRuleError,
  SAMVERKANSOMRADEN,
  categoryKind,
  coFinancingReport,
  createBudgetLine,
  createOutcomeEntry,
  parseOrThrow,
  statusReport,
  type BudgetCategory,
  type BudgetLine,
  type CoFinancingReport,
  type IsoDate,
  type Organisation,
  type OutcomeEntry,
  type StatusReport,
} from '../../../src/domain';
import type { GraphGateway, ListItemWithFields } from '../../graph/gateway';
import { eq } from '../../graph/odata';
import {
  READ_PAGE_SIZE,
  dateValue,
  integerValue,
  isoDateInput,
  oneOfValue,
  textValue,
  withConflict,
} from './listFields';
import type { SiteDirectory } from '../lists';

/** Budget's fields by internal name (see listSchema). Amounts are integer öre in a number column. */
export interface BudgetLineFields extends Record<string, unknown> {
  Title?: string;
  Year?: number;
  LineKind?: string;
  Category?: string;
  Area?: string;
  AmountOre?: number;
  OrganisationId?: string;
}

/** Utfall's fields by internal name. */
export interface OutcomeFields extends Record<string, unknown> {
  Title?: string;
  Year?: number;
  BudgetLineId?: string;
  BookedOn?: string;
  AmountOre?: number;
  Note?: string;
  BookedByEmail?: string;
}

export interface BudgetLineRecord extends BudgetLine {
  etag: string;
}

export interface OutcomeRecord extends OutcomeEntry {
  etag: string;
  bookedByEmail?: string;
}

const ORE_LIMIT = Number.MAX_SAFE_INTEGER;

const lineShape = {
  year: z.number().int().min(2000, 'Ogiltigt budgetår.').max(2199, 'Ogiltigt budgetår.'),
  category: z.enum(BUDGET_CATEGORIES as [BudgetCategory, ...BudgetCategory[]], {
    error: (issue) => `Okänd budgetkategori: ${String(issue.input)}.`,
  }),
  area: z.enum(SAMVERKANSOMRADEN, { error: (issue) => `Okänt samverkansområde: ${String(issue.input)}.` }).optional(),
  name: z.string().trim().min(1, 'Namnet får inte vara tomt.').max(255, 'Namnet får vara högst 255 tecken.'),
  amountOre: z
    .number({ error: 'Beloppet måste vara ett heltal i öre.' })
    .int('Beloppet måste vara ett heltal i öre.')
    .min(0, 'Beloppet får inte vara negativt.')
    .max(ORE_LIMIT, 'Beloppet är för stort.'),
  organisationId: z.string().trim().min(1).max(64).optional(),
};

export const newBudgetLineSchema = z.object(lineShape).strict();
export type NewBudgetLine = z.infer<typeof newBudgetLineSchema>;

export const budgetLinePatchSchema = z
  .object({ ...lineShape, area: lineShape.area.nullable(), organisationId: lineShape.organisationId.nullable() })
  .omit({ year: true })
  .partial()
  .strict();
export type BudgetLinePatch = z.infer<typeof budgetLinePatchSchema>;

export const newOutcomeSchema = z
  .object({
    budgetLineId: z.string().regex(/^\d{1,12}$/, 'Ogiltig budgetrad.'),
    date: isoDateInput,
    amountOre: z
      .number({ error: 'Beloppet måste vara ett heltal i öre.' })
      .int('Beloppet måste vara ett heltal i öre.')
      .min(-ORE_LIMIT, 'Beloppet är för stort.')
      .max(ORE_LIMIT, 'Beloppet är för stort.'),
    text: z.string().trim().max(2000).optional(),
  })
  .strict();
export type NewOutcome = z.infer<typeof newOutcomeSchema>;

function lineToRecord(item: ListItemWithFields<BudgetLineFields>): BudgetLineRecord {
  const f = item.fields;
  const category = oneOfValue(BUDGET_CATEGORIES, f.Category) ?? 'oh_administration';
  const area = oneOfValue(SAMVERKANSOMRADEN, f.Area);
  const organisationId = textValue(f.OrganisationId);
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
  };
}

function lineToFields(line: BudgetLine): BudgetLineFields {
  return {
    Title: line.name,
    Year: line.year,
    LineKind: line.kind,
    Category: line.category,
    Area: line.area ?? '',
    AmountOre: line.amountOre,
    OrganisationId: line.organisationId ?? '',
  };
}

function outcomeToRecord(item: ListItemWithFields<OutcomeFields>): OutcomeRecord {
  const f = item.fields;
  const text = textValue(f.Note);
  const bookedByEmail = textValue(f.BookedByEmail);
  return {
    id: item.id,
    etag: item.eTag,
    budgetLineId: textValue(f.BudgetLineId) ?? '',
    date: dateValue(f.BookedOn) ?? `${integerValue(f.Year) ?? 1900}-01-01`,
    amountOre: integerValue(f.AmountOre) ?? 0,
    ...(text ? { text } : {}),
    ...(bookedByEmail ? { bookedByEmail } : {}),
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
        problem: `"${parts[0]}" passar flera budgetposter: ${candidates
          .slice(0, 5)
          .map((l) => l.name)
          .join(', ')}. Skriv mer av namnet.`,
      };
    }
  }
  return { problem: `Hittar ingen budgetpost som heter "${parts.join(' ')}".` };
}

/**
 * The year's budget (Budget list) and booked outcome (Utfall list), and the reports built from them: the
 * ekonomisk lägesrapport and co-financing. Both lists are read by their indexed Year column, one page each.
 */
export class BudgetService {
  constructor(
    private readonly directory: SiteDirectory,
    private readonly organisations: readonly Organisation[],
  ) {}

  async listLines(gateway: GraphGateway, year: number): Promise<BudgetLineRecord[]> {
    const { siteId, listId } = await this.directory.list(gateway, 'budget');
    const items = await gateway.listItems<BudgetLineFields>(siteId, listId, {
      filter: eq('Year', year),
      top: READ_PAGE_SIZE,
    });
    return items.map(lineToRecord).sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'sv'));
  }

  async getLine(gateway: GraphGateway, id: string): Promise<BudgetLineRecord> {
    const { siteId, listId } = await this.directory.list(gateway, 'budget');
    return lineToRecord(await gateway.getItem<BudgetLineFields>(siteId, listId, id));
  }

  async createLine(gateway: GraphGateway, input: NewBudgetLine): Promise<BudgetLineRecord> {
    const data = parseOrThrow(newBudgetLineSchema, input);
    const line = createBudgetLine({ id: 'new', kind: categoryKind(data.category), ...data }, this.organisations);
    const { siteId, listId } = await this.directory.list(gateway, 'budget');
    return lineToRecord(await gateway.createItem<BudgetLineFields>(siteId, listId, lineToFields(line)));
  }

  /** Creates many lines at once (an imported budget); each is checked by the domain first, none written if one fails. */
  async importLines(gateway: GraphGateway, inputs: readonly NewBudgetLine[]): Promise<number> {
    const lines = inputs.map((input) => {
      const data = parseOrThrow(newBudgetLineSchema, input);
      return createBudgetLine({ id: 'new', kind: categoryKind(data.category), ...data }, this.organisations);
    });
    const { siteId, listId } = await this.directory.list(gateway, 'budget');
    const answers = await gateway.createItems<BudgetLineFields>(siteId, listId, lines.map(lineToFields));
    return answers.filter((a) => a.status === 201).length;
  }

  async updateLine(gateway: GraphGateway, id: string, patch: BudgetLinePatch, etag: string): Promise<BudgetLineRecord> {
    const data = parseOrThrow(budgetLinePatchSchema, patch);
    const { etag: _etag, ...current } = await this.getLine(gateway, id);
    const category = data.category ?? current.category;
    const merged: Record<string, unknown> = { ...current, ...data, kind: categoryKind(category) };
    if (data.area === null) delete merged.area;
    if (data.organisationId === null) delete merged.organisationId;
    const next = createBudgetLine(merged, this.organisations);
    const { siteId, listId } = await this.directory.list(gateway, 'budget');
    return withConflict<BudgetLineFields, BudgetLineRecord>(
      async () =>
        lineToRecord(await gateway.updateItemFields<BudgetLineFields>(siteId, listId, id, lineToFields(next), etag)),
      lineToRecord,
    );
  }

  async listOutcomes(gateway: GraphGateway, year: number): Promise<OutcomeRecord[]> {
    const { siteId, listId } = await this.directory.list(gateway, 'outcomes');
    const items = await gateway.listItems<OutcomeFields>(siteId, listId, {
      filter: eq('Year', year),
      top: READ_PAGE_SIZE,
    });
    return items.map(outcomeToRecord).sort((a, b) => a.date.localeCompare(b.date) || Number(a.id) - Number(b.id));
  }

  /** Books an outcome against a line of the same year; negative amounts correct earlier bookings, zero is refused. */
  async bookOutcome(gateway: GraphGateway, input: NewOutcome, bookedByEmail: string): Promise<OutcomeRecord> {
    const data = parseOrThrow(newOutcomeSchema, input);
    const line = await this.getLine(gateway, data.budgetLineId).catch(() => undefined);
    if (!line) throw new DomainRuleError('BUDGET_LINE_NOT_FOUND', `Okänd budgetrad: ${data.budgetLineId}.`);
    const entry = createOutcomeEntry({ id: 'new', ...data }, [line]);
    const { siteId, listId } = await this.directory.list(gateway, 'outcomes');
    return outcomeToRecord(
      await gateway.createItem<OutcomeFields>(siteId, listId, outcomeToFields(entry, line, bookedByEmail)),
    );
  }

  /** Books many outcomes through $batch (an import from the Region's ledger); all are checked before any is written. */
  async importOutcomes(
    gateway: GraphGateway,
    inputs: readonly NewOutcome[],
    bookedByEmail: string,
    lines: readonly BudgetLine[],
  ): Promise<number> {
    const lineById = new Map(lines.map((line) => [line.id, line]));
    const fields = inputs.map((input) => {
      const entry = createOutcomeEntry({ id: 'new', ...parseOrThrow(newOutcomeSchema, input) }, lines);
      return outcomeToFields(entry, lineById.get(entry.budgetLineId) as BudgetLine, bookedByEmail);
    });
    const { siteId, listId } = await this.directory.list(gateway, 'outcomes');
    const answers = await gateway.createItems<OutcomeFields>(siteId, listId, fields);
    const failed = answers.filter((a) => a.status !== 201).length;
    if (failed > 0) {
      throw new DomainRuleError('IMPORT_INCOMPLETE', `${failed} av ${inputs.length} utfallsposter kunde inte sparas.`);
    }
    return answers.length;
  }

  /** The ekonomisk lägesrapport and the co-financing for a year as of a date: two list reads. */
  async report(gateway: GraphGateway, year: number, asOf: IsoDate): Promise<BudgetReport> {
    const [lines, outcomes] = await Promise.all([this.listLines(gateway, year), this.listOutcomes(gateway, year)]);
    const plainLines = lines.map(({ etag: _etag, ...line }) => line);
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
    };
  }
}
