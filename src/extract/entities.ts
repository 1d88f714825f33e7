// Phases 4 and 5 of extraction: the kept candidates become entities. Candidates of one name
// are one entity (its type the most confident one's, its aliases every other spelling, its
// mentions every occurrence) and the entity takes the strongest role any mention has.
import { keyOf, type Cand, type PaperContext, type Sent } from './candidate.js';
import { isAcronymGroup, type Group } from './groups.js';
import { COPY_NOUN } from './context.js';
import { isCommonWord } from './english.js';
import { isDescriptivePhrase, techniqueHead } from './heads.js';
import type { KnownName } from './knowledge.js';
import { ROLE_RANK, isComparisonStudy, isSourceDomain, mentionRole } from './roles.js';
import { UNTYPED_SHAPE_CONF } from './shape-candidates.js';
import { isNonEntityName, morphType, variantBases } from './shapes.js';
import type { EntityType, ExtractedEntity, Mention, PaperText, Role } from './types.js';

export interface Assembled {
  entities: ExtractedEntity[];
  /** Names this paper can teach the rest of the corpus. */
  learned: KnownName[];
}

export function assembleEntities(paper: PaperText, chosen: Cand[], ctx: PaperContext, sents: readonly Sent[]): Assembled {
  const entities: ExtractedEntity[] = [];
  const learned: KnownName[] = [];
  const ownNoun = ownContributionNoun(paper.abstract ?? '');
  const groups = groupByName(chosen);
  const own = ownSentences(groups);
  const weak = new Set<ExtractedEntity>();
  const untyped = new Set<ExtractedEntity>();
  for (const mentions of groups.values()) {
    const entity = entityOf(mentions, ownNoun, ctx, own);
    if (!entity) continue;
    entities.push(entity);
    if (mentions.every((c) => c.source === 'shape' && c.conf <= UNTYPED_SHAPE_CONF)) untyped.add(entity);
    if (mentions.every((c) => !c.listed && c.source === 'shape' && c.conf <= 0.6) && !ctx.index.byKey.has(entity.key)) weak.add(entity);
    const taught = teaches(entity, mentions, ctx);
    if (taught) learned.push(taught);
  }
  const merged = mergeSameName(entities);
  baselinesOfOwnKind(merged, weak);
  alignVariantsWithFamily(merged);
  usesTitleTopics(merged, paper.title);
  if (isSurvey(paper)) surveyed(merged);
  else if (isComparisonStudy(paper.title)) compareStudied(merged);
  addRepeatedMentions(merged, sents);
  const shorthand = foldShorthandHeads(merged);
  const kept = merged.filter((e) => !(untyped.has(e) && unevidenced(e)) && !shorthand.has(e));
  kept.sort((a, b) => firstPosition(a) - firstPosition(b));
  return { entities: kept, learned };
}

/**
 * "We apply tidal token pruning ... Pruning halves its latency": a bare technique (or task) head the paper
 * also names with its modifiers is a shorthand for that technique, no second one; its mentions join the
 * technique's. Returns the shorthand entities folded.
 */
function foldShorthandHeads(entities: readonly ExtractedEntity[]): Set<ExtractedEntity> {
  const out = new Set<ExtractedEntity>();
  for (const e of entities) {
    // (in lower case, or capitalised only to open a sentence: "Pruning halves ...")
    if ((e.type !== 'method' && e.type !== 'task') || !/^\p{L}[\p{Ll}-]*$/u.test(e.name) || e.role === 'proposes') continue;
    const head = e.name.toLowerCase();
    // (a technique term in lower case: a Title-Case name, "Progressive Kelp Distillation", is one system applying the technique)
    const full = entities.find((o) => o !== e && o.type === e.type && /\s/.test(o.name) && !/\p{Lu}/u.test(o.name) && o.name.endsWith(` ${head}`));
    if (!full) continue;
    full.mentions.push(...e.mentions);
    full.mentions.sort((a, b) => (a.field === b.field ? a.start - b.start : a.field === 'title' ? -1 : 1));
    out.add(e);
  }
  return out;
}

/**
 * A name-shaped word that no list, definition, context or spelling typed ("ward ICP readings",
 * "normalised to QTIME7", "a UV lamp"), met once, that the paper neither proposes nor compares or tests
 * on, and that is no variant of a name the paper uses: as likely a unit, a standard, a device
 * or a field's abbreviation as a technique, so it is left out rather than reported as a method.
 */
