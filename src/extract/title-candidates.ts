// Candidates from the title: the capitalised phrase a title opens with (or closes
// with after via/with) and the `X:` head.
import { keyOf, mkCand, spanText, titleOwnWord, tokenRange, type Cand, type Sent } from './candidate.js';
import { isCommonWord, isFunctionWord, lexTag } from './english.js';
import { morphType } from './shapes.js';
import { headType, isGenericLongForm, typeOfLongForm } from './heads.js';
import { isCueVerb } from './roles.js';

// --- title phrases -----------------------------------------------------------------

export const TITLE_GENERIC = new Set(
  'deep neural efficient fast simple large scale large-scale learning network networks model models language robust general novel better improved unsupervised supervised self-supervised semi-supervised end-to-end new towards toward a an the on learning-based data-driven scalable multi-task multimodal'.split(' '),
);

/**
 * "Stacked Hourglass Networks for Human Pose Estimation", "... via Deep Compositional
 * Code Learning": a capitalised phrase that opens the title (or closes it after
 * via/with/using) and ends in a method or model head names the paper's contribution.
 */
export function titlePhraseCandidates(s: Sent, covered: Uint8Array): Cand[] {
  const out: Cand[] = [];
  const t = s.tokens;
  const wordsOf: Array<[number, number]> = [];
  for (let k = 0; k < t.length; k++) {
    if (t[k]!.glued) wordsOf[wordsOf.length - 1]![1] = k;
    else wordsOf.push([k, k]);
  }
  const isCap = (w: [number, number]): boolean => /^[\p{Lu}\p{N}]/u.test(t[w[0]]!.text) && !isFunctionWord(t[w[0]]!.text.toLowerCase());
  const tryPhrase = (a: number, b: number): void => {
    if (b - a + 1 < 2 || b - a + 1 > 5) return;
    const ws = wordsOf.slice(a, b + 1);
    if (!ws.every(isCap)) return;
    const isCovered = ([x, y]: [number, number]): boolean => {
      for (let k = x; k <= y; k++) if (covered[k]) return true;
      return false;
    };
    if (ws.some(isCovered)) return;
    const first = spanText(s, ws[0]![0], ws[0]![1]).toLowerCase();
    // "Privately Fine-Tuning ...": a title that opens with an adverb or a gerund is a clause, not a name
    if (/(?:ing|ly)$/.test(first) || /^(towards?|on|why|how|what|when|is|are|do|does|can)$/.test(first)) return;
    const text = spanText(s, ws[0]![0], ws[ws.length - 1]![1]);
    const lastWord = text.split(/[\s-]+/).pop()!.toLowerCase();
    const ht = headType(lastWord);
    if (ht !== 'method' && ht !== 'model') return;
    // Heads that name an artefact; "... Training", "... Optimization", "... Alignment" name a topic.
    if (!/^(networks?|nets?|transformers?|readers?|pooling|clustering|learning|machines?|encoders?|decoders?|autoencoders?|embeddings?|attention|parsers?|models?|distillation|search)$/.test(lastWord)) return;
    if (isGenericLongForm(text)) return;
    if (ws.every(([x, y]) => TITLE_GENERIC.has(spanText(s, x, y).toLowerCase()))) return;
    // a verb inside ("General Reasoning Requires Learning") means a sentence, not a name
    const isVerb = ([x, y]: [number, number]): boolean => {
      const w = spanText(s, x, y).toLowerCase();
      if (headType(w)) return false; // "Networks" is a noun here, whatever the tagger says
      const tg = lexTag(w);
      return isCueVerb(w) || tg === 'PresentTense' || tg === 'Copula' || tg === 'Modal';
    };
    if (ws.some(isVerb)) return;
    const type = typeOfLongForm(text) ?? ht;
    const c = mkCand(s, ws[0]![0], ws[ws.length - 1]![1], 'shape', { type: type === 'metric' || type === 'dataset' ? 'method' : type, conf: 0.6 });
    c.titleHead = true;
    out.push(c);
  };
  const PREP = /^(for|with|via|by|in|on|using|through|from|of|to|and|at|as|under|beyond|without|towards?)$/i;
  // opening phrase: up to the first preposition or colon
  let e = 0;
  while (e < wordsOf.length && !PREP.test(t[wordsOf[e]![0]]!.text)) {
    const next = wordsOf[e + 1];
    const gap = next ? s.text.slice(t[wordsOf[e]![1]]!.end - s.start, t[next[0]]!.start - s.start) : '';
    e++;
    if (gap.includes(':')) break;
  }
  // ("A Point Set Generation Network for ...": the article is not part of the name)
  tryPhrase(/^(?:a|an|the)$/i.test(t[wordsOf[0]![0]]!.text) ? 1 : 0, e - 1);
  // closing phrase after via/with/using/through
  for (let w = wordsOf.length - 2; w >= 1; w--) {
    if (/^(via|with|using|through|by)$/i.test(t[wordsOf[w]![0]]!.text)) {
      tryPhrase(w + 1, wordsOf.length - 1);
      break;
    }
  }
  return out;
}

