/**
 * Reads a PDF with pdf.js (the legacy build, for Node): its text per page in drawing order, the structure
 * tree per page, the outline, the catalog's language and MarkInfo, and the XMP metadata as text.
 */
type Resolvers<T> = { promise: Promise<T>; resolve: (value: T) => void; reject: (reason?: unknown) => void };

function polyfillWithResolvers(): void {
  // pdf.js 6 calls Promise.withResolvers, which Node has from 22 on.
  const P = Promise as unknown as { withResolvers?: <T>() => Resolvers<T> };
  if (P.withResolvers) return;
  P.withResolvers = <T>() => {
    let resolve!: (value: T) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

export interface StructNode {
  role?: string;
  children?: StructNode[];
  type?: string;
  id?: string;
}

export interface OutlineEntry {
  title: string;
  items: OutlineEntry[];
}

export interface ReadPdf {
  pages: string[][];
  structTrees: StructNode[];
  outline: OutlineEntry[];
  markInfo: { Marked?: boolean } | null;
  lang: string | null;
  xmp: string;
  title: string | undefined;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  polyfillWithResolvers();
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({ data: new Uint8Array(bytes) });
  const doc = await task.promise;
  const pages: string[][] = [];
  const structTrees: StructNode[] = [];
  for (let number = 1; number <= doc.numPages; number += 1) {
    const page = await doc.getPage(number);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).filter((s) => s.trim() !== ''));
    structTrees.push(((await page.getStructTree()) as StructNode | null) ?? {});
  }
  const toEntry = (item: { title: string; items: unknown[] }): OutlineEntry => ({
    title: item.title,
    items: (item.items as { title: string; items: unknown[] }[]).map(toEntry),
  });
  const outline = ((await doc.getOutline()) ?? []).map(toEntry);
  // pdf.js 6 answers a Map (earlier versions an object).
  // (A Map of another realm under jest: not instanceof this one's.)
  const mark = (await doc.getMarkInfo()) as unknown as { get?: (key: string) => boolean; Marked?: boolean } | null;
  const marked = typeof mark?.get === 'function' ? mark.get('Marked') : mark?.Marked;
  const markInfo = mark ? { Marked: marked === true } : null;
  const metadata = await doc.getMetadata();
  const raw = metadata.metadata?.getRaw() ?? '';
  const info = metadata.info as { Title?: string; Language?: string };
  const lang = info.Language ?? null;
  await task.destroy();
  return { pages, structTrees, outline, markInfo, lang, xmp: raw, title: info.Title };
}

/** Every role in a structure tree, depth first (reading order). */
export function roles(node: StructNode): string[] {
  return [...(node.role ? [node.role] : []), ...(node.children ?? []).flatMap(roles)];
}
