type Parent = PDFKit.PDFStructureElement;

/**
 * Tagged drawing: every mark on the page is drawn inside a structure element (so a screen reader and a
 * PDF/A-2a validator find no untagged content). `leaf` draws one element whose content is `draw`; `group`
 * opens an element (L, LI, Table, TR, Sect) that the caller fills and ends.
 */
export function taggedWriter(doc: PDFKit.PDFDocument) {
  const leaf = (parent: Parent, type: string, draw: () => void, options: Record<string, string> = {}): void => {
    parent.add(doc.struct(type, options, draw));
  };
  const group = (parent: Parent, type: string, options: Record<string, string> = {}): Parent => {
    const element = doc.struct(type, options);
    parent.add(element);
    return element;
  };
  /** A list (L > LI > LBody) of lines, each drawn by `draw`. */
  const list = (parent: Parent, lines: readonly string[], draw: (line: string) => void): void => {
    const l = group(parent, 'L');
    for (const line of lines) {
      const li = group(l, 'LI');
      leaf(li, 'LBody', () => draw(line));
      li.end();
    }
    l.end();
  };
  return { doc, leaf, group, list };
}

export type TaggedWriter = ReturnType<typeof taggedWriter>;
