import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

export interface PdfOptions {
  title: string;
  subject: string;
  producedAt: Date;
  layout?: 'portrait' | 'landscape';
  margin: number;
  /** Printed at the foot of every page, left of "Sida n av m" (e.g. the protokoll's status). */
  footer?: string;
}

/** The embedded fonts' names: DejaVu Sans, which covers Swedish, §, – and − (PDF/A embeds every font). */
export const FONT = { regular: 'Sans', bold: 'Sans-Bold' } as const;

const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export interface SamverkanPdf {
  doc: PDFKit.PDFDocument;
  /** The structure tree's Document element: every tagged element of the page is added under it. */
  root: PDFKit.PDFStructureElement;
  /** Adds the page numbers, ends the structure tree and the document; resolves with its bytes. */
  end(): Promise<Buffer>;
}

/**
 * An A4 document of the samverkan: Swedish, the samverkan as author, tagged (PDF/UA structure: a Document
 * with headings, paragraphs, lists and tables drawn under `root`) and PDF/A-2a (fonts embedded, sRGB output
 * intent, XMP identification), its title shown in the viewer's title bar. Page numbers ("Sida 1 av 3") and the
 * footer are pagination artifacts: extractable text that a screen reader skips.
 */
export function samverkanPdf(options: PdfOptions): SamverkanPdf {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margin: options.margin,
    pdfVersion: '1.7',
    subset: 'PDF/A-2a',
    tagged: true,
    displayTitle: true,
    lang: 'sv-SE',
    bufferPages: true,
    font: join(FONT_DIR, 'DejaVuSans.ttf'),
    info: {
      Title: options.title,
      Author: 'Plan- och byggsamverkan Västerbotten',
      Subject: options.subject,
      CreationDate: options.producedAt,
    },
  });
  doc.registerFont(FONT.regular, join(FONT_DIR, 'DejaVuSans.ttf'));
  doc.registerFont(FONT.bold, join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
  doc.font(FONT.regular);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const end = () => {
    root.end();
    pageNumbers(doc, options.footer);
    doc.end();
    return finished;
  };
  return { doc, root, end };
}

/** "Sida n av m" at the foot of every page (and the footer text at its left), marked as pagination artifacts. */
function pageNumbers(doc: PDFKit.PDFDocument, footer: string | undefined): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    const { margins } = doc.page;
    const bottom = margins.bottom;
    // Text below the bottom margin would otherwise start a new page.
    margins.bottom = 0;
    const y = doc.page.height - bottom / 2 - 5;
    const width = doc.page.width - margins.left - margins.right;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.font(FONT.regular).fontSize(8.5).fillColor('#444444');
    if (footer) doc.text(footer, margins.left, y, { width, align: 'left', lineBreak: false });
    doc.text(`Sida ${index - start + 1} av ${count}`, margins.left, y, { width, align: 'right', lineBreak: false });
    doc.fillColor('#000000');
    doc.endMarkedContent();
    margins.bottom = bottom;
  }
}
