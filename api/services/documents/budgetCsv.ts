import {
  BUDGET_CATEGORY_LABELS,
  BUDGET_KIND_LABELS,
  SAMVERKANSOMRADE_LABELS,
  oreToDecimalString,
  type Amounts,
  type Ore,
  type StatusReport,
} from '../../../src/domain';

/** "12500.50" → "12500,50": sv-SE decimal comma, no grouping, so Excel in Swedish reads it as a number. */
export function csvKronor(ore: Ore): string {
  return oreToDecimalString(ore).replace('.', ',');
}

function cell(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function row(values: readonly string[]): string {
  return values.map(cell).join(';');
}

function amounts(a: Amounts): string[] {
  return [csvKronor(a.budgetOre), csvKronor(a.outcomeOre), csvKronor(a.forecastOre), csvKronor(a.deviationOre)];
}

/**
 * The lägesrapport as CSV the way Excel opens it in Sweden: UTF-8 with BOM, semicolon between fields,
 * decimal comma, CRLF line ends. One row per line, then sums per kind and the net.
 */
export function statusReportCsv(report: StatusReport): string {
  const lines = [
    row([
      'Typ',
      'Kategori',
      'Samverkansområde',
      'Budgetpost',
      'Budget (kr)',
      'Utfall (kr)',
      'Prognos (kr)',
      'Avvikelse (kr)',
    ]),
    ...report.lines.map((status) =>
      row([
        BUDGET_KIND_LABELS[status.line.kind].sv,
        BUDGET_CATEGORY_LABELS[status.line.category].sv,
        status.line.area ? SAMVERKANSOMRADE_LABELS[status.line.area].sv : '',
        status.line.name,
        ...amounts(status),
      ]),
    ),
    row(['Summa', 'Kostnader', '', '', ...amounts(report.byKind.kostnad)]),
    row(['Summa', 'Intäkter', '', '', ...amounts(report.byKind.intakt)]),
    row(['Netto', 'Intäkter − kostnader', '', '', ...amounts(report.net)]),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
