import { createHash } from 'node:crypto';
import { protocolContentJson, type ProtocolSections } from '../../../src/domain';
import { FONT, samverkanPdf } from './pdf';
import { taggedWriter, type TaggedWriter } from './tagged';

export interface ProtocolPdfInput {
  sections: ProtocolSections;
  /** Printed in the document's metadata. */
  producedAt: Date;
}

/** The SHA-256 (hex) of the protokoll's content as `protocolContentJson` defines it: what the justering page prints. */
export function protocolContentSha256(sections: ProtocolSections): string {
  return createHash('sha256').update(protocolContentJson(sections), 'utf8').digest('hex');
}

type Section = { writer: TaggedWriter; root: PDFKit.PDFStructureElement };

/**
 * The protokoll (or stödgruppen's minnesanteckningar, which end on a fastställande line and no justering page)
 * as one PDF for the organisations' own diaries: kallelse, närvaro, a section per point of the
 * dagordning (its notes and beslut), the beslut under no point, and a justering page with who approved when and
 * the content's SHA-256. Tagged (H1, H2 per section, H3 per organisation, point and other §, P, Table) and
 * PDF/A-2a; a bookmark per section, per point and per other §; "Sida n av m" on every page.
 */
export function protocolPdf({ sections, producedAt }: ProtocolPdfInput): Promise<Buffer> {
  const pdf = samverkanPdf({
    title: sections.title,
    subject: sections.status,
    producedAt,
    margin: 56,
    footer: `${sections.title} · ${sections.status}`,
  });
  const { doc, root } = pdf;
  const writer = taggedWriter(doc);
  const s: Section = { writer, root };
  const { leaf } = writer;

  leaf(root, 'H1', () => doc.font(FONT.bold).fontSize(18).text(sections.title));
  leaf(root, 'P', () => doc.font(FONT.regular).fontSize(11).fillColor('#444444').text(sections.status));
  doc.fillColor('#000000');

  heading(s, 'Kallelse');
  for (const row of sections.kallelse) {
    leaf(root, 'P', () =>
      doc.font(FONT.bold).text(`${row.label}: `, { continued: true }).font(FONT.regular).text(row.value),
    );
  }

  heading(s, 'Närvaro');
  if (sections.narvaro.length === 0) leaf(root, 'P', () => doc.text('Ingen närvaro är registrerad.'));
  for (const group of sections.narvaro) {
    leaf(root, 'H3', () => doc.font(FONT.bold).text(group.organisation).font(FONT.regular));
    if (group.present.length > 0) {
      leaf(root, 'P', () => doc.text(`Närvarande: ${group.present.join(', ')}`, { indent: 12 }));
    }
    if (group.absent.length > 0) {
      leaf(root, 'P', () => doc.text(`Frånvarande: ${group.absent.join(', ')}`, { indent: 12 }));
    }
  }

  writePunkter(s, sections);
  writeBeslut(s, sections);
  if (sections.kind === 'minnesanteckningar') writeFaststallande(s, sections);
  else writeJustering(s, sections);
  return pdf.end();
}

/** An H2 and its bookmark; the body text after it in the regular face. */
function heading({ writer, root }: Section, text: string): PDFKit.PDFOutline {
  const { doc } = writer;
  doc.moveDown(0.8);
  const bookmark = doc.outline.addItem(text);
  writer.leaf(root, 'H2', () => doc.font(FONT.bold).fontSize(13).text(text));
  doc.moveDown(0.3).font(FONT.regular).fontSize(10.5);
  return bookmark;
}

/** The dagordning's points, each an H3 with its bookmark under "Dagordning": what it was, the notes, its beslut. */
function writePunkter(s: Section, sections: ProtocolSections): void {
  const { writer, root } = s;
  const { doc, leaf } = writer;
  const bookmark = heading(s, 'Dagordning');
  if (sections.punkter.length === 0) leaf(root, 'P', () => doc.text('Dagordningen finns inte registrerad.'));
  for (const punkt of sections.punkter) {
    bookmark.addItem(punkt.heading);
    leaf(root, 'H3', () => doc.font(FONT.bold).text(punkt.heading).font(FONT.regular));
    const about = punkt.about;
    if (about) leaf(root, 'P', () => doc.fillColor('#444444').text(about, { indent: 12 }).fillColor('#000000'));
    const notes = punkt.notes;
    if (notes) leaf(root, 'P', () => doc.text(notes, { indent: 12 }));
    for (const paragraph of punkt.beslut) writeParagraph(s, paragraph);
    doc.moveDown(0.3);
  }
}

