import type { ProtocolSections } from '../../../src/domain';
import { samverkanPdf } from './pdf';

export interface ProtocolPdfInput {
  sections: ProtocolSections;
  /** Printed in the document's metadata. */
  producedAt: Date;
}

/**
 * The protokoll as one PDF for the organisations' own diaries: kallelse, dagordning, närvaro, beslut and
 * justering, in that order. Helvetica's WinAnsi encoding covers Swedish letters, § and the en dash.
 */
export function protocolPdf({ sections, producedAt }: ProtocolPdfInput): Promise<Buffer> {
  const { doc, finished } = samverkanPdf({
    title: sections.title,
    subject: sections.status,
    producedAt,
    margin: 56,
  });

  const heading = (text: string) => {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(text).moveDown(0.3);
    doc.font('Helvetica').fontSize(10.5);
  };

  doc.font('Helvetica-Bold').fontSize(18).text(sections.title);
  doc.font('Helvetica').fontSize(11).fillColor('#444444').text(sections.status).fillColor('#000000');

  heading('Kallelse');
  for (const row of sections.kallelse) {
    doc.font('Helvetica-Bold').text(`${row.label}: `, { continued: true }).font('Helvetica').text(row.value);
  }

  heading('Dagordning');
  if (sections.dagordning.length === 0) doc.text('Dagordningen finns inte registrerad.');
  for (const line of sections.dagordning) doc.text(line);

  heading('Närvaro');
  if (sections.narvaro.length === 0) doc.text('Ingen närvaro är registrerad.');
  for (const group of sections.narvaro) {
    doc.font('Helvetica-Bold').text(group.organisation).font('Helvetica');
    if (group.present.length > 0) doc.text(`Närvarande: ${group.present.join(', ')}`, { indent: 12 });
    if (group.absent.length > 0) doc.text(`Frånvarande: ${group.absent.join(', ')}`, { indent: 12 });
  }

  heading('Beslut');
  if (sections.beslut.length === 0) doc.text('Inga beslut fattades.');
  for (const paragraph of sections.beslut) {
    doc.font('Helvetica-Bold').text(`${paragraph.paragraph} ${paragraph.kind}`).font('Helvetica');
    doc.text(paragraph.text, { indent: 12 });
    if (paragraph.followUp) doc.fillColor('#444444').text(paragraph.followUp, { indent: 12 }).fillColor('#000000');
    doc.moveDown(0.3);
  }

  heading('Justering');
  for (const signature of sections.justering) {
    doc.text(`${signature.role}: ${signature.name}${signature.signed ? ` – ${signature.signed}` : ''}`);
  }

  doc.end();
  return finished;
}