const MEASURING = /^\s*(?:Measuring|Evaluating|Benchmarking|Probing|Auditing|Testing|Assessing|Diagnosing|Stress-Testing)\b/;

/** Field offsets of `X` in a title "X: ..." (a short head before the first colon), or null. */
export function titleHeadRange(s: Sent): [number, number] | null {
  const colon = s.text.indexOf(':');
  if (colon <= 0 || colon > 60) return null;
  const head = s.text.slice(0, colon);
  if (head.split(/\s+/).length > 5) return null;
  return [s.start, s.start + colon];
}

function titleHeadText(s: Sent): string | null {
  const head = titleHeadRange(s);
  return head ? s.text.slice(0, head[1] - head[0]).trim() : null;
}

/** The key of the one word a title "X: ..." opens with: the paper's own name, wherever the abstract writes it. */
export function ownTitleName(s: Sent): string | null {
  const word = titleOwnWord(s.text);
  return word ? keyOf(word) : null;
}

/**
 * "Kelp Policy: ..." and "We present Kelp Policy, a ...": a title head of two or three capitalised
 * words that the abstract repeats, spelt alike, is the paper's own name. The token ranges where
 * it occurs, in the title and the abstract (none when the head is a description: "Efficient Learning").
 */
export function ownPhraseSpans(sents: readonly Sent[]): Array<[Sent, number, number]> {
  const title = sents.find((s) => s.isTitle);
  const text = title ? titleHeadText(title) : null;
  if (!text) return [];
  const words = text.split(/\s+/);
  if (words.length < 2 || words.length > 3 || !words.every((w) => /^\p{Lu}/u.test(w)) || isGenericLongForm(text) || words.every((w) => TITLE_GENERIC.has(w.toLowerCase()))) return [];
  const spans: Array<[Sent, number, number]> = [];
  for (const s of sents) {
    let at = s.text.indexOf(text);
    while (at >= 0) {
      const r = tokenRange(s.tokens, s.start + at, s.start + at + text.length);
      // (the whole words: not "Kelp Policy" inside "Kelp Policy-2")
      if (r && !s.tokens[r[1] + 1]?.glued && s.tokens[r[0]]!.start === s.start + at && s.tokens[r[1]]!.end === s.start + at + text.length) spans.push([s, r[0], r[1]]);
      at = s.text.indexOf(text, at + text.length);
    }
  }
  return spans.some(([s]) => !s.isTitle) ? spans : [];
}

/**
 * The key of a lower-case name a title opens with ("kelpie: Fast Reef Mapping"): a title starts
 * with a capital, so a lower-case head before the colon is a name styled so, common word or not
 * (not where the whole title is lower-case).
 */
