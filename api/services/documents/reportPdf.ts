import { samverkanPdf } from './pdf';
import {
  BUDGET_CATEGORY_LABELS,
  BUDGET_KIND_LABELS,
  SAMVERKANSOMRADE_LABELS,
  formatDateSv,
  formatParagraph,
  formatSek,
  type AgreedException,
  type Amounts,
  type BudgetCategory,
  type CoFinancingReport,
  type Ore,
  type Samverkansomrade,
  type StatusReport,
} from '../../../src/domain';

export interface StatusReportPdfInput {
  status: StatusReport;
  coFinancing: CoFinancingReport;
  /** "Överenskomna undantag": the year's decisions of kind kostnadsundantag (#17). */
  exceptions?: readonly AgreedException[];
  producedAt: Date;
}

/** Helvetica's WinAnsi encoding has no U+2212: the plain form keeps the minus sign readable in print. */
const kr = (ore: Ore) => formatSek(ore, { plain: true });

type Column = { title: string; width: number; align: 'left' | 'right' };

const COLUMNS: Column[] = [
  { title: 'Budgetpost', width: 250, align: 'left' as const },
  { title: 'Budget', width: 110, align: 'right' as const },
  { title: 'Utfall', width: 110, align: 'right' as const },
  { title: 'Prognos', width: 110, align: 'right' as const },
  { title: 'Avvikelse', width: 110, align: 'right' as const },
];

const COFINANCING_COLUMNS: Column[] = [
  { title: 'Organisation', width: 170, align: 'left' },
  { title: 'Ska betala', width: 100, align: 'right' },
  { title: 'Betalt', width: 100, align: 'right' },
  { title: 'Kvar', width: 100, align: 'right' },
  { title: 'Status', width: 290, align: 'left' },
];

/** The page's table and heading primitives, bound to one document. */
function reportWriter(doc: PDFKit.PDFDocument) {
  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  const ensureRoom = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  const tableRow = (cells: readonly string[], bold = false, columns: Column[] = COLUMNS) => {
    ensureRoom(16);
    const y = doc.y;
    let x = left;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9.5);
    columns.forEach((column, index) => {
      doc.text(cells[index] ?? '', x, y, { width: column.width - 6, align: column.align, lineBreak: false });
      x += column.width;
    });
    doc.x = left;
    doc.y = y + 15;
  };

  const heading = (text: string) => {
    ensureRoom(40);
    doc.x = left;
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12.5).text(text).moveDown(0.2);
  };

  const amountsRow = (label: string, a: Amounts, bold = false) =>
    tableRow([label, kr(a.budgetOre), kr(a.outcomeOre), kr(a.forecastOre), kr(a.deviationOre)], bold);

  return { doc, left, ensureRoom, tableRow, heading, amountsRow };
}

type ReportWriter = ReturnType<typeof reportWriter>;

/**
 * The ekonomisk lägesrapport for the meeting, on A4 landscape: lines, sums per kind, category and
 * samverkansområde, a bar chart of budget against outcome per category, and the co-financing with its gaps.
 */
export function statusReportPdf({
  status,
  coFinancing,
  exceptions = [],
  producedAt,
}: StatusReportPdfInput): Promise<Buffer> {
  const title = `Ekonomisk lägesrapport ${status.year}`;
  const { doc, finished } = samverkanPdf({
    title,
    subject: `Budget, utfall, prognos och avvikelse per ${status.asOf}`,
    producedAt,
    layout: 'landscape',
    margin: 40,
  });
  const writer = reportWriter(doc);
  doc.font('Helvetica-Bold').fontSize(18).text(title);
  doc
    .font('Helvetica')
    .fontSize(10.5)
    .fillColor('#444444')
    .text(
      `Per ${formatDateSv(status.asOf)} (dag ${status.elapsedDays} av ${status.daysInYear}). Löpande kostnader räknas upp linjärt över året; övriga poster väntas landa på budget tills utfallet passerar den. Avvikelse = prognos - budget.`,
    )
    .fillColor('#000000');
  writeAmounts(writer, status);
  drawChart(doc, status, writer.ensureRoom, writer.heading, writer.left);
  writeCoFinancing(writer, coFinancing);
  writeExceptions(writer, exceptions);
  doc.end();
  return finished;
}

