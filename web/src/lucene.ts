// Turns what a person types into a Lucene query for the full-text indexes:
// every word must match, the last one as a prefix (type-ahead), special
// characters escaped so "c++" or "(ours)" cannot make the query invalid.

const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(word: string): string {
  return word.replace(SPECIAL, (c) => `\\${c}`);
}

/** Words split as the standard analyzer splits them (on anything but letters and digits). */
export function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** "llama 65" -> "+llama +(65 OR 65*)": the exact last word scores above its prefix matches. */
export function typeAheadQuery(text: string): string | null {
  const ws = words(text).map(escapeLucene);
  if (ws.length === 0) return null;
  const last = ws.pop()!;
  return [...ws.map((w) => `+${w}`), `+(${last} OR ${last}*)`].join(' ');
}