function unevidenced(e: ExtractedEntity): boolean {
  return e.type === 'method' && e.confidence <= UNTYPED_SHAPE_CONF && e.mentions.length < 2 && !e.family && (e.role === 'uses' || e.role === 'mentions');
}

/**
 * Sentences that name the paper's own contribution ("KelpNet improves ... with Gannet-B"): they speak
 * of the paper, whatever background words they hold ("the recent part-based method Puffin-Net").
 */
function ownSentences(groups: Map<Group, Cand[]>): Set<Sent> {
  const out = new Set<Sent>();
  for (const cs of groups.values()) if (cs.some((c) => c.titleHead || c.proposed)) for (const c of cs) if (!c.sent.isTitle) out.add(c.sent);
  return out;
}

/**
 * Candidates by name group. A name typed confidently in one place (a chunk typed by its
 * context) gives its type to its weaker, untyped occurrences elsewhere.
 */
function groupByName(chosen: Cand[]): Map<Group, Cand[]> {
  const bestType = new Map<Group, { type: EntityType; conf: number }>();
  for (const c of chosen) {
    if (!c.type) continue;
    const b = bestType.get(c.group);
    if (!b || c.conf > b.conf) bestType.set(c.group, { type: c.type, conf: c.conf });
  }
  const groups = new Map<Group, Cand[]>();
  for (const c of chosen) {
    const bt = bestType.get(c.group);
    if (bt && (c.source === 'shape' || c.source === 'known') && c.conf < bt.conf) {
      c.type = bt.type;
      c.conf = bt.conf;
    }
    if (!c.type) c.type = 'method';
    const g = groups.get(c.group);
    if (g) g.push(c);
    else groups.set(c.group, [c]);
  }
  return groups;
}

// The nouns after a site's name that make it the site's content: "a Wikipedia dump", "Reddit threads"
const CONTENT_NOUN = /^(?:corpus|corpora|dataset|datasets|data|text|articles|pages|posts|threads|comments)$/;

/** Does this mention name data: a content noun right after it, or a dataset context that is not "from X"? */
function namesData(c: Cand): boolean {
  const next = c.sent.tokens[c.j + 1];
  if (next && !next.glued && (COPY_NOUN.test(next.key) || CONTENT_NOUN.test(next.key))) return true;
  return c.type === 'dataset' && c.conf >= 0.6 && c.sent.tokens[c.i - 1]?.key !== 'from';
}

function entityOf(cs: Cand[], ownNoun: 'method' | 'model' | null, ctx: PaperContext, own: ReadonlySet<Sent>): ExtractedEntity | null {
  const first = cs.find((c) => c.source === 'acronym' || c.source === 'known') ?? cs[0]!;
  const best = cs.reduce((b, c) => (c.conf > b.conf ? c : b), cs[0]!);
  let type = best.type ?? 'method';
  // The paper's own unlisted name, typed only by its spelling: "our method" / "our model" decides
  // (ENTITIES.md: a procedure is a method, a released system a model).
  // A technique head ("... fine-tuning") says procedure whatever the paper calls its system.
  const techniqueNamed = type === 'method' && techniqueHead(best.text.split(/\s+/).pop() ?? '') !== '';
  if (ownNoun && !techniqueNamed && best.conf <= 0.6 && (type === 'model' || type === 'method') && cs.every((c) => !c.listed && (c.source === 'shape' || c.source === 'phrase'))) {
    if (cs.some((c) => c.titleHead || c.proposed || c.named)) type = ownNoun;
  }
  const name = first.name;
  const key = keyOf(name);
  if (key.length < 2 || isNonEntityName(name, type === 'dataset' && cs.some(namesData))) return null;
  // "a flexible transformer", "pretrained language models": a description, unless a list or an acronym names it
  if ((type === 'method' || type === 'model') && isDescriptivePhrase(name) && !ctx.index.byKey.has(key) && cs.every((c) => c.source !== 'acronym' && c.source !== 'long')) return null;
  const aliases = new Map<string, string>();
  for (const c of cs) {
    for (const a of [...c.aliases, c.family, c.name, c.text]) {
      if (!a) continue;
      const k = keyOf(a);
      if (k && k !== key && !aliases.has(k)) aliases.set(k, a);
    }
  }
  if (type === 'dataset') for (const c of cs) addNounSpelling(c, aliases);
  const family = cs.find((c) => c.family)?.family;
  const listed = cs.some((x) => x.listed);
  let role: Role = 'mentions';
  const mentions: Mention[] = [];
  for (const c of cs) {
    const cues = c.sent.cues.background && own.has(c.sent) ? { ...c.sent.cues, background: false, prior: false } : c.sent.cues;
    const r = mentionRole(type, cues, c.sent.tokens, c.i, { named: c.named, titleHead: c.titleHead, isTitle: c.sent.isTitle, proposed: c.proposed, listed, defined: c.source === 'acronym' || c.source === 'long', listedName: ctx.index.byKey.has(key), source: isSourceDomain(c.sent.tokens, c.j, c.sent), sentence: c.sent });
    if (ROLE_RANK[r] > ROLE_RANK[role]) role = r;
    mentions.push({ text: c.text, start: c.start, end: c.end, field: c.sent.field, sentence: c.sent.text });
  }
  // Only the title mentions it (no cue in the abstract): the paper works with it.
  if (cs.every((c) => c.sent.isTitle) && role === 'mentions') role = type === 'dataset' ? 'evaluates_on' : 'uses';
  const conf = Math.min(0.99, Math.max(...cs.map((c) => c.conf)) + Math.min(0.1, 0.03 * (cs.length - 1)));
  const entity: ExtractedEntity = { type, name, key, aliases: [...aliases.values()], role, confidence: Math.round(conf * 1000) / 1000, mentions };
  if (family && keyOf(family) !== key) entity.family = family;
  return entity;
}

