/**
 * "Did you mean": the names closest to what someone typed, for answers such as an unknown budget line.
 * Case and Swedish diacritics are folded ("lokalhyra" is "Lokalhyra", "moteskostnader" is "Möteskostnader");
 * a name scores by its best part (the whole name, a word of it, or its start as long as the typed text),
 * as 1 − Levenshtein distance ÷ the longer length, so "Lokalhyr" and "hyra" both find "Lokalhyra".
 */

function foldName(text: string): string {
  return text
    .toLocaleLowerCase('sv-SE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Levenshtein distance (insert, delete, substitute), two rows of memory. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function ratio(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

/** 0–1: how close `typed` is to `name` (1: the same after folding). */
export function nameSimilarity(typed: string, name: string): number {
  const wanted = foldName(typed);
  const folded = foldName(name);
  if (wanted === '' || folded === '') return 0;
  const parts = [folded, folded.slice(0, wanted.length), ...folded.split(/[\s,.–-]+/).filter(Boolean)];
  return Math.max(...parts.map((part) => ratio(wanted, part)));
}

/** The `limit` names closest to `typed`, best first, those under `minimum` left out. */
export function closestNames(
  typed: string,
  names: readonly string[],
  { limit = 3, minimum = 0.34 }: { limit?: number; minimum?: number } = {},
): string[] {
  return [...new Set(names)]
    .map((name) => ({ name, score: nameSimilarity(typed, name) }))
    .filter((entry) => entry.score >= minimum)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'sv'))
    .slice(0, limit)
    .map((entry) => entry.name);
}
