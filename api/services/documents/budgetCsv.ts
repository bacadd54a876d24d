import {
  BUDGET_CATEGORY_LABELS,
  BUDGET_KIND_LABELS,
  SAMVERKANSOMRADE_LABELS,
  oreToDecimalString,
  type AgreedException,
  type Amounts,
  type Ore,
  type StatusReport,
  toCsv,
} from '../../../src/domain';

/** "12500.50" → "12500,50": sv-SE decimal comma, no grouping, so Excel in Swedish reads it as a number. */
export function csvKronor(ore: Ore): string {
  return oreToDecimalString(ore).replace('.', ',');
}

function amounts(a: Amounts): string[] {
  return [csvKronor(a.budgetOre), csvKronor(a.outcomeOre), csvKronor(a.forecastOre), csvKronor(a.deviationOre)];
}

/** "Överenskomna undantag" (#17) under the report: decision (§, date, title), kommuner by name, ceiling, text. */
function exceptionRows(exceptions: readonly AgreedException[]): string[][] {
  if (exceptions.length === 0) return [];
  return [
    [],
    ['Överenskomna undantag'],
    ['Beslut', 'Gäller', 'Takbelopp (kr)', 'Vad som överenskommits'],
    ...exceptions.map((e) => [
      [e.paragraph === undefined ? '' : `§ ${e.paragraph}`, e.decidedOn, e.title].filter(Boolean).join(' · '),
      e.organisations.join(', '),
      e.ceilingOre === undefined ? 'Inget tak' : csvKronor(e.ceilingOre),
      e.text,
    ]),
  ];
}

/**
 * The lägesrapport as CSV through the one CSV writer (src/domain/csv: BOM, `;`, CRLF, quoting, formula
 * neutralisation). One row per line, then sums per kind and the net, then the year's agreed exceptions.
 */
export function statusReportCsv(report: StatusReport, exceptions: readonly AgreedException[] = []): string {
  return toCsv([
    [
      'Typ',
      'Kategori',
      'Samverkansområde',
      'Budgetpost',
      'Budget (kr)',
      'Utfall (kr)',
      'Prognos (kr)',
      'Avvikelse (kr)',
    ],
    ...report.lines.map((status) => [
      BUDGET_KIND_LABELS[status.line.kind].sv,
      BUDGET_CATEGORY_LABELS[status.line.category].sv,
      status.line.area ? SAMVERKANSOMRADE_LABELS[status.line.area].sv : '',
      status.line.name,
      ...amounts(status),
    ]),
    ['Summa', 'Kostnader', '', '', ...amounts(report.byKind.kostnad)],
    ['Summa', 'Intäkter', '', '', ...amounts(report.byKind.intakt)],
    ['Netto', 'Intäkter − kostnader', '', '', ...amounts(report.net)],
    ...exceptionRows(exceptions),
  ]);
}
