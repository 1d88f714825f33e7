// Candidates from names learned while reading: this paper's acronyms (short and
// long forms) and the names the corpus taught.
import { docAcronymGroup, type DocAcronym } from './acronym-candidates.js';
import { acronymGroup, nameGroup } from './groups.js';
import { mkCand, sameLetters, spanText, type Cand, type PaperContext, type Sent } from './candidate.js';
import type { Knowledge, KnownName } from './knowledge.js';
import { singularKey } from './normalize.js';

export interface PrefixTest {
  has(key: string): boolean;
}

export function prefixSet(acr: Map<string, DocAcronym>, acrLong: Map<string, DocAcronym>, known: Knowledge | null): PrefixTest {
  const local = new Set<string>();
  for (const k of [...acr.keys(), ...acrLong.keys()]) for (let p = 1; p <= k.length; p++) local.add(k.slice(0, p));
  const corpus = known && known.size > 0 ? known.prefixes() : null;
  // the corpus set is shared by every paper: test both instead of copying it
  return { has: (key) => local.has(key) || (corpus !== null && corpus.has(key)) };
}

/** Word-aligned spans of up to 5 words whose key is a known name (this paper's acronyms or the corpus's). */
export function knownCandidates(ctx: PaperContext, s: Sent, acr: Map<string, DocAcronym>, acrLong: Map<string, DocAcronym>, prefixes: PrefixTest): Cand[] {
  const out: Cand[] = [];
  const toks = s.tokens;
  for (let i = 0; i < toks.length; i++) {
    if (toks[i]!.glued) continue;
    let key = '';
    let words = 0;
    let best: Cand | null = null;
    for (let j = i; j < toks.length; j++) {
      if (!toks[j]!.glued) words++;
      if (words > 5) break;
      key += toks[j]!.key;
      if (!prefixes.has(key) && !prefixes.has(singularKey(key) ?? '')) break;
      const nxt = toks[j + 1];
      if (nxt && nxt.glued) continue;
      let k = key;
      let a = acr.get(k);
      let kn = ctx.known?.get(k);
      let al = acrLong.get(k);
      const singular = singularKey(k);
      if (!a && !kn && !al && singular !== undefined) {
        k = singular;
        a = acr.get(k);
        kn = ctx.known?.get(k);
        al = acrLong.get(k);
      }
      if (!a && !kn && !al) continue;
      const text = spanText(s, i, j);
      if (al && !al.generic && !(a && sameLetters(text, a.short))) {
        // the long form again, elsewhere (often in the title): same entity as its acronym
        best = mkCand(s, i, j, 'known', { group: docAcronymGroup(al), name: al.name, type: al.type, conf: al.conf, aliases: [al.long], family: al.family });
        best.listed = al.entryName !== undefined;
      } else if (a && !a.generic && sameLetters(text, a.short)) {
        best = mkCand(s, i, j, 'known', { group: docAcronymGroup(a), name: a.name, type: a.type, conf: a.conf, aliases: [a.long], family: a.family });
        best.listed = a.entryName !== undefined;
      } else if (a?.generic && sameLetters(text, a.short)) {
        best = null;
      } else if (kn && (!kn.acronym && !isCaseSensitiveKnown(kn) ? true : sameLetters(text, kn.name) || kn.aliases.some((x) => sameLetters(text, x)))) {
        best = mkCand(s, i, j, 'known', { group: kn.acronym ? acronymGroup(k) : nameGroup(k), name: kn.acronym ? kn.name : text, type: kn.type, conf: kn.conf * 0.95, aliases: kn.aliases, family: kn.family });
      }
    }
    if (best) {
      out.push(best);
      while (i + 1 < toks.length && i + 1 <= best.j) i++;
    }
  }
  return out;
}

export function isCaseSensitiveKnown(k: KnownName): boolean {
  return /\p{Lu}/u.test(k.name);
}

