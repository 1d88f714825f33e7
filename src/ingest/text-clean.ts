// Abstracts arrive with markup from their sources (HTML from web pages, JATS
// from Crossref/OpenAlex, LaTeX from arXiv). The extractor and the search index
// want plain text, so markup is turned into the text a reader would see; the
// record is kept. Each rule is written so ordinary prose passes unchanged
// (`n<100`, `<mask>` tokens, `~5%`, `$5 and $10` are not markup). Markup
// left over by the rules goes through sanitize-html (an allow-list sanitiser
// with nothing allowed), so no active HTML is ever stored.
import sanitizeHtml from 'sanitize-html';

const GREEK: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ', vartheta: 'ϑ',
  iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', upsilon: 'υ',
  phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π',
  Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
};

const ENTITIES: Record<string, string> = {
  ...GREEK, amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', times: '×',
  le: '≤', ge: '≥', ne: '≠', plusmn: '±', middot: '·', deg: '°', minus: '−', rarr: '→', larr: '←', lsquo: '‘', rsquo: '’',
  ldquo: '“', rdquo: '”', shy: '', zwj: '', zwnj: '', thinsp: ' ', ensp: ' ', emsp: ' ',
};

// LaTeX commands without an argument that stand for a symbol or letter.
const SYMBOLS: Record<string, string> = {
  ...GREEK, times: '×', cdot: '·', pm: '±', leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠', ne: '≠', approx: '≈', sim: '~',
  infty: '∞', to: '→', rightarrow: '→', leftarrow: '←', Rightarrow: '⇒', in: '∈', ell: 'ℓ', ldots: '…', dots: '…', cdots: '…',
  ll: '≪', gg: '≫', mid: '|', propto: '∝', equiv: '≡', subset: '⊂', subseteq: '⊆', cap: '∩', cup: '∪', forall: '∀',
  exists: '∃', circ: '∘', top: '⊤', prime: '′', partial: '∂', nabla: '∇', sum: '∑', prod: '∏', sqrt: '√', ss: 'ß', o: 'ø', O: 'Ø', aa: 'å', AA: 'Å', ae: 'æ', AE: 'Æ',
  oe: 'œ', l: 'ł', L: 'Ł', i: 'ı', textendash: '–', textemdash: '—',
};

// Commands whose argument is not part of the running text (citations, labels).
const DROP_WITH_ARG = /^(?:cite[a-zA-Z]*|nocite|ref|eqref|autoref|cref|Cref|pageref|label|footnote|footnotemark|hspace|vspace|thanks|includegraphics)$/;
// Argument-less commands that only change typesetting.
const SILENT = /^(?:bf|it|rm|sf|tt|em|sc|sl|small|large|Large|LARGE|normalsize|footnotesize|scriptsize|tiny|huge|Huge|noindent|newline|par|quad|qquad|left|right|big|Big|bigg|Bigg|displaystyle|textstyle|hline|centering|relax|xspace|nolinebreak|linebreak|smallskip|medskip|bigskip)$/;

const ACCENTS: Record<string, string> = { "'": '\u0301', '`': '\u0300', '"': '\u0308', '^': '\u0302', '~': '\u0303', '=': '\u0304', '.': '\u0307', c: '\u0327', v: '\u030c', u: '\u0306', H: '\u030b' };

// HTML/JATS/MathML tags by what they do to the text around them: inline ones
// vanish (`CO<sub>2</sub>` -> `CO2`), block ones separate words. Unknown
// `<words>` are kept: abstracts talk about `<mask>` and `<eos>` tokens.
const INLINE_TAGS = new Set(
  (
    'a abbr b bdi bdo big cite code del dfn em font i ins kbd mark q samp small span strike strong sub sup tt u var italic bold ' +
    'monospace sc underline inline-formula math mi mn mo ms mtext msub msup msubsup mrow mfrac mover munder mstyle semantics annotation'
  ).split(' '),
);
const BLOCK_TAGS = new Set(
  'address article aside blockquote br caption center dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr img li main nav ol p pre section table tbody td tfoot th thead tr ul title sec list list-item abstract disp-formula'.split(
    ' ',
  ),
);

