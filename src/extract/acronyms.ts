// Abbreviation definitions after Schwartz & Hearst (2003), "A simple algorithm
// for identifying abbreviation definitions in biomedical text" (PSB 2003),
// implemented from the paper: candidates are `long form (SF)` and, when the
// parenthesis holds more than two words, `SF (long form)`; the long form is
// found by matching the short form's characters right to left, the first one
// at the start of a word.

export interface AcronymDefinition {
  short: string;
  long: string;
  /** Offsets relative to the text given to findDefinitions. */
  shortStart: number;
  shortEnd: number;
  longStart: number;
  longEnd: number;
}

const isAlnum = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Short-form candidate test of the paper: 1–2 words, 2–10 chars, has a letter, starts alphanumeric. */
export function isShortFormCandidate(sf: string): boolean {
  if (sf.length < 2 || sf.length > 10) return false;
  if (sf.split(/\s+/).length > 2) return false;
  if (!/\p{L}/u.test(sf)) return false;
  if (!isAlnum(sf[0])) return false;
  if (/^(e\.g|i\.e|cf|etc|et al|resp|viz|see|ibid)\.?$/i.test(sf)) return false;
  // A lower-case ordinary word in parentheses is a gloss, not an abbreviation.
  if (/^\p{Ll}+$/u.test(sf) && sf.length > 4) return false;
  return true;
}

/**
 * The paper's findBestLongForm: returns the start index (in `lf`) of the
 * shortest suffix of `lf` that covers every alphanumeric character of `sf`
 * in order, the first one at a word start; -1 when there is none.
 */
export function bestLongFormStart(sf: string, lf: string): number {
  const r = matchFrom(sf, lf);
  // "Pebble Pier Repair (PPR)": the paper's shortest match takes an inner "p" of
  // "Repair"; when the words before it spell the short form by their initials, they are the long form
  // (our extension).
  if (r > 0 && /^\p{Lu}+$/u.test(sf)) {
    const last = [...lf.matchAll(/\S+/g)].slice(-sf.length);
    if (last.length === sf.length && last.every((w, k) => w[0][0] === sf[k])) return last[0]!.index!;
  }
  if (r >= 0 || !/\p{L}\d/u.test(sf)) return r;
  // "S3T" = Sequence-aware Sharded Sliced Training, "T3" = Transferable Tactile Transformers:
  // a digit after a letter repeats it (our extension; the paper ignores digits).
  return matchInitials(sf.replace(/(\p{L})(\d)/gu, (_m, c: string, d: string) => c.repeat(Math.min(4, Number(d)) || 1)), lf);
}

// For expanded short forms every letter must start a word (right to left, words may be skipped).
function matchInitials(sf: string, lf: string): number {
  const ws = [...lf.matchAll(/[\p{L}\p{N}]+/gu)];
  let w = ws.length - 1;
  let start = -1;
  for (let s = sf.length - 1; s >= 0; s--) {
    const c = sf[s]!.toLowerCase();
    while (w >= 0 && ws[w]![0][0]!.toLowerCase() !== c) w--;
    if (w < 0) return -1;
    start = ws[w]!.index!;
    w--;
  }
  return lf.lastIndexOf(' ', start) + 1;
}

function matchFrom(sf: string, lf: string): number {
  let s = sf.length - 1;
  let l = lf.length - 1;
  const SF = sf.toLowerCase();
  const LF = lf.toLowerCase();
  for (; s >= 0; s--) {
    const c = SF[s]!;
    if (!isAlnum(c)) continue;
    while ((l >= 0 && LF[l] !== c) || (s === 0 && l > 0 && isAlnum(LF[l - 1]))) l--;
    if (l < 0) return -1;
    l--;
  }
  return LF.lastIndexOf(' ', l) + 1;
}

const words = (s: string): string[] => s.split(/\s+/).filter((w) => w.length > 0);

