// Splits a text (a paper's title or abstract) into plain runs and marked runs
// at the entities' evidence offsets. Offsets are trusted only where the text
// there equals the evidence text; of overlapping mentions the earlier, then
// longer, one is marked (the others stay listed beside the text).

export interface Mention<T> {
  start: number;
  end: number;
  text: string;
  item: T;
}

export type Segment<T> = { text: string; start: number; mention?: Mention<T> };

export function segments<T>(text: string, mentions: readonly Mention<T>[]): Segment<T>[] {
  const usable = mentions
    .filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end && text.slice(m.start, m.end) === m.text)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment<T>[] = [];
  let at = 0;
  for (const m of usable) {
    if (m.start < at) continue;
    if (m.start > at) out.push({ text: text.slice(at, m.start), start: at });
    out.push({ text: m.text, start: m.start, mention: m });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), start: at });
  return out;
}
