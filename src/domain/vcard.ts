/**
 * vCard 4.0 (RFC 6350) values, written in this one place: a text value escaped (`\`, `,`, `;`, newline) with
 * CR removed and other control characters dropped, so that no value can end its line and start a property
 * of its own; lines folded at 75 octets.
 */
export function vcardText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed here
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/\n/g, '\\n')
      .replace(/,/g, '\\,')
      .replace(/;/g, '\\;')
  );
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** RFC 6350 line folding: lines longer than 75 octets continue on the next line after a space. */
export function foldVcardLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let length = 0;
  for (const char of line) {
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (length + utf8Length(char) > limit) {
      parts.push(current);
      current = '';
      length = 0;
    }
    current += char;
    length += utf8Length(char);
  }
  parts.push(current);
  return parts.join('\r\n ');
}