/** Finds abbreviation definitions in one sentence. */
export function findDefinitions(text: string): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  const re = /\(([^()]{1,120})\)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const open = m.index;
    let inner = m[1]!;
    // "(SF; see ...)" and "(SF, ...)": the short form is the first part.
    const cut = inner.search(/[;,]/);
    if (cut > 0) inner = inner.slice(0, cut);
    const innerTrim = inner.trim();
    const innerStart = open + 1 + inner.indexOf(innerTrim);
    if (isShortFormCandidate(innerTrim)) {
      const def = longBefore(text, open, innerTrim, innerStart);
      if (def) out.push(def);
    } else if (words(innerTrim).length > 2) {
      const def = shortBefore(text, open, innerTrim, innerStart);
      if (def) out.push(def);
    }
  }
  // "ARTE, dubbed Aligning TeacheR with StudenT PreferencEs": a spelled-out name after a naming word.
  if (!/dubbed|short for|stands for|standing for|i\.e\.|:|, an? /.test(text)) return out;
  // "ARTE, dubbed Aligning TeacheR ...", "T3: Transferable Tactile Transformers, a framework",
  // "I-SHEEP, an Iterative Self-EnHancEmEnt Paradigm."
  const dub = /([\p{L}\p{N}][\p{L}\p{N}\-]*)(?:,?\s+(?:dubbed|short for|which stands for|standing for|i\.e\.,?)|:|,\s+an?)\s+([^,;:().]{4,120})/gu;
  while ((m = dub.exec(text)) !== null) {
    const sf = m[1]!;
    if (!isShortFormCandidate(sf) || !/\p{Lu}.*[\p{Lu}\p{N}]/u.test(sf)) continue;
    const cand = m[2]!.trim();
    const ws = [...cand.matchAll(/\S+/g)];
    const maxWords = Math.min(sf.length + 5, sf.length * 2);
    // longest prefix of the phrase (up to the clause end) that spells the short form
    for (let n = Math.min(ws.length, maxWords); n >= 1; n--) {
      const w = ws[n - 1]!;
      const lf = cand.slice(0, w.index! + w[0].length);
      // After a colon the whole clause must spell the short form by word initials ("T3: Transferable
      // Tactile Transformers"), or a title such as "EVA: Exploring the Limits of..." would define EVA.
      const colon = /^[^\s,]+:/.test(m[0]);
      // after "X, a/an" only a capitalised phrase is a spelled-out name
      if (/,\s+an?\s/.test(m[0]) && !/dubbed|short for|stands for|standing for|i\.e\./.test(m[0]) && !/^\p{Lu}\S*(\s+\S+)*\s+\p{Lu}\S*$/u.test(lf)) continue;
      const ok = colon
        ? n === ws.length && matchInitials(sf.replace(/(\p{L})(\d)/gu, (_m, c: string, d: string) => c.repeat(Math.min(4, Number(d)) || 1)), lf) === 0
        : bestLongFormStart(sf, lf) === 0;
      if (ok && coversLast(sf, lf) && valid(sf, lf)) {
        const sfStart = m.index;
        const lfStart = m.index + m[0].indexOf(cand);
        out.push({ short: sf, long: lf, shortStart: sfStart, shortEnd: sfStart + sf.length, longStart: lfStart, longEnd: lfStart + lf.length });
        break;
      }
    }
  }
  return out;
}

/** The short form's last letter falls in the long form's last word. */
function coversLast(sf: string, lf: string): boolean {
  const last = sf.replace(/[^\p{L}]/gu, '').slice(-1).toLowerCase();
  const lw = lf.split(/\s+/).pop() ?? '';
  return lw.toLowerCase().includes(last);
}

// `long form (SF)`: search at most min(|SF|+5, 2|SF|) words before the parenthesis.
function longBefore(text: string, open: number, sf: string, sfStart: number): AcronymDefinition | null {
  const prefix = text.slice(0, open).replace(/\s+$/, '');
  // Stop at clause punctuation: the long form does not span a colon or semicolon.
  const clauseStart = Math.max(prefix.lastIndexOf(';'), prefix.lastIndexOf(':'), prefix.lastIndexOf('('), prefix.lastIndexOf(')')) + 1;
  const maxWords = Math.min(sf.length + 5, sf.length * 2);
  const ws = [...prefix.slice(clauseStart).matchAll(/\S+/g)];
  const take = ws.slice(Math.max(0, ws.length - maxWords));
  if (take.length === 0) return null;
  const base = clauseStart + take[0]!.index!;
  const cand = prefix.slice(base);
  const rel = bestLongFormStart(sf, cand);
  if (rel < 0) return null;
  let long = cand.slice(rel);
  let longStart = base + rel;
  // Leading punctuation such as a quote or a comma-glued word is not part of the name.
  const lead = /^[^\p{L}\p{N}]+/u.exec(long)?.[0].length ?? 0;
  long = long.slice(lead);
  longStart += lead;
  long = long.replace(/[^\p{L}\p{N})+]+$/u, '');
  if (!valid(sf, long)) return null;
  return { short: sf, long, shortStart: sfStart, shortEnd: sfStart + sf.length, longStart, longEnd: longStart + long.length };
}

// `SF (long form)`: the word before the parenthesis is the short form.
function shortBefore(text: string, open: number, inner: string, innerStart: number): AcronymDefinition | null {
  const prefix = text.slice(0, open);
  const wm = /([\p{L}\p{N}][\p{L}\p{N}\-]*)\s*$/u.exec(prefix);
  if (!wm) return null;
  const sf = wm[1]!;
  if (!isShortFormCandidate(sf) || !/\p{Lu}/u.test(sf)) return null;
  const rel = bestLongFormStart(sf, inner);
  // The whole parenthesis must be the definition.
  if (rel !== 0) return null;
  if (!valid(sf, inner)) return null;
  return { short: sf, long: inner, shortStart: wm.index, shortEnd: wm.index + sf.length, longStart: innerStart, longEnd: innerStart + inner.length };
}

function valid(sf: string, long: string): boolean {
  if (long.length <= sf.length) return false;
  const n = words(long).length;
  if (n > Math.min(sf.length + 5, sf.length * 2)) return false;
  // The long form must not contain the short form as a word.
  if (long.split(/[^\p{L}\p{N}]+/u).includes(sf)) return false;
  // A long form that starts with a digit or is one word equal to the short form plus noise is not a definition,
  // unless the short form spells that first word too: "3D Kelp Mesh Network (3DKMN)", "2-hop Kelp Walks (2-KW)"
  if (/^\p{N}/u.test(long) && !(/^\p{N}+-?\p{L}/u.test(long) && long.startsWith(/^\p{N}+/u.exec(sf)?.[0] ?? '-'))) return false;
  // "a reef tagging (ART)": an article spells no initial of a name
  if (/^(?:a|an|the)\s/.test(long)) return false;
  // ("Kelpo, a family of reef detectors (Kelpo-S, ...)": a name and its appositive are no long form)
  if (/,\s+(?:a|an|the|our)\s/.test(long)) return false;
  return true;
}