// A data noun after a name inside a sentence is part of how the resource is called ("the Kelp Open Dataset";
// in lower case after a name no list holds, "the Gannet Harbour benchmark", also past a word or two that say
// what it holds, "the KelpCell fast-charging dataset"; a recorded log, "the Reef Nimbus GPU trace"), and papers cite it by either spelling
const NAME_NOUN = /^\s+(Dataset|Benchmark|Corpus|Atlas)\b/;
const LOWER_NAME_NOUN = /^\s+((?:[\p{Ll}][\p{Ll}-]*\s+){0,2}(?:dataset|benchmark|corpus|atlas|traces?))\b/u;

/** "the Reef Motion Dataset": the spelling with its noun is an alias of "Reef Motion" (a title capitalises every noun). */
function addNounSpelling(c: Cand, aliases: Map<string, string>): void {
  if (c.sent.isTitle) return;
  const after = c.sent.text.slice(c.end - c.sent.start);
  const m = NAME_NOUN.exec(after) ?? (!c.listed && c.source !== 'lexicon' ? LOWER_NAME_NOUN.exec(after) : null);
  if (!m) return;
  const spelled = `${c.text} ${m[1]}`;
  if (!aliases.has(keyOf(spelled))) aliases.set(keyOf(spelled), spelled);
}

/**
 * A baseline only a comparison typed ("outperforms Kelpcache") is of the kind the paper proposes:
 * a method is measured against methods, a model against models. Not one whose spelling types it
 * ("Gannet-7B", "KelpNet" are models whatever they are compared with).
 */
function baselinesOfOwnKind(entities: ExtractedEntity[], weak: ReadonlySet<ExtractedEntity>): void {
  const kinds = new Set(entities.filter((e) => e.role === 'proposes' && (e.type === 'model' || e.type === 'method')).map((e) => e.type));
  if (kinds.size !== 1) return;
  const kind = [...kinds][0]!;
  for (const e of entities) if (weak.has(e) && e.role === 'compares_with' && (e.type === 'model' || e.type === 'method') && !morphType(e.name)) e.type = kind;
}

/**
 * "Kelp: Cached Labels for Cross-Lingual Knowledge Distillation" and "Knowledge distillation (KD)
 * trains ...": a technique or system the title names, or the one the abstract opens with as its
 * subject, is what the paper works with, though the abstract speaks of it only as background.
 */
function usesTitleTopics(entities: ExtractedEntity[], title: string): void {
  const t = keyOf(title);
  for (const e of entities) {
    if (e.role !== 'mentions' || (e.type !== 'method' && e.type !== 'model')) continue;
    // ("Kelp decoding accelerates generation by ..." opening the abstract: the technique the paper works within)
    if (e.mentions.some((m) => m.field === 'abstract' && m.start === 0)) {
      e.role = 'uses';
      continue;
    }
    // (its own spellings, not its family's: "progressive distillation" is not named by a title's "Distillation")
    const family = e.family ? keyOf(e.family) : '';
    if ([e.name, ...e.aliases].some((a) => keyOf(a).length >= 4 && keyOf(a) !== family && t.includes(keyOf(a)))) e.role = 'uses';
  }
}

