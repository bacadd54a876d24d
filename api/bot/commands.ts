import { z } from 'zod';
import {
  MONTH_NAMES_SV,
  SAMVERKANSOMRADEN,
  SAMVERKANSOMRADE_LABELS,
  can,
  type ActionId,
  type MeetingGroup,
  type Organisation,
  type Role,
  type Samverkansomrade,
} from '../../src/domain';
import { newsTextSchema } from './newsText';
import { fold, parseConvene, parseOutcome, type ConveneRequest } from './commandArgs';

export { CONVENE_USAGE, OUTCOME_USAGE, fold, type ConveneRequest } from './commandArgs';

/**
 * The one command table: it drives the parser, the help card and the manifest's commandLists, so the three
 * cannot drift apart.
 */
export type CommandName =
  | 'hjälp'
  | 'möten'
  | 'dagordning'
  | 'uppdrag'
  | 'kontakter'
  | 'lägesrapport'
  | 'aktiviteter'
  | 'nyhet'
  | 'kalla'
  | 'arbetsgrupp'
  | 'arbetsgrupper'
  | 'utfall';

export interface CommandDefinition {
  name: CommandName;
  alias: string;
  description: { sv: string; en: string };
  /** How the arguments are written, for the help card; empty when the command takes none. */
  args: { sv: string; en: string };
  /** The domain action a sender needs; undefined = anyone in the contact list. */
  action?: ActionId;
  /** 'coming' commands are announced in help but not yet in the manifest nor run. */
  status: 'ready' | 'coming';
  /**
   * The manifest's command lists it is suggested in (both when left out). Teams shows at most 10 per list, so
   * a command that belongs to one place (the sender's own uppdrag: the personal chat) is listed only there;
   * any ready command still runs wherever it is typed.
   */
  listedIn?: readonly ManifestScope[];
}

export type ManifestScope = 'personal' | 'team';

export const COMMANDS: readonly CommandDefinition[] = [
  {
    name: 'hjälp',
    alias: 'help',
    description: { sv: 'Visar vad du kan göra med boten.', en: 'Shows what you can do with the bot.' },
    args: { sv: '', en: '' },
    status: 'ready',
  },
  {
    name: 'möten',
    alias: 'meetings',
    description: { sv: 'Kommande möten och svaren hittills.', en: 'Upcoming meetings and the answers so far.' },
    args: { sv: '', en: '' },
    status: 'ready',
  },
  {
    name: 'dagordning',
    alias: 'agenda',
    description: {
      sv: 'Nästa mötes dagordning med handlingar.',
      en: "The next meeting's agenda with its papers.",
    },
    args: { sv: '[samverkansgruppen|stödgruppen]', en: '[samverkansgruppen|stödgruppen]' },
    status: 'ready',
  },
  {
    name: 'uppdrag',
    alias: 'assignments',
    description: {
      sv: 'Dina öppna uppdrag (samordnaren: alla), med status och rapport.',
      en: 'Your open assignments (coordinator: all), with status and report.',
    },
    args: { sv: '', en: '' },
    status: 'ready',
    listedIn: ['personal'],
  },
  {
    name: 'kontakter',
    alias: 'contacts',
    description: {
      sv: 'Kontaktlistan, hela eller för en kommun.',
      en: 'The contact list, all or for one municipality.',
    },
    args: { sv: '[kommun]', en: '[municipality]' },
    status: 'ready',
  },
  {
    name: 'lägesrapport',
    alias: 'status',
    description: {
      sv: 'Ekonomisk lägesrapport: budget, utfall, prognos och avvikelse.',
      en: 'Economic status: budget, outcome, forecast and deviation.',
    },
    args: { sv: '[år]', en: '[year]' },
    action: 'report.read',
    status: 'ready',
  },
  {
    name: 'aktiviteter',
    alias: 'activities',
    description: {
      sv: 'Aktiviteter i år, per månad eller samverkansområde.',
      en: 'Activities this year, by month or area.',
    },
    args: { sv: '[månad|område]', en: '[month|area]' },
    status: 'ready',
  },
  {
    name: 'nyhet',
    alias: 'news',
    description: {
      sv: 'Publicerar en nyhet i kanalen Allmänt (samordnaren).',
      en: 'Posts news to the General channel (coordinator).',
    },
    args: { sv: '<text>', en: '<text>' },
    action: 'news.post',
    status: 'ready',
    // News goes to the team's General channel: suggested where the team is (dagordning took its place in personal).
    listedIn: ['team'],
  },
  {
    name: 'arbetsgrupp',
    alias: 'workinggroup',
    description: {
      sv: 'Tillsätter en arbetsgrupp med egen kanal (samordnaren).',
      en: 'Appoints a working group with its own channel (coordinator).',
    },
    args: { sv: 'ny', en: 'new' },
    action: 'workinggroup.appoint',
    status: 'ready',
    // The form is in the tab and the group gets a channel of the team: suggested where the team is.
    listedIn: ['team'],
  },
  {
    name: 'arbetsgrupper',
    alias: 'workinggroups',
    description: {
      sv: 'Arbetsgrupperna: aktiva och avslutade, med kanal.',
      en: 'The working groups: active and closed, with their channels.',
    },
    args: { sv: '', en: '' },
    status: 'ready',
    // Each group has its channel in the team; the overview is suggested in the personal chat (dagordning took its
    // place in team).
    listedIn: ['personal'],
  },
  {
    name: 'utfall',
    alias: 'outcome',
    description: {
      sv: 'Bokför utfall på en budgetpost (samordnaren).',
      en: 'Books an outcome on a budget line (coordinator).',
    },
    args: { sv: '<belopp> <budgetpost> [text]', en: '<amount> <budget line> [text]' },
    action: 'outcome.book',
    status: 'ready',
  },
  {
    name: 'kalla',
    alias: 'convene',
    description: {
      sv: 'Kallar stödgruppen till möte med Teamslänk (samordnaren).',
      en: 'Convenes the support group with a Teams link (coordinator).',
    },
    args: { sv: 'stödgruppen <datum> <tid>', en: 'stödgruppen <date> <time>' },
    action: 'stodgrupp.kalla',
    status: 'ready',
  },
];

