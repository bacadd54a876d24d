import { formatParagraph, type DecisionDto } from '../../contract';

const normalise = (text: string) => text.toLocaleLowerCase('sv-SE').normalize('NFC');

/** The decisions whose title, text, paragraph ("§ 4") or meeting contain every word of the query. */
export function searchDecisions(
  decisions: readonly DecisionDto[],
  query: string,
  meetingTitle: (id: string) => string,
): DecisionDto[] {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...decisions];
  return decisions.filter((d) => {
    const haystack = normalise(
      [d.title, d.text, formatParagraph(d.paragraph), d.decidedOn ?? '', meetingTitle(d.meetingId)].join(' '),
    );
    return words.every((word) => haystack.includes(word));
  });
}
