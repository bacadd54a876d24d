/**
 * Text from people (titles, names, notes) shown in an Adaptive Card as text, never as markup: Teams renders a
 * TextBlock's and a Fact's text as Markdown, so a title "[Klicka här](https://…)" would become a link in a
 * card every member sees. Every Markdown-active character is escaped with a backslash, which Teams shows as
 * the character itself; line starts that would begin a list, heading or quote are escaped too.
 */
const INLINE_ACTIVE = /[\\`*_[\]<>~|]/g;
const LINE_START_ACTIVE = /^(\s*)([-+#>]|\d+(?=[.)]))/gm;

export function escapeCardMarkdown(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(INLINE_ACTIVE, (char) => `\\${char}`)
    .replace(LINE_START_ACTIVE, (_match, space: string, marker: string) =>
      /^\d+$/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
    );
}

/** What Teams shows for a text escaped by escapeCardMarkdown: the inverse, for readers outside a card. */
export function shownCardText(escaped: string): string {
  return escaped.replace(/\\([\\`*_[\]<>~|\-+#.)])/g, '$1');
}