// Whatever any rule below could change. Most abstracts contain none of it, and
// one scan to learn that is much cheaper than running every rule (ingest runs
// this on every title, abstract and author name).
const NEEDS_WORK = /[<&\\$~`\u0000-\u001f\u007f-\u009f\u00a0\u00ad\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\ufffd\ud800-\udfff]|''| [\s.,;:!?)\]]|[([] /;
const NEEDS_INLINE = /[\u0000-\u001f\u007f-\u009f\u00a0\u00ad\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\ufffd\ud800-\udfff]|  /;

/** Plain text for a title, abstract or name: markup removed, whitespace collapsed. */
export function cleanText(raw: string): string {
  return cleanTextReport(raw).text;
}

/** cleanText, and whether HTML markup was removed (ingest counts such records). */
export function cleanTextReport(raw: string): { text: string; markupRemoved: boolean } {
  if (!NEEDS_WORK.test(raw)) return { text: raw.trim(), markupRemoved: false };
  // Entities first: metadata APIs often escape their markup (`&lt;sub&gt;`), and
  // decoding after stripping would leave tags that a second clean would remove.
  const decoded = decodeEntities(raw);
  const stripped = textOnly(stripHtml(decoded));
  return { text: cleanRest(stripped), markupRemoved: stripped !== decoded };
}

function cleanRest(stripped: string): string {
  let s = stripped
    .replace(/``|''/g, '"')
    // A LaTeX tie (`Fig.~3`, `work~\cite{x}`) is a space; `~5%` is prose, `/~user` a path and `\~n` an accent.
    .replace(/([\w.,)}])~(?=[\w\\(])/g, '$1 ');
  if (/[\\$]/.test(s)) s = stripLatex(s);
  return cleanInline(s)
    .replace(/ ([.,;:!?)\]])/g, '$1')
    .replace(/([([]) /g, '$1');
}

/**
 * Only what is never text: control characters, lone surrogates, zero-width
 * marks, U+FFFD from an earlier bad decode; whitespace collapsed. For ids and
 * URLs, which must not lose `~`, `$` or `_`.
 */
export function cleanInline(raw: string): string {
  if (!NEEDS_INLINE.test(raw)) return raw.trim();
  let s = raw
    // Terminal colour codes pasted from a console: the whole sequence, not just its ESC.
    .replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b\u2060\ufeff\ufffd]/g, '');
  if (/[\ud800-\udfff]/.test(s)) s = s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
  return s.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}

// Elements that act without any attribute (their content runs, embeds or
// swallows the page): never kept as a prose token, even bare and unclosed.
const ACTIVE_ELEMENTS = new Set(
  'script style iframe frame frameset object embed applet svg math template noscript noembed noframes textarea title xmp plaintext base link meta form'.split(' '),
);

/**
 * What markup is left after stripHtml (elements it does not know, with
 * whatever attributes: `<svg onload=...>`, `<details ontoggle=...>`,
 * `<iframe src=...>`) goes through sanitize-html with an empty allow-list:
 * text only, and no text at all from script, style, iframe, object, embed or
 * svg. Markup is what a browser would read as a tag: `<` then a letter, `/`,
 * `!` or `?`, up to a `>`. Two shapes are prose and kept: a `<` with no `>`
 * before the next `<` or the end (`if a<b then c`), and a bare tag-shaped word
 * that is never closed and is no active element (`<mask>`, `<eos>` tokens).
 */
function textOnly(s: string): string {
  if (!/<[a-zA-Z!?/]/.test(s)) return s;
  const prepared = s.replace(/<([^<>]*)(>?)/g, (m, inner: string, end: string) => {
    if (!/^(?:[a-zA-Z!?]|\/[a-zA-Z])/.test(inner)) return m;
    if (!end) return `&lt;${inner}`;
    const bare = /^[a-zA-Z][\w-]*$/.test(inner) && !ACTIVE_ELEMENTS.has(inner.toLowerCase()) && !new RegExp(`</${inner}\\s*>`, 'i').test(s);
    return bare ? `&lt;${inner}&gt;` : m;
  });
  const clean = sanitizeHtml(prepared, {
    allowedTags: [],
    allowedAttributes: {},
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'applet', 'svg', 'template', 'noembed', 'noframes', 'xmp'],
  });
  // sanitize-html escapes its text output for HTML; we store text.
  return clean.replace(/&(lt|gt|quot|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[e]!);
}

function stripHtml(s: string): string {
  if (!s.includes('<')) return s;
  return s
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<((?:jats:)?title)>\s*(?:abstract|summary)\s*<\/\1>/gi, ' ')
    .replace(/<\/?(?:(?:jats|mml|m):)?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]{0,300})?\/?>/g, (m, name: string) => {
      const tag = name.toLowerCase();
      return INLINE_TAGS.has(tag) ? '' : BLOCK_TAGS.has(tag) ? ' ' : m;
    });
}

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);/g, (m, e: string) => {
    if (e.startsWith('#')) {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      // Out of range or a surrogate half: not a character, so nothing.
      return code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '' : String.fromCodePoint(code);
    }
    return ENTITIES[e] ?? ENTITIES[e.toLowerCase()] ?? m;
  });
}

function stripLatex(input: string): string {
  let s = input
    // Accented letters: \'e, \"{o}, {\c c} -> é, ö, ç.
    .replace(/\\(['`"^~=.]|[cvuH](?=[\s{]))\s*(?:\{\s*([a-zA-Z])\s*\}|([a-zA-Z]))/g, (_m, acc: string, a?: string, b?: string) =>
      `${a ?? b}${ACCENTS[acc] ?? ''}`.normalize('NFC'),
    )
    .replace(/\\\\/g, ' ')
    .replace(/\\[,;:! ]/g, ' ')
    // Math: keep the content ($O(n^{2})$ -> O(n^2)); a `$` that cannot open or close inline math is a dollar sign.
    .replace(/\$\$([^$]{1,400})\$\$/g, ' $1 ')
    .replace(/\\\[([\s\S]{1,400}?)\\\]/g, ' $1 ')
    .replace(/\\\(([\s\S]{1,400}?)\\\)/g, '$1')
    .replace(/(?<!\\)\$(?=\S)([^$]{1,300}?)(?<=\S)(?<!\\)\$(?!\d)/g, '$1')
    .replace(/\\href\s*\{[^{}]*\}\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, '$1/$2');
  // Commands with an argument, innermost first, so \textbf{\emph{x}} unwraps fully.
  for (let pass = 0; pass < 4; pass++) {
    const before = s;
    s = s.replace(/\\([a-zA-Z]+)\*?\s*(?:\[[^\]{}]*\]\s*)?\{([^{}]*)\}/g, (m, cmd: string, arg: string) =>
      DROP_WITH_ARG.test(cmd) ? '' : cmd in SYMBOLS ? `${SYMBOLS[cmd]}${arg}` : arg,
    );
    if (s === before) break;
  }
  return s
    .replace(/\\([a-zA-Z]+)\*?/g, (_m, cmd: string) => (SILENT.test(cmd) ? ' ' : (SYMBOLS[cmd] ?? cmd)))
    .replace(/([\^_])\{([^{}]*)\}/g, '$1$2')
    // Grouping braces go; escaped ones (\{) are literal text.
    .replace(/(?<!\\)[{}]/g, '')
    .replace(/\\([%&#_${}])/g, '$1');
}
