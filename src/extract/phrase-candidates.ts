// Candidates from lower-case names introduced by a proposal cue or `called`.
import { mkCand, spanText, type Cand, type Sent } from './candidate.js';
import { appositive, skipModifiers } from './context.js';
import { isCommonWord, isFunctionWord, lexTag } from './english.js';

// --- proposal phrases ------------------------------------------------------------

export const SPECIFIC_METHOD_HEAD = /^(learning|tuning|fine-tuning|finetuning|training|pretraining|pre-training|distillation|prompting|optimization|regularization|augmentation|sampling|decoding|replay|retrieval|unlearning|editing|merging|alignment|transfer|search|attention|pooling)$/;

const NAMING_CUES = new Set(['called', 'named', 'dubbed', 'termed']);

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
    const lastWord = t[last]!.text.toLowerCase();
    // headword of the last glued word group
    let gs = last;
    while (gs > st && t[gs]!.glued) gs--;
    const head = spanText(s, gs, last).toLowerCase();
    if (!SPECIFIC_METHOD_HEAD.test(head) && !SPECIFIC_METHOD_HEAD.test(lastWord)) continue;
    out.push(mkCand(s, st, last, 'phrase', { type: 'method', conf: 0.6, named: true }));
  }
  return out;
}
