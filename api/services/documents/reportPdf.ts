import { FONT, samverkanPdf } from './pdf';
import { taggedWriter } from './tagged';
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

/** The plain form (hyphen-minus), as the CSV and the printed report have always shown it. */
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

/**
 * The page's table and heading primitives, bound to one document: every heading an H2 with its bookmark,
 * every table a Table of TR with TH (the header row, scope Column) and TD cells.
 */
function reportWriter(doc: PDFKit.PDFDocument, root: PDFKit.PDFStructureElement) {
  const tagged = taggedWriter(doc);
  const left = doc.page.margins.left;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  const ensureRoom = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  const table = () => tagged.group(root, 'Table');

  const tableRow = (
    into: PDFKit.PDFStructureElement,
    cells: readonly string[],
    bold = false,
    columns: Column[] = COLUMNS,
    header = false,
  ) => {
    ensureRoom(16);
    const tr = tagged.group(into, 'TR');
    const y = doc.y;
    let x = left;
    columns.forEach((column, index) => {
      const at = x;
      tagged.leaf(
        tr,
        header ? 'TH' : 'TD',
        () => {
          doc.font(bold || header ? FONT.bold : FONT.regular).fontSize(9.5);
          doc.text(cells[index] ?? '', at, y, { width: column.width - 6, align: column.align, lineBreak: false });
        },
        header ? { scope: 'Column' } : {},
      );
      x += column.width;
    });
    tr.end();
    doc.x = left;
    doc.y = y + 15;
  };

  const heading = (text: string) => {
    ensureRoom(40);
    doc.x = left;
    doc.moveDown(0.6);
    doc.outline.addItem(text);
    tagged.leaf(root, 'H2', () => doc.font(FONT.bold).fontSize(12.5).text(text));
    doc.moveDown(0.2);
  };

  const amountsRow = (into: PDFKit.PDFStructureElement, label: string, a: Amounts, bold = false) =>
    tableRow(into, [label, kr(a.budgetOre), kr(a.outcomeOre), kr(a.forecastOre), kr(a.deviationOre)], bold);

  return { doc, root, tagged, left, ensureRoom, table, tableRow, heading, amountsRow };
}

type ReportWriter = ReturnType<typeof reportWriter>;

/**
 * The ekonomisk lägesrapport for the meeting, on A4 landscape: lines, sums per kind, category and
 * samverkansområde, a bar chart of budget against outcome per category, and the co-financing with its gaps.
 * Tagged and PDF/A-2a like the protokoll (see `samverkanPdf`): H1, an H2 and bookmark per section, tables.
 */
export function statusReportPdf({
  status,
  coFinancing,
  exceptions = [],
  producedAt,
}: StatusReportPdfInput): Promise<Buffer> {
  const title = `Ekonomisk lägesrapport ${status.year}`;
  const pdf = samverkanPdf({
    title,
    subject: `Budget, utfall, prognos och avvikelse per ${status.asOf}`,
    producedAt,
    layout: 'landscape',
    margin: 40,
    footer: title,
  });
  const { doc, root } = pdf;
  const writer = reportWriter(doc, root);
  writer.tagged.leaf(root, 'H1', () => doc.font(FONT.bold).fontSize(18).text(title));
  writer.tagged.leaf(root, 'P', () =>
    doc
      .font(FONT.regular)
      .fontSize(10.5)
      .fillColor('#444444')
      .text(
        `Per ${formatDateSv(status.asOf)} (dag ${status.elapsedDays} av ${status.daysInYear}). Löpande kostnader räknas upp linjärt över året; övriga poster väntas landa på budget tills utfallet passerar den. Avvikelse = prognos - budget.`,
      )
      .fillColor('#000000'),
  );
  writeAmounts(writer, status);
  drawChart(writer, status);
  writeCoFinancing(writer, coFinancing);
  writeExceptions(writer, exceptions);
  return pdf.end();
}

