import { DomainValidationError, lineAmountIssue, parseKronor, textIssue } from '../../src/domain';
import type { CommandDefinition, ParseResult } from './commands';

/** The arguments of `utfall` and `kalla`, the two commands that take more than one word. */

/** Folds case and Swedish diacritics so that "Umea", "UMEÅ" and "umeå" are one kommun. */
export function fold(text: string): string {
  return text
    .toLocaleLowerCase('sv-SE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim();
}

export interface ConveneRequest {
  group: 'stodgrupp';
  date: string;
  startTime: string;
  endTime: string;
}

export const OUTCOME_USAGE =
  'Skriv t.ex. ”utfall 12500,50 Lokalhyra Faktura 3”: beloppet i kronor utan mellanslag, sedan budgetposten.';

/** `utfall <belopp> <budgetpost> [text]`: the amount is one word (kronor, decimal comma or point); the rest names the line. */
export function parseOutcome(definition: CommandDefinition, rest: string): ParseResult {
  const [amountWord = '', ...lineWords] = rest.split(/\s+/).filter(Boolean);
  if (amountWord === '') return { ok: true, definition, parsed: { command: 'utfall' } };
  if (lineWords.length === 0) return { ok: false, definition, problem: OUTCOME_USAGE };
  let amountOre: number;
  try {
    amountOre = parseKronor(amountWord);
  } catch (error) {
    const message = error instanceof DomainValidationError ? (error.issues[0]?.message ?? '') : '';
    return { ok: false, definition, problem: `${message} ${OUTCOME_USAGE}`.trim() };
  }
  const bound = lineAmountIssue(amountOre, 'amount', { allowZero: false });
  if (bound) return { ok: false, definition, problem: `${bound.message} ${OUTCOME_USAGE}` };
  const line = lineWords.join(' ');
  const lineProblem = textIssue(line, 'line', 'singleLine');
  if (lineProblem) return { ok: false, definition, problem: lineProblem.message };
  return { ok: true, definition, parsed: { command: 'utfall', booking: { amountOre, line } } };
}

export const CONVENE_USAGE =
  'Skriv t.ex. ”kalla stödgruppen 2027-03-10 13:00” (två timmar) eller ”kalla stödgruppen 2027-03-10 13:00-15:30”.';

/** `kalla stödgruppen <datum> <tid>[-<sluttid>]`; samverkansgruppen is convened in the tab, with candidate times. */
export function parseConvene(definition: CommandDefinition, rest: string): ParseResult {
  if (rest === '') return { ok: true, definition, parsed: { command: 'kalla' } };
  const [groupWord = '', date = '', time = '', ...extra] = rest.split(/\s+/).filter(Boolean);
  const group = fold(groupWord);
  if (group.startsWith('samverkansgrupp')) {
    return {
      ok: false,
      definition,
      problem: 'Samverkansgruppens möten kallar ordföranden i fliken Möten, där förslag på tider visas.',
    };
  }
  if (!['stodgruppen', 'stodgrupp'].includes(group)) return { ok: false, definition, problem: CONVENE_USAGE };
  const times = /^(\d{1,2}[:.]\d{2})(?:-(\d{1,2}[:.]\d{2}))?$/.exec(time);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !times || extra.length > 0) {
    return { ok: false, definition, problem: CONVENE_USAGE };
  }
  const clock = (value: string) => value.replace('.', ':').padStart(5, '0');
  const startTime = clock(times[1] as string);
  const [hours = 0, minutes = 0] = startTime.split(':').map(Number);
  const endTime = times[2]
    ? clock(times[2])
    : `${String(Math.min(hours + 2, 23)).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  return {
    ok: true,
    definition,
    parsed: { command: 'kalla', meeting: { group: 'stodgrupp', date, startTime, endTime } },
  };
}
