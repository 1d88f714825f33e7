// Candidates from lower-case names introduced by a proposal cue or `called`.
import { mkCand, spanText, type Cand, type Sent } from './candidate.js';
import { appositive, skipModifiers } from './context.js';
import { isCommonWord, isFunctionWord, lexTag } from './english.js';
import { isChunkWord, sentenceWords, spacedWords } from './chunk-candidates.js';
import { headType, isDescriptiveTask } from './heads.js';

// --- proposal phrases ------------------------------------------------------------

export const SPECIFIC_METHOD_HEAD = /^(learning|tuning|fine-tuning|finetuning|training|pretraining|pre-training|distillation|prompting|optimization|regularization|augmentation|sampling|decoding|replay|retrieval|unlearning|editing|merging|alignment|transfer|search|attention|pooling)$/;

const NAMING_CUES = new Set(['called', 'named', 'dubbed', 'termed']);
const GENERIC_METHOD_TAIL = /^(strategy|method|approach|framework|technique|scheme|algorithm|paradigm|procedure|mechanism)$/;

/** First token of the glued word group that ends at token `end` (not before `from`). */
function wordStart(t: Sent['tokens'], from: number, end: number): number {
  let k = end;
  while (k > from && t[k]!.glued) k--;
  return k;
}

/** Lower-case names introduced by a proposal cue or `called`: `we propose self-guided prompt tuning`. */
export function phraseCandidates(s: Sent, covered: Uint8Array): Cand[] {
  const out: Cand[] = [];
  const t = s.tokens;
  const starts: number[] = [];
  if (s.cues.proposeAt >= 0) starts.push(skipModifiers(t, s.cues.proposeAt));
  for (let k = 0; k < t.length; k++) if (NAMING_CUES.has(t[k]!.text.toLowerCase())) starts.push(k + 1);
  for (const st of starts) {
    let k = st;
    let last = -1;
    let nWords = 0;
    while (k < t.length && nWords < 6) {
      const tk = t[k]!;
      if (covered[k]) break;
      if (!tk.glued) {
        const gap = k > 0 ? s.text.slice(t[k - 1]!.end - s.start, tk.start - s.start) : ' ';
        if (k > st && !/^\s+$/.test(gap)) break;
        const low = tk.text.toLowerCase();
        if (isFunctionWord(low) || /^(that|which|to|for|of|with|on|in|by|and|or|is|are|as|from)$/.test(low)) break;
        nWords++;
      }
      last = k;
      k++;
    }
    if (last >= st && nWords === 1 && !t[st]!.glued) {
      const w = spanText(s, st, last);
      const ap = appositive(t, last, s.text, s.start);
      if (/^\p{Ll}[\p{Ll}\p{N}-]+$/u.test(w) && !isCommonWord(w) && lexTag(w) === undefined && ap) {
        out.push(mkCand(s, st, last, 'phrase', { type: ap.type === 'task' ? 'method' : ap.type, conf: 0.75, named: true }));
        continue;
      }
    }
    if (last < st || nWords < 2) continue;
    let end = last;
    // "we propose an iterative reinforced fine-tuning strategy": the name is the phrase before the generic noun
    if (nWords >= 3 && GENERIC_METHOD_TAIL.test(spanText(s, wordStart(t, st, last), last).toLowerCase())) end = wordStart(t, st, last) - 1;
    const head = spanText(s, wordStart(t, st, end), end).toLowerCase();
    if (!SPECIFIC_METHOD_HEAD.test(head) && !SPECIFIC_METHOD_HEAD.test(t[end]!.text.toLowerCase())) continue;
    out.push(mkCand(s, st, end, 'phrase', { type: 'method', conf: 0.6, named: true }));
  }
  return out;
}

// --- task phrases ----------------------------------------------------------------

const TASK_NOUNS = /^(task|tasks|problem|problems|challenge)$/;
const PARTICIPLE_PREPOSITION = /^(?:on|by|with|from|to|for|in|into|at|over|under|using|via)$/;
const TASK_OF = /\b(?:tasks?|problems?|challenge) of\b/i;

/**
 * `the task of receipt grounding`, `the problem of multi-agent path finding`: the noun phrase
 * after a task noun and `of` names a task, up to the first word that cannot be inside a name.
 */
export function taskPhraseCandidates(s: Sent, covered: Uint8Array): Cand[] {
  const out: Cand[] = [];
  if (!TASK_OF.test(s.text)) return out;
  const ws = sentenceWords(s);
  for (let n = 0; n + 2 < ws.length; n++) {
    if (!TASK_NOUNS.test(ws[n]!.lower) || ws[n + 1]!.lower !== 'of') continue;
    let b = n + 2;
    const gapOk = (k: number) => spacedWords(s, ws[k - 1]!, ws[k]!);
    if (covered[ws[b]!.i] || !isChunkWord(ws[b]!)) continue;
    while (b + 1 < ws.length && b - n < 6 && gapOk(b + 1) && !covered[ws[b + 1]!.i] && isChunkWord(ws[b + 1]!)) b++;
    // "the task of targeted <listed task>": the words are the listed name's modifiers, not a task of their own
    if (b + 1 < ws.length && covered[ws[b + 1]!.i] && gapOk(b + 1)) continue;
    // "texts conditioned on ...": a participle with its preposition opens a clause the name does not reach
    if (b > n + 2 && /ed$/.test(ws[b]!.lower) && ws[b + 1] && gapOk(b + 1) && PARTICIPLE_PREPOSITION.test(ws[b + 1]!.lower)) b--;
    const last = ws[b]!.lower;
    // "the problem of learning a policy", "the challenge of synthesizing ...": a verb phrase, not a name
    if (/ing$/.test(last) && ws[b + 1] && gapOk(b + 1) && (isFunctionWord(ws[b + 1]!.lower) || /^(to|from|with)$/.test(ws[b + 1]!.lower))) continue;
    if (b === n + 2 && /ing$/.test(last)) continue;
    if (headType(last) === 'dataset' || isDescriptiveTask(last)) continue;
    out.push(mkCand(s, ws[n + 2]!.i, ws[b]!.j, 'phrase', { type: 'task', conf: 0.7 }));
  }
  return out;
}