export function findCommand(word: string): CommandDefinition | undefined {
  const key = word.toLocaleLowerCase('sv-SE');
  return COMMANDS.find((command) => command.name === key || command.alias === key);
}

/** Commands other than 'coming' ones are open to anyone in the contact list unless they name an action. */
export function mayRun(command: CommandDefinition, roles: readonly Role[]): boolean {
  return command.action === undefined || can(roles, command.action);
}

// ------------------------------------------------------------------ parsing

export type ParsedCommand =
  | { command: 'hjälp' }
  | { command: 'möten' }
  | { command: 'dagordning'; group?: MeetingGroup }
  | { command: 'uppdrag' }
  | { command: 'kontakter'; organisationId?: string }
  | { command: 'lägesrapport'; year?: number }
  | { command: 'aktiviteter'; month?: number; area?: Samverkansomrade }
  | { command: 'nyhet'; text: string }
  /** Without a booking (the bare word) the bot answers with how to write one. */
  | { command: 'utfall'; booking?: { amountOre: number; line: string } }
  | { command: 'arbetsgrupp' }
  | { command: 'arbetsgrupper' }
  /** Without a date and time (the bare word) the bot answers with how to write one. */
  | { command: 'kalla'; meeting?: ConveneRequest };

export type ParseResult =
  | { ok: true; definition: CommandDefinition; parsed: ParsedCommand }
  | { ok: false; definition?: CommandDefinition; problem: string };

export interface ParseContext {
  organisations: readonly Organisation[];
}

export { newsTextSchema } from './newsText';

const yearArgSchema = z
  .string()
  .regex(/^\d{4}$/, 'Ange året med fyra siffror, t.ex. 2026.')
  .transform(Number)
  .pipe(z.number().int().min(2000, 'Året måste vara 2000 eller senare.').max(2199, 'Året måste vara före 2200.'));

function parseOrganisation(arg: string, organisations: readonly Organisation[]): Organisation | undefined {
  const wanted = fold(arg.replace(/\s+kommun$/i, ''));
  return organisations.find((org) => fold(org.id) === wanted || fold(org.name) === wanted);
}

function parseMonth(arg: string): number | undefined {
  if (/^\d{1,2}$/.test(arg)) {
    const month = Number(arg);
    return month >= 1 && month <= 12 ? month : undefined;
  }
  const wanted = fold(arg);
  const index = MONTH_NAMES_SV.findIndex((name) => fold(name) === wanted || fold(name).slice(0, 3) === wanted);
  return index >= 0 ? index + 1 : undefined;
}

function parseArea(arg: string): Samverkansomrade | undefined {
  const wanted = fold(arg);
  return SAMVERKANSOMRADEN.find(
    (area) =>
      fold(area) === wanted ||
      fold(SAMVERKANSOMRADE_LABELS[area].sv) === wanted ||
      fold(SAMVERKANSOMRADE_LABELS[area].en) === wanted,
  );
}

/** `dagordning`, `dagordning samverkansgruppen`, `dagordning stödgruppen` (also without the article, any case). */
function parseAgendaGroup(definition: CommandDefinition, rest: string): ParseResult {
  if (rest === '') return { ok: true, definition, parsed: { command: 'dagordning' } };
  const word = fold(rest).replace(/en$/, '');
  const group = word === 'samverkansgrupp' ? 'samverkansgrupp' : word === 'stodgrupp' ? 'stodgrupp' : undefined;
  if (!group) {
    return { ok: false, definition, problem: `Skriv ”dagordning samverkansgruppen” eller ”dagordning stödgruppen”.` };
  }
  return { ok: true, definition, parsed: { command: 'dagordning', group } };
}

function noArguments(definition: CommandDefinition, rest: string, parsed: ParsedCommand): ParseResult {
  if (rest !== '') {
    return { ok: false, definition, problem: `Kommandot ${definition.name} tar inga argument (fick ”${rest}”).` };
  }
  return { ok: true, definition, parsed };
}