/**
 * Names match whatever their case and punctuation (ENTITIES.md), so "dasNet" and a sentence-initial
 * "DasNet" reached through different rules are one entity: the more confident one's type, every
 * mention and alias, the strongest role.
 */
function mergeSameName(entities: ExtractedEntity[]): ExtractedEntity[] {
  const byKey = new Map<string, ExtractedEntity>();
  for (const e of entities) {
    const o = byKey.get(e.key);
    if (!o) {
      byKey.set(e.key, e);
      continue;
    }
    const [keep, other] = e.confidence > o.confidence ? [e, o] : [o, e];
    const aliases = new Map(keep.aliases.map((a) => [keyOf(a), a]));
    for (const a of [other.name, ...other.aliases]) if (keyOf(a) !== keep.key && !aliases.has(keyOf(a))) aliases.set(keyOf(a), a);
    const role = ROLE_RANK[other.role] > ROLE_RANK[keep.role] ? other.role : keep.role;
    const mentions = [...o.mentions, ...e.mentions];
    const family = keep.family ?? other.family;
    byKey.set(e.key, { ...keep, aliases: [...aliases.values()], role, mentions, ...(family ? { family } : {}) });
  }
  return byKey.size === entities.length ? entities : [...byKey.values()];
}

/**
 * "a deeper DPN (DPN-131)": a sized or numbered variant of a name the paper itself names is of
 * the same kind (a model's variant is no method) and, when the paper proposes the name, the
 * paper's own too, whatever verb its sentence has ("DPN-131 surpasses ...").
 */
function alignVariantsWithFamily(entities: ExtractedEntity[]): void {
  const byKey = new Map(entities.map((e) => [e.key, e]));
  for (const e of entities) {
    let base = e.family ? byKey.get(keyOf(e.family)) : undefined;
    if (!base && !e.family) {
      // an unlisted variant ("Tarnet-152") of a name the paper uses: the same family link a listed one gets
      base = variantBases(e.name).map((b) => byKey.get(keyOf(b))).find((b) => b !== undefined && b !== e);
      if (base) e.family = base.name;
    }
    if (!base) continue;
    if (e.type === 'method' && (base.type === 'model' || base.type === 'dataset')) e.type = base.type;
    if (base.role === 'proposes') e.role = 'proposes';
  }
}

// "X: A Survey", "A Structured Review of ...", "this survey groups ...": a paper that reviews a field
const SURVEY_TITLE = /\b(?:An?|The)\s+(?:[\w-]+\s+){0,2}(?:Survey|Review|Overview)\b|\b(?:Survey|Review|Overview)\s+(?:of|on)\b/;
// (not "we review the limits of X", which papers proposing Y also write)
const SURVEY_ABSTRACT = /\b(?:this|our) survey\b|\bwe survey\b|\bthis paper surveys\b/i;

function isSurvey(paper: PaperText): boolean {
  return SURVEY_TITLE.test(paper.title ?? '') || SURVEY_ABSTRACT.test(paper.abstract ?? '');
}

/** A survey names the systems, data and techniques of its field without using or testing them: it mentions them (unless it releases its own). */
function surveyed(entities: ExtractedEntity[]): void {
  for (const e of entities) if (e.role !== 'proposes') e.role = 'mentions';
}

/**
 * "A Controlled Comparison of Word Embeddings": a study that proposes nothing of its own
 * measures the systems it runs against each other, so each one it uses is one it compares with.
 */
function compareStudied(entities: ExtractedEntity[]): void {
  const system = (e: ExtractedEntity) => e.type === 'model' || e.type === 'method';
  // (a benchmark paper's own dataset makes the systems it runs ones it uses on it)
  if (entities.some((e) => e.role === 'proposes')) return;
  // (named systems only: a technique it applies to all, "pretraining", or a class, "SSMs", is used)
  const named = (e: ExtractedEntity) => /[\p{Lu}\p{N}]/u.test(e.name) && !/^\p{Lu}+s$/u.test(e.name);
  // (nor is a part every studied system is built on: "each run on a KelpNet-18 encoder")
  const component = (e: ExtractedEntity) =>
    e.mentions.some((m) => {
      const k = m.sentence.indexOf(m.text);
      return k >= 0 && COMPONENT_AFTER.test(m.sentence.slice(k + m.text.length));
    });
  for (const e of entities) if (system(e) && named(e) && e.role === 'uses' && !component(e)) e.role = 'compares_with';
}

