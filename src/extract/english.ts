// English knowledge borrowed from compromise: its lexicon (part of speech of
// ~25k common words) and its verb conjugator. We use them as lookup tables
// rather than running compromise's full tagger on every abstract: the tagger
// splits `GPT-4`, tags `BERT`/`Adam` as people and is ~10x slower than what
// the extractor needs. Person/place tags are deliberately not trusted for
// words the ML lexicon or the shape rules already claim.
import nlp from 'compromise';

type Lex = Record<string, string | string[]>;
const LEX: Lex = (nlp.model() as unknown as { one: { lexicon: Lex } }).one.lexicon;

// A Map of first tags: the lexicon object has ~25k keys (dictionary mode), and every word of
// every abstract is looked up several times.
const TAGS = new Map<string, string>();
for (const [word, t] of Object.entries(LEX)) {
  const first = Array.isArray(t) ? t[0] : t;
  if (first !== undefined) TAGS.set(word, first);
}

function tagOf(lower: string): string | undefined {
  return TAGS.get(lower);
}

const FUNCTION_TAGS = new Set([
  'Determiner', 'Preposition', 'Pronoun', 'Conjunction', 'Possessive', 'Copula', 'Modal', 'QuestionWord',
  'Adverb', 'Auxiliary', 'Negative',
]);
const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'Honorific']);
const PLACE_TAGS = new Set(['Country', 'City', 'Region', 'Place', 'Month', 'WeekDay', 'Demonym', 'Currency', 'Organization']);

// Words compromise does not list (it infers them by suffix) but that are plain
// English in abstracts, so a capitalised one is a sentence start, not a name.
const EXTRA_COMMON = new Set(
  (
    'firstly secondly thirdly lastly specifically additionally furthermore moreover however therefore thus hence finally first second third ' +
    'recently previously experimentally empirically notably importantly overall existing current recent ' +
    'natural method methods approach approaches framework results experiments extensive comprehensive ' +
    'instead unlike compared despite although while since given based using via through towards toward ' +
    'learning deep neural network networks model models language large data dataset datasets benchmark ' +
    'benchmarks task tasks training inference evaluation analysis performance state art novel new our ' +
    'this these those such many most several various multiple other each both all any some few ' +
    'english chinese french german spanish japanese korean arabic hindi russian portuguese italian dutch african european asian american'
  ).split(' '),
);

/** Part of speech compromise's lexicon gives a lower-case word, if it lists it. */
export function lexTag(lower: string): string | undefined {
  return tagOf(lower);
}

/** "better", "lower", "cheaper", "fewer": a comparative, as compromise tags it or as -er on an adjective. */
export function isComparative(lower: string): boolean {
  if (lower === 'more' || lower === 'less' || lower === 'fewer') return true;
  const tag = lexTag(lower);
  if (tag === 'Comparative') return true;
  // ("layer", "number": a listed noun, whatever adjective its stem is)
  if (tag === 'Singular' || tag === 'Plural' || tag === 'Uncountable' || tag === 'Noun' || tag === 'Actor') return false;
  const m = /^(\p{Ll}{3,}?)(e?)r$/u.exec(lower);
  return m !== null && (lexTag(m[1]!) === 'Adjective' || lexTag(m[1]! + m[2]!) === 'Adjective');
}

/** A closed-class word (determiner, preposition, pronoun, conjunction, adverb...). */
export function isFunctionWord(lower: string): boolean {
  const t = tagOf(lower);
  return t !== undefined && FUNCTION_TAGS.has(t);
}

/** A word compromise knows as ordinary English (not a person or place name). */
export function isCommonWord(lower: string): boolean {
  if (EXTRA_COMMON.has(lower)) return true;
  const t = tagOf(lower);
  return t !== undefined && !NAME_TAGS.has(t) && !PLACE_TAGS.has(t);
}

/** Does an unlisted word end as an adjective, a verb or an adverb does ("lexical", "tokenize", "quickly"), not as a noun? */
export function endsLikeModifier(lower: string): boolean {
  return /(?:al|ic|ive|ous|ary|ed|ize|ise|ify|ate|ing|ly|ful|less|able|ible)$/.test(lower);
}

/**
 * An adverb: compromise lists the common ones and infers the rest by their -ly ending
 * ("consequently", "basically"), which its lexicon therefore leaves out.
 */
export function isAdverb(lower: string): boolean {
  const t = tagOf(lower);
  return t === 'Adverb' || (t === undefined && /^\p{Ll}{3,}ly$/u.test(lower));
}

/** A word compromise lists as a place, month, demonym or organisation. */
export function isPlaceLike(lower: string): boolean {
  const t = tagOf(lower);
  return t !== undefined && PLACE_TAGS.has(t);
}

/** Regular English inflections, for verbs compromise does not conjugate (outperform). */
function regularForms(base: string): string[] {
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const third = /(s|sh|ch|x)$/.test(base) ? base + 'es' : base + 's';
  return [base, third, stem + 'ed', stem + 'ing'];
}

/**
 * Inflections of many verbs at once (propose -> proposes, proposed, proposing),
 * from compromise's conjugator. One document for all verbs: compromise's per-call
 * setup dominates, so batching keeps module start-up short.
 */
export function verbFormsAll(infinitives: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const v of infinitives) out.set(v, regularForms(v));
  const doc = nlp(infinitives.map((v) => `we ${v}.`).join(' '));
  const conj = doc.verbs().conjugate() as Array<Record<string, string>>;
  for (const c of conj) {
    const inf = c['Infinitive']?.toLowerCase();
    if (!inf || !out.has(inf)) continue;
    const forms = new Set<string>([inf]);
    for (const [k, v] of Object.entries(c)) if (k !== 'FutureTense' && typeof v === 'string') forms.add(v.toLowerCase());
    out.set(inf, [...forms]);
  }
  return out;
}

// Languages by ISO code and English name, as translation test sets name their direction.
const LANGUAGE = new Set(
  ('en de fr ro cs zh ja ru es it pt fi tr et lv lt vi ko ar hi ne si gu kk nl pl uk sv da no hu el he fa id th ta te bn ur sw ' +
    'english german french romanian czech chinese japanese russian spanish italian portuguese finnish turkish estonian latvian ' +
    'lithuanian vietnamese korean arabic hindi nepali sinhala gujarati kazakh dutch polish ukrainian swedish danish hungarian greek hebrew persian ' +
    // the languages multilingual and low-resource work names, by region
    'afrikaans amharic hausa igbo yoruba swahili zulu xhosa wolof somali oromo tigrinya kinyarwanda lingala luganda shona twi ewe akan setswana sesotho malagasy ' +
    'quechua guarani aymara nahuatl mapudungun haitian ' +
    'bengali marathi tamil telugu kannada malayalam punjabi odia assamese urdu sindhi pashto dari tajik uzbek kyrgyz turkmen azerbaijani mongolian tibetan uyghur ' +
    'burmese khmer lao thai malay indonesian javanese sundanese tagalog filipino cebuano cantonese mandarin ' +
    'albanian armenian georgian basque catalan galician welsh irish icelandic maltese luxembourgish bulgarian croatian serbian bosnian slovak slovenian macedonian belarusian norwegian kurdish yiddish latin esperanto')
    .split(' '),
);

/** A language by its English name or ISO code, lower case ("german", "de"). */
export function isLanguageName(lower: string): boolean {
  return LANGUAGE.has(lower);
}