/** Costs and incomes line by line, the net, and the sums per category and samverkansområde. */
function writeAmounts({ tableRow, heading, amountsRow }: ReportWriter, status: StatusReport): void {
  for (const kind of ['kostnad', 'intakt'] as const) {
    heading(kind === 'kostnad' ? 'Kostnader' : 'Intäkter');
    tableRow(
      COLUMNS.map((c) => c.title),
      true,
    );
    for (const line of status.lines.filter((l) => l.line.kind === kind)) {
      amountsRow(line.line.name, line);
    }
    amountsRow(`Summa ${BUDGET_KIND_LABELS[kind].sv.toLowerCase()}er`, status.byKind[kind], true);
  }
  heading('Netto (intäkter - kostnader)');
  amountsRow('Netto', status.net, true);

  heading('Per kategori');
  tableRow(['Kategori', ...COLUMNS.slice(1).map((c) => c.title)], true);
  for (const [category, amounts] of Object.entries(status.byCategory) as [BudgetCategory, Amounts][]) {
    amountsRow(BUDGET_CATEGORY_LABELS[category].sv, amounts);
  }

  const areas = Object.entries(status.byArea) as [Samverkansomrade, StatusReport['byArea'][Samverkansomrade]][];
  if (areas.length > 0) {
    heading('Per samverkansområde (netto)');
    tableRow(['Samverkansområde', ...COLUMNS.slice(1).map((c) => c.title)], true);
    for (const [area, amounts] of areas) {
      if (amounts) amountsRow(SAMVERKANSOMRADE_LABELS[area].sv, amounts.net);
    }
  }
}

/** Who is to pay what, has paid and has left, with the gaps flagged. */
function writeCoFinancing({ tableRow, heading }: ReportWriter, coFinancing: CoFinancingReport): void {
  heading('Medfinansiering');
  tableRow(
    COFINANCING_COLUMNS.map((c) => c.title),
    true,
    COFINANCING_COLUMNS,
  );
  for (const row of coFinancing.rows) {
    tableRow(
      [
        row.name,
        kr(row.dueOre),
        kr(row.paidOre),
        kr(row.remainingOre),
        row.flag ? `${row.statusLabel} – ${row.flag}` : row.statusLabel,
      ],
      false,
      COFINANCING_COLUMNS,
    );
  }
  tableRow(
    ['Summa', kr(coFinancing.totals.dueOre), kr(coFinancing.totals.paidOre), kr(coFinancing.totals.remainingOre), ''],
    true,
    COFINANCING_COLUMNS,
  );
}

const EXCEPTION_COLUMNS: Column[] = [
  { title: 'Beslut', width: 360, align: 'left' },
  { title: 'Gäller', width: 270, align: 'left' },
  { title: 'Takbelopp', width: 120, align: 'right' },
];

/** The exceptions agreed for kommuner's own costs ("om inget annat överenskommes"), with their ceilings. */
function writeExceptions({ tableRow, heading }: ReportWriter, exceptions: readonly AgreedException[]): void {
  heading('Överenskomna undantag');
  if (exceptions.length === 0) {
    tableRow(['Inga undantag för egna kostnader är beslutade.'], false, EXCEPTION_COLUMNS);
    return;
  }
  tableRow(
    EXCEPTION_COLUMNS.map((c) => c.title),
    true,
    EXCEPTION_COLUMNS,
  );
  for (const e of exceptions) {
    const decision = [formatParagraph(e.paragraph), formatDateSv(e.decidedOn), e.title].filter(Boolean).join(' ');
    const ceiling = e.ceilingOre === undefined ? 'Inget tak' : kr(e.ceilingOre);
    tableRow([decision, e.organisations.join(', '), ceiling], false, EXCEPTION_COLUMNS);
  }
}

/** Budget (outlined) and outcome (filled) per category; the numbers are in the tables above. */
function drawChart(
  doc: PDFKit.PDFDocument,
  status: StatusReport,
  ensureRoom: (height: number) => void,
  heading: (text: string) => void,
  left: number,
): void {
  const rows = Object.entries(status.byCategory) as [BudgetCategory, Amounts][];
  if (rows.length === 0) return;
  heading('Budget och utfall per kategori');
  const labelWidth = 200;
  const barWidth = 480;
  const max = Math.max(1, ...rows.flatMap(([, a]) => [Math.abs(a.budgetOre), Math.abs(a.outcomeOre)]));
  for (const [category, amounts] of rows) {
    ensureRoom(26);
    const y = doc.y;
    doc
      .font('Helvetica')
      .fontSize(9)
      .text(BUDGET_CATEGORY_LABELS[category].sv, left, y + 3, { width: labelWidth - 8, lineBreak: false });
    const budget = (Math.abs(amounts.budgetOre) / max) * barWidth;
    const outcome = (Math.abs(amounts.outcomeOre) / max) * barWidth;
    doc
      .rect(left + labelWidth, y, Math.max(budget, 0.5), 9)
      .lineWidth(0.8)
      .stroke('#1f4e79');
    doc.rect(left + labelWidth, y + 10, Math.max(outcome, 0.5), 9).fill('#2e7d32');
    doc.fillColor('#000000');
    doc.x = left;
    doc.y = y + 24;
  }
  doc.font('Helvetica').fontSize(8.5).fillColor('#444444');
  doc.text('Övre stapel (kontur): budget. Nedre stapel (fylld): utfall hittills.', left, doc.y);
  doc.fillColor('#000000');
}