export function styledTitleHead(s: Sent): string | null {
  const text = titleHeadText(s);
  if (text === null) return null;
  if (!/^\p{Ll}[\p{Ll}\p{N}]*(?:-[\p{Ll}\p{N}]+)*$/u.test(text) || isFunctionWord(text) || !/\p{Lu}/u.test(s.text.slice(s.text.indexOf(':')))) return null;
  return keyOf(text);
}

/**
 * A title "X: ..." proposes X. The head of the title's appositive ("AfroLM: A ... Language
 * Model for ...") types it; a head no rule found becomes a candidate when it looks like a name.
 */
export function markTitleHead(title: Sent, chosen: Cand[]): void {
  const head = titleHeadRange(title);
  if (!head) return;
  const [headStart, headEnd] = head;
  const inHead = (c: Cand) => c.sent === title && c.start >= headStart && c.end <= headEnd;
  const rest = title.text.slice(headEnd - headStart + 1);
  const appositive = /^\s*(?:A|An|The)\s+(.+?)(?:\s+(?:for|with|of|on|in|via|to|from|by|through|using|that|and)\b|[,:;?]|$)/i.exec(rest);
  const kind = appositive ? headType((appositive[1]!.split(/\s+/).pop() ?? '').replace(/[^\p{L}-]/gu, '')) : null;
  // a task or metric head ("X: A Benchmark for Y Detection" aside) does not type a name
  const nameType = kind && kind !== 'task' && kind !== 'metric' ? kind : null;
  if (nameType) {
    const named = chosen.filter((c) => inHead(c) && c.source !== 'lexicon' && c.conf <= 0.8);
    // "A and B: A Nowcasting Network and Corpus for ...": two names and two kinds, respectively
    const second = /^\s*(?:A|An|The)\s+.+?\s+and\s+(?:an?\s+)?(?:\p{Ll}+\s+)?([\p{L}-]+)/u.exec(rest);
    const kind2 = second && named.length === 2 ? headType(second[1]!.toLowerCase()) : null;
    const pair = kind2 && kind2 !== nameType && kind2 !== 'task' && kind2 !== 'metric' && /^\s*and\s*$/.test(title.text.slice(named[0]!.end - title.start, named[1]!.start - title.start));
    named.forEach((c, k) => {
      if (!pair && c.conf >= 0.8) return;
      c.type = pair && k === 1 ? kind2 : nameType;
      c.conf = 0.8;
    });
  }
  // "X: Measuring Y in Z", "X: Probing ...": a title that says what X measures names a benchmark
  // (weakly: what the abstract says of X outweighs it)
  const measures = !nameType && MEASURING.test(rest);
  if (measures) {
    for (const c of chosen) {
      if (inHead(c) && c.source !== 'lexicon' && c.conf < 0.6) {
        c.type = 'dataset';
        c.conf = 0.6;
      }
    }
  }
  const headText = title.text.slice(0, headEnd - headStart).trim();
  let found = false;
  for (const c of chosen) {
    if (!inHead(c)) continue;
    found = true;
    if (keyOf(c.text) === keyOf(headText)) c.titleHead = true;
  }
  if (found) return;
  const range = tokenRange(title.tokens, headStart, headEnd);
  const generic = isGenericLongForm(headText) || headText.split(/\s+/).every((w) => TITLE_GENERIC.has(w.toLowerCase()) || isCommonWord(w.toLowerCase()));
  if (range && !generic && /\p{Lu}/u.test(headText) && headText.split(/\s+/).length <= 3 && !/^(a|an|the|on|towards?|why|how|what|when)\b/i.test(headText)) {
    const c = mkCand(title, range[0], range[1], 'shape', { type: nameType ?? (measures ? 'dataset' : null) ?? morphType(headText) ?? 'method', conf: kind ? 0.8 : 0.5 });
    c.titleHead = true;
    chosen.push(c);
  }
}
