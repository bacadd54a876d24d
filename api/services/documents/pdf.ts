import PDFDocument from 'pdfkit';

export interface PdfOptions {
  title: string;
  subject: string;
  producedAt: Date;
  layout?: 'portrait' | 'landscape';
  margin: number;
}

/**
 * An A4 document of the samverkan (Swedish, the samverkan as author) and the bytes it will have once the
 * caller has drawn it and called `doc.end()`.
 */
export function samverkanPdf(options: PdfOptions): { doc: PDFKit.PDFDocument; finished: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margin: options.margin,
    info: {
      Title: options.title,
      Author: 'Plan- och byggsamverkan Västerbotten',
      Subject: options.subject,
      CreationDate: options.producedAt,
    },
    lang: 'sv-SE',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, finished };
}
