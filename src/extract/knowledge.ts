// Names learned while reading (acronym definitions, names typed by a strong
// context) and shared across the papers of a corpus (ENTITIES.md: "An acronym
// defined in one abstract is known in every other abstract of the corpus").
import type { EntityType } from './types.js';
import { normalizeKey, singularKey } from './normalize.js';
import type { Token } from './text.js';

export interface KnownName {
  name: string;
  type: EntityType;
  /** Long form for acronyms, and other spellings. */
  aliases: string[];
  family?: string;
  /** 0..1 confidence of the type. */
  conf: number;
  /** Acronym: only its exact spelling matches. */
  acronym: boolean;
}

export class Knowledge {
  private readonly byKey = new Map<string, KnownName>();
  // Votes per key and type, so the corpus settles on one type per name.
  private readonly votes = new Map<string, Map<EntityType, number>>();

  private prefixCache: Set<string> | null = null;

  /** Every character prefix of every known key (cached until the next add). */
  prefixes(): Set<string> {
    if (!this.prefixCache) {
      const out = new Set<string>();
      for (const k of this.byKey.keys()) for (let p = 1; p <= k.length; p++) out.add(k.slice(0, p));
      this.prefixCache = out;
    }
    return this.prefixCache;
  }

  get size(): number {
    return this.byKey.size;
  }

  get(key: string): KnownName | undefined {
    return this.byKey.get(key);
  }

  // First-word key of each known name -> the papers that taught it, so a paper
  // that contains no name taught by another paper can skip the second reading.
  private readonly firstWords = new Map<string, Set<number>>();

  /**
   * Could a name taught by a paper other than `paper` occur in these sentences? Read by the
   * first word of each taught name, case kept (a taught "MEAN" cannot match the word
   * "mean"): every whole word, its singular, and each word's first fine token, which
   * starts names such as "GPT-4".
   */
  teachesOthers(sents: ReadonlyArray<{ tokens: readonly Token[] }>, paper: number): boolean {
    if (this.firstWords.size === 0) return false;
    const other = (w: string): boolean => {
      const src = this.firstWords.get(w);
      if (!src) return false;
      for (const p of src) if (p !== paper) return true;
      return false;
    };
    for (const s of sents) {
      const toks = s.tokens;
      let k = '';
      for (let t = 0; t < toks.length; t++) {
        const tk = toks[t]!;
        k = tk.glued ? k + tk.text : tk.text;
        const n = toks[t + 1];
        if (!n || !n.glued) {
          if (other(k)) return true;
          const singular = singularKey(k);
          if (singular !== undefined && other(singular)) return true;
        }
        if (!tk.glued && other(tk.text)) return true;
      }
    }
    return false;
  }

  add(k: KnownName, source = -1): void {
    this.prefixCache = null;
    const key = normalizeKey(k.name);
    if (key.length < 2) return;
    // case kept, as teachesOthers reads the papers
    const fw = (k.name.split(/\s+/)[0] ?? '').replace(/[^\p{L}\p{N}]+/gu, '');
    let set = this.firstWords.get(fw);
    if (!set) this.firstWords.set(fw, (set = new Set()));
    set.add(source);
    let v = this.votes.get(key);
    if (!v) this.votes.set(key, (v = new Map()));
    v.set(k.type, (v.get(k.type) ?? 0) + k.conf);
    const cur = this.byKey.get(key);
    if (!cur) {
      this.byKey.set(key, { ...k, aliases: [...k.aliases] });
      return;
    }
    for (const a of k.aliases) if (!cur.aliases.some((b) => normalizeKey(b) === normalizeKey(a))) cur.aliases.push(a);
    // One type per name: the type with most confidence-weighted votes wins.
    let best = cur.type;
    let bestScore = -1;
    for (const [t, s] of [...v.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      if (s > bestScore) {
        best = t;
        bestScore = s;
      }
    }
    cur.type = best;
    cur.conf = Math.max(cur.conf, k.conf);
    cur.acronym = cur.acronym || k.acronym;
  }
}