/** Parses the text of a message whose bot mention has already been removed. */
export function parseCommand(text: string, context: ParseContext): ParseResult {
  const trimmed = text.replace(/\u00a0/g, ' ').trim();
  if (trimmed === '') return { ok: false, problem: 'Meddelandet var tomt.' };
  const [word = '', ...restWords] = trimmed.split(/\s+/);
  const rest = restWords.join(' ');
  const definition = findCommand(word);
  if (!definition) return { ok: false, problem: `Okänt kommando: ”${word}”.` };

  switch (definition.name) {
    case 'hjälp':
      return { ok: true, definition, parsed: { command: 'hjälp' } };
    case 'möten':
      return noArguments(definition, rest, { command: 'möten' });
    case 'dagordning':
      return parseAgendaGroup(definition, rest);
    case 'uppdrag':
      return noArguments(definition, rest, { command: 'uppdrag' });
    case 'kontakter': {
      if (rest === '') return { ok: true, definition, parsed: { command: 'kontakter' } };
      const organisation = parseOrganisation(rest, context.organisations);
      if (!organisation) {
        return {
          ok: false,
          definition,
          problem: `Okänd kommun eller organisation: ”${rest}”. Ange t.ex. ${context.organisations
            .slice(0, 3)
            .map((org) => org.name)
            .join(', ')}.`,
        };
      }
      return { ok: true, definition, parsed: { command: 'kontakter', organisationId: organisation.id } };
    }
    case 'lägesrapport': {
      if (rest === '') return { ok: true, definition, parsed: { command: 'lägesrapport' } };
      const year = yearArgSchema.safeParse(rest);
      if (!year.success) {
        return { ok: false, definition, problem: year.error.issues[0]?.message ?? 'Ogiltigt år.' };
      }
      return { ok: true, definition, parsed: { command: 'lägesrapport', year: year.data } };
    }
    case 'aktiviteter': {
      if (rest === '') return { ok: true, definition, parsed: { command: 'aktiviteter' } };
      const month = parseMonth(rest);
      if (month !== undefined) return { ok: true, definition, parsed: { command: 'aktiviteter', month } };
      const area = parseArea(rest);
      if (area !== undefined) return { ok: true, definition, parsed: { command: 'aktiviteter', area } };
      return {
        ok: false,
        definition,
        problem: `”${rest}” är varken en månad eller ett samverkansområde. Ange t.ex. mars eller ${SAMVERKANSOMRADEN.join(', ')}.`,
      };
    }
    case 'nyhet': {
      const newsText = newsTextSchema.safeParse(rest);
      if (!newsText.success) {
        return { ok: false, definition, problem: newsText.error.issues[0]?.message ?? 'Ogiltig nyhet.' };
      }
      return { ok: true, definition, parsed: { command: 'nyhet', text: newsText.data } };
    }
    case 'utfall':
      return parseOutcome(definition, rest);
    case 'arbetsgrupp':
      if (rest === '' || ['ny', 'new'].includes(fold(rest)))
        return { ok: true, definition, parsed: { command: 'arbetsgrupp' } };
      return { ok: false, definition, problem: 'Skriv ”arbetsgrupp ny” för att tillsätta en arbetsgrupp.' };
    case 'arbetsgrupper':
      return noArguments(definition, rest, { command: 'arbetsgrupper' });
    case 'kalla':
      return parseConvene(definition, rest);
  }
}

// ------------------------------------------------------------------ manifest

export interface ManifestCommand {
  title: string;
  description: string;
}

export interface ManifestCommandList {
  scopes: ManifestScope[];
  commands: ManifestCommand[];
}

const MANIFEST_LIMITS = { commandsPerList: 10, title: 32, description: 128 } as const;
const MANIFEST_SCOPES: readonly ManifestScope[] = ['personal', 'team'];

/**
 * The manifest's `bots[0].commandLists`: the ready commands with their Swedish names, one list for personal
 * chats and one for teams (each within Teams' 10), in the table's order.
 */
export function manifestCommandLists(): ManifestCommandList[] {
  return MANIFEST_SCOPES.map((scope) => {
    const commands = COMMANDS.filter(
      (command) => command.status === 'ready' && (command.listedIn ?? MANIFEST_SCOPES).includes(scope),
    ).map((command) => ({
      title: command.name,
      description: command.args.sv ? `${command.args.sv} – ${command.description.sv}` : command.description.sv,
    }));
    for (const command of commands) {
      if (command.title.length > MANIFEST_LIMITS.title || command.description.length > MANIFEST_LIMITS.description) {
        throw new Error(`Kommandot ${command.title} är för långt för manifestets commandLists.`);
      }
    }
    if (commands.length > MANIFEST_LIMITS.commandsPerList) {
      throw new Error(`Högst ${MANIFEST_LIMITS.commandsPerList} kommandon per lista i manifestet (${scope}).`);
    }
    return { scopes: [scope], commands };
  });
}