/** Costs and incomes line by line, the net, and the sums per category and samverkansområde. */
function writeAmounts({ table, tableRow, heading, amountsRow }: ReportWriter, status: StatusReport): void {
  for (const kind of ['kostnad', 'intakt'] as const) {
    heading(kind === 'kostnad' ? 'Kostnader' : 'Intäkter');
    const t = table();
    tableRow(
      t,
      COLUMNS.map((c) => c.title),
      true,
      COLUMNS,
      true,
    );
    for (const line of status.lines.filter((l) => l.line.kind === kind)) {
      amountsRow(t, line.line.name, line);
    }
    amountsRow(t, `Summa ${BUDGET_KIND_LABELS[kind].sv.toLowerCase()}er`, status.byKind[kind], true);
    t.end();
  }
  heading('Netto (intäkter - kostnader)');
  const net = table();
  amountsRow(net, 'Netto', status.net, true);
  net.end();

  heading('Per kategori');
  const categories = table();
  tableRow(categories, ['Kategori', ...COLUMNS.slice(1).map((c) => c.title)], true, COLUMNS, true);
  for (const [category, amounts] of Object.entries(status.byCategory) as [BudgetCategory, Amounts][]) {
    amountsRow(categories, BUDGET_CATEGORY_LABELS[category].sv, amounts);
  }
  categories.end();

  const areas = Object.entries(status.byArea) as [Samverkansomrade, StatusReport['byArea'][Samverkansomrade]][];
  if (areas.length > 0) {
    heading('Per samverkansområde (netto)');
    const t = table();
    tableRow(t, ['Samverkansområde', ...COLUMNS.slice(1).map((c) => c.title)], true, COLUMNS, true);
    for (const [area, amounts] of areas) {
      if (amounts) amountsRow(t, SAMVERKANSOMRADE_LABELS[area].sv, amounts.net);
    }
    t.end();
  }
}

/** Who is to pay what, has paid and has left, with the gaps flagged. */
function writeCoFinancing({ table, tableRow, heading }: ReportWriter, coFinancing: CoFinancingReport): void {
  heading('Medfinansiering');
  const t = table();
  tableRow(
    t,
    COFINANCING_COLUMNS.map((c) => c.title),
    true,
    COFINANCING_COLUMNS,
    true,
  );
  for (const row of coFinancing.rows) {
    tableRow(
      t,
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
    t,
    ['Summa', kr(coFinancing.totals.dueOre), kr(coFinancing.totals.paidOre), kr(coFinancing.totals.remainingOre), ''],
    true,
    COFINANCING_COLUMNS,
  );
  t.end();
}

const EXCEPTION_COLUMNS: Column[] = [
  { title: 'Beslut', width: 360, align: 'left' },
  { title: 'Gäller', width: 270, align: 'left' },
  { title: 'Takbelopp', width: 120, align: 'right' },
];

/** The exceptions agreed for kommuner's own costs ("om inget annat överenskommes"), with their ceilings. */
function writeExceptions(
  { doc, root, tagged, table, tableRow, heading }: ReportWriter,
  exceptions: readonly AgreedException[],
): void {
  heading('Överenskomna undantag');
  if (exceptions.length === 0) {
    tagged.leaf(root, 'P', () =>
      doc.font(FONT.regular).fontSize(9.5).text('Inga undantag för egna kostnader är beslutade.'),
    );
    return;
  }
  const t = table();
  tableRow(
    t,
    EXCEPTION_COLUMNS.map((c) => c.title),
    true,
    EXCEPTION_COLUMNS,
    true,
  );
  for (const e of exceptions) {
    const decision = [formatParagraph(e.paragraph), formatDateSv(e.decidedOn), e.title].filter(Boolean).join(' ');
    const ceiling = e.ceilingOre === undefined ? 'Inget tak' : kr(e.ceilingOre);
    tableRow(t, [decision, e.organisations.join(', '), ceiling], false, EXCEPTION_COLUMNS);
  }
  t.end();
}

/**
 * Budget (outlined) and outcome (filled) per category, each category's bars a Figure whose alternative text
 * gives the two amounts (they are also in the table "Per kategori" above).
 */
function drawChart({ doc, root, tagged, ensureRoom, heading, left }: ReportWriter, status: StatusReport): void {
  const rows = Object.entries(status.byCategory) as [BudgetCategory, Amounts][];
  if (rows.length === 0) return;
  heading('Budget och utfall per kategori');
  const labelWidth = 200;
  const barWidth = 480;
  const max = Math.max(1, ...rows.flatMap(([, a]) => [Math.abs(a.budgetOre), Math.abs(a.outcomeOre)]));
  for (const [category, amounts] of rows) {
    ensureRoom(26);
    const y = doc.y;
    tagged.leaf(
      root,
      'Figure',
      () => {
        doc
          .font(FONT.regular)
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
      },
      {
        alt: `Stapel för ${BUDGET_CATEGORY_LABELS[category].sv}: budget ${kr(amounts.budgetOre)}, utfall ${kr(amounts.outcomeOre)}.`,
      },
    );
    doc.x = left;
    doc.y = y + 24;
  }
  tagged.leaf(root, 'P', () => {
    doc.font(FONT.regular).fontSize(8.5).fillColor('#444444');
    doc.text('Övre stapel (kontur): budget. Nedre stapel (fylld): utfall hittills.', left, doc.y);
    doc.fillColor('#000000');
  });
}