/** One decision: "§ 4 Budget" in bold, its text, its follow-up. */
function writeParagraph({ writer, root }: Section, paragraph: ProtocolSections['beslut'][number]): void {
  const { doc, leaf } = writer;
  leaf(root, 'P', () =>
    doc
      .font(FONT.bold)
      .text(`${paragraph.paragraph} ${paragraph.kind}: `, { indent: 12, continued: true })
      .font(FONT.regular)
      .text(paragraph.text),
  );
  if (paragraph.followUp) {
    const followUp = paragraph.followUp;
    leaf(root, 'P', () => doc.fillColor('#444444').text(followUp, { indent: 24 }).fillColor('#000000'));
  }
}

/** Beslut under no point of the dagordning, each an H3 with its bookmark under "Övriga beslut". */
function writeBeslut(s: Section, sections: ProtocolSections): void {
  const { writer, root } = s;
  const { doc, leaf } = writer;
  if (sections.ovrigaBeslut.length === 0) {
    // Stödgruppen decides nothing (its förslag go to samverkansgruppen): no line about decisions.
    if (sections.beslut.length === 0 && sections.kind !== 'minnesanteckningar') {
      leaf(root, 'P', () => doc.text('Inga beslut fattades.'));
    }
    return;
  }
  const bookmark = heading(s, 'Övriga beslut');
  for (const paragraph of sections.ovrigaBeslut) {
    const title = `${paragraph.paragraph} ${paragraph.kind}`;
    bookmark.addItem(title);
    leaf(root, 'H3', () => doc.font(FONT.bold).text(title).font(FONT.regular));
    leaf(root, 'P', () => doc.text(paragraph.text, { indent: 12 }));
    if (paragraph.followUp) {
      const followUp = paragraph.followUp;
      leaf(root, 'P', () => doc.fillColor('#444444').text(followUp, { indent: 12 }).fillColor('#000000'));
    }
    doc.moveDown(0.3);
  }
}

const JUSTERING_COLUMNS = [
  { title: 'Roll', width: 100 },
  { title: 'Namn', width: 170 },
  { title: 'Godkänt', width: 213 },
];

/**
 * Minnesanteckningar close on the page they end on (no justering page): who fastställde them when (Stockholm), then
 * the content's SHA-256.
 */
function writeFaststallande(s: Section, sections: ProtocolSections): void {
  const { writer, root } = s;
  const { doc, leaf } = writer;
  heading(s, 'Fastställande');
  const line = sections.faststallande ? `${sections.faststallande}.` : 'Minnesanteckningarna är inte fastställda.';
  leaf(root, 'P', () => doc.text(line));
  writeChecksum(s, sections, 'minnesanteckningarnas', 'status och fastställande ingår inte');
}

/** The content's SHA-256 under its heading, with what it covers. */
function writeChecksum(s: Section, sections: ProtocolSections, whose: string, leftOut: string): void {
  const { writer, root } = s;
  const { doc, leaf } = writer;
  doc.moveDown(0.6);
  leaf(root, 'H3', () => doc.font(FONT.bold).text('Kontrollsumma').font(FONT.regular));
  leaf(root, 'P', () =>
    doc.text(
      `SHA-256 av ${whose} innehåll (rubrik, kallelse, dagordning, närvaro, punkterna med anteckningar och beslut som kanonisk JSON i UTF-8; ${leftOut}):`,
    ),
  );
  const digest = protocolContentSha256(sections);
  leaf(root, 'P', () => doc.font(FONT.regular).fontSize(9.5).text(digest, { characterSpacing: 0.3 }));
}

/** The justering page: role, name and approval time (Stockholm) per signer, then the content's SHA-256. */
function writeJustering(s: Section, sections: ProtocolSections): void {
  const { writer, root } = s;
  const { doc, leaf, group } = writer;
  doc.addPage();
  heading(s, 'Justering');
  const table = group(root, 'Table');
  const row = (cells: readonly string[], header: boolean) => {
    const tr = group(table, 'TR');
    const y = doc.y;
    let x = doc.page.margins.left;
    let height = 0;
    cells.forEach((cell, index) => {
      const width = (JUSTERING_COLUMNS[index]?.width ?? 100) - 8;
      leaf(
        tr,
        header ? 'TH' : 'TD',
        () => {
          doc.font(header ? FONT.bold : FONT.regular).fontSize(10);
          doc.text(cell, x, y, { width });
          height = Math.max(height, doc.y - y);
        },
        header ? { scope: 'Column' } : {},
      );
      x += JUSTERING_COLUMNS[index]?.width ?? 100;
    });
    tr.end();
    doc.x = doc.page.margins.left;
    doc.y = y + height + 6;
  };
  row(
    JUSTERING_COLUMNS.map((c) => c.title),
    true,
  );
  for (const signature of sections.justering) {
    row([signature.role, signature.name, signature.approved ?? signature.signed ?? 'Ej godkänt'], false);
  }
  table.end();
  doc.moveDown(1).font(FONT.regular).fontSize(10.5);
  leaf(root, 'P', () => doc.text(`Protokollets status: ${sections.status}.`));
  writeChecksum(s, sections, 'protokollets', 'status och justering ingår inte');
}