/**
 * A name said again is the same entity: every further occurrence of an entity's spellings is a
 * mention of it (the rules fire where a context types a name, not at each repetition), unless a
 * mention of any entity already covers it. A spelling in lower case matches in any case
 * ("Pruning" opening a sentence); one with capitals or digits only as written, and never inside a
 * longer word ("Kelp" in "MegaKelp" or in "Kelp-2").
 */
function addRepeatedMentions(entities: ExtractedEntity[], sents: readonly Sent[]): void {
  const lower = sents.map((s) => s.text.toLowerCase());
  const taken = (field: string, a: number, b: number): boolean =>
    entities.some((e) => e.mentions.some((m) => m.field === field && m.start < b && a < m.end));
  for (const e of entities) {
    const added: Mention[] = [];
    for (const spelling of new Set([e.name, ...e.aliases])) {
      if (spelling.length < 2) continue;
      const anyCase = spelling === spelling.toLowerCase();
      for (const [n, s] of sents.entries()) {
        const hay = anyCase ? lower[n]! : s.text;
        for (let k = hay.indexOf(spelling); k >= 0; k = hay.indexOf(spelling, k + 1)) {
          const a = s.start + k;
          const b = a + spelling.length;
          if (NAME_CHAR.test(s.text[k - 1] ?? ' ') || NAME_CHAR.test(s.text[k + spelling.length] ?? ' ')) continue;
          if (taken(s.field, a, b) || added.some((m) => m.field === s.field && m.start < b && a < m.end)) continue;
          added.push({ text: s.text.slice(k, k + spelling.length), start: a, end: b, field: s.field, sentence: s.text });
        }
      }
    }
    if (added.length === 0) continue;
    e.mentions.push(...added);
    e.mentions.sort((x, y) => (x.field === y.field ? x.start - y.start : x.field === 'title' ? -1 : 1));
  }
}

// (a letter, digit, hyphen or joining mark next to a match makes it part of a longer word)
const NAME_CHAR = /[\p{L}\p{N}\-_+\/]/u;

const COMPONENT_AFTER = /^\s+(?:backbones?|encoders?|decoders?|generators?|discriminators?|architectures?|features|tokenizers?)\b/;

/** What an entity teaches the corpus: acronyms and names typed by a strong context. */
function teaches(e: ExtractedEntity, cs: Cand[], ctx: PaperContext): KnownName | null {
  const first = cs.find((c) => c.source === 'acronym' || c.source === 'known') ?? cs[0]!;
  const strong = cs.some((c) => c.source === 'acronym' || c.source === 'long' || (c.source === 'shape' && c.conf >= 0.75));
  // Listed names are known everywhere already, unless this spelling (an acronym) is new.
  if (!strong || first.source === 'lexicon' || (cs.some((c) => c.listed) && ctx.index.byKey.has(e.key))) return null;
  // ("the Reefset suites (Coral, Object, Tide)": a word of the language names a dataset in its own
  // paper's list; in other papers it is the word again, "Object Motion", "Tide-Aware")
  if (/^\p{Lu}\p{Ll}+$/u.test(e.name) && isCommonWord(e.name.toLowerCase())) return null;
  const acronym = first.source === 'acronym' || first.source === 'long' || (first.source === 'known' && isAcronymGroup(first.group));
  return { name: e.name, type: e.type, aliases: e.aliases, family: e.family, conf: Math.max(...cs.map((c) => c.conf)), acronym };
}

function firstPosition(e: ExtractedEntity): number {
  const m = e.mentions[0];
  if (!m) return 0;
  return (m.field === 'title' ? 0 : 1e6) + m.start;
}

/** How the abstract refers to its own contribution: "our method/approach" or "our model/network". */
function ownContributionNoun(abstract: string): 'method' | 'model' | null {
  const re = /\bour (?:proposed |new |novel )?(method|approach|framework|technique|algorithm|model|network|architecture|system)s?\b/gi;
  let method = 0;
  let model = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(abstract)) !== null) {
    if (/^(model|network|architecture|system)$/i.test(m[1]!)) model++;
    else method++;
  }
  if (method > model) return 'method';
  if (model > method) return 'model';
  return null;
}
