import { describe, expect, it } from 'vitest';
import { cleanInline, cleanText, cleanTextReport } from '../../../src/ingest/text-clean.js';
import { validatePaper } from '../../../src/ingest/validate.js';

describe('cleanText', () => {
  it.each([
    // HTML, JATS and entities
    ['<p>We use <b>CO<sub>2</sub></b> &amp; H<sub>2</sub>O.</p>', 'We use CO2 & H2O.'],
    ['x<sup>2</sup> grows<br/>fast', 'x2 grows fast'],
    ['<jats:title>Abstract</jats:title><jats:p>Graphs <jats:italic>help</jats:italic>.</jats:p>', 'Graphs help.'],
    ['A <a href="https://x.org/p?a=1&amp;b=2">link</a> here', 'A link here'],
    ['&lt;i&gt;escaped&lt;/i&gt; markup is markup; &alpha; &#946; &#x3b3; &hellip; n &lt; 5 &lt;mask&gt;', 'escaped markup is markup; α β γ … n < 5 <mask>'],
    ['bad refs &#1114112; &#xD800; &bogus; stay safe', 'bad refs &bogus; stay safe'],
    // Prose that only looks like markup
    ['for n<100 and m>5 tokens', 'for n<100 and m>5 tokens'],
    ['predict the <mask> token before <eos>', 'predict the <mask> token before <eos>'],
    ['costs $5 and $10 per run, ~5% less', 'costs $5 and $10 per run, ~5% less'],
    // LaTeX
    ['We train \\emph{AlphaNet}~\\cite{lee2020,kim2021} on $x^{2}$ features.', 'We train AlphaNet on x^2 features.'],
    ['\\textbf{\\emph{Nested}} and \\textit{plain} text', 'Nested and plain text'],
    ['runs in $O(n \\log n)$ with $\\alpha=0.5$ and $\\ell_1$ loss', 'runs in O(n log n) with α=0.5 and ℓ_1 loss'],
    ['see Fig.~3; as in Sec.~\\ref{sec:exp}, it works', 'see Fig. 3; as in Sec., it works'],
    ['Monge-Amp\\`ere and Schr\\"{o}dinger and \\c{c}a', 'Monge-Ampère and Schrödinger and ça'],
    ['a ``quoted\'\' word, 50\\% better, \\$3 cheaper', 'a "quoted" word, 50% better, $3 cheaper'],
    ['\\frac{1}{2} of \\mathbb{R}^{d} \\footnote{a note} done', '1/2 of R^d done'],
    ['code at \\url{https://github.com/org/repo} and \\href{https://x.io}{our site}', 'code at https://github.com/org/repo and our site'],
    ['{BERT}-style \\LaTeX\\ models', 'BERT-style LaTeX models'],
    // Control characters and invisible junk
    ['bell\u0007 nul\u0000 esc\u001b[31mred\u001b[0m', 'bell nul escred'],
    ['soft\u00adhyphen, zero\u200bwidth, \ufeffbom, lone \ud800 half', 'softhyphen, zerowidth, bom, lone half'],
    ['  tabs\tand\nnew\r\nlines  ', 'tabs and new lines'],
  ])('%j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
    // Stable: cleaning clean text changes nothing, so a re-ingest sees the same content hash.
    expect(cleanText(expected)).toBe(expected);
  });

  it('keeps ordinary text exactly', () => {
    const s = 'We propose LLaMA-Adapter (LA), a 1.2M-parameter method: 3x faster; GPT-4 [12] agrees!';
    expect(cleanText(s)).toBe(s);
  });
});

describe('active HTML (issue 12): text only, by sanitize-html with nothing allowed', () => {
  it.each([
    ['Title <svg onload=alert(1)>here</svg> end', 'Title end'],
    ['<svg/onload=alert(1)></svg>Title', 'Title'],
    // An unclosed svg, script or iframe takes the rest with it (a browser would too).
    ['Title <svg/onload=alert(1)>rest', 'Title'],
    ['<iframe src="javascript:alert(1)">inner</iframe>Text', 'Text'],
    ['<details ontoggle=alert(1) open>Summary</details> ok', 'Summary ok'],
    ['<object data="x.swf">fallback</object><embed src="y.swf"> tail', 'tail'],
    ['<img src=x onerror=alert(1)>pic', 'pic'],
    ['<script>alert(1)</script>after', 'after'],
    ['<script>alert(1)', ''],
    ['&lt;svg onload=alert(1)&gt;&lt;/svg&gt;escaped', 'escaped'],
    ['<a href="javascript:alert(1)">click</a> me', 'click me'],
    ['<b/onclick=alert(1)>bold</b>', 'bold'],
    ['a <custom-el onclick=alert(1)>x</custom-el> b', 'a x b'],
    // Prose that only looks like markup is kept.
    ['if a<b then c', 'if a<b then c'],
    ['0<x<1 and y>2', '0<x<1 and y>2'],
    ['we use <unk> and <pad> tokens, <pad> twice', 'we use <unk> and <pad> tokens, <pad> twice'],
  ])('%j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
    expect(cleanText(expected)).toBe(expected);
    expect(cleanText(input)).not.toMatch(/on\w+=|javascript:/i);
  });

  it('reports whether markup was removed, and validatePaper marks such records', () => {
    expect(cleanTextReport('<b>x</b>').markupRemoved).toBe(true);
    expect(cleanTextReport('a &amp; b, n<5, <mask>').markupRemoved).toBe(false);
    expect(validatePaper({ title: 'T <svg onload=x>', abstract: 'plain' })).toEqual({ paper: { title: 'T', abstract: 'plain' }, sanitized: true });
    expect(validatePaper({ title: 'T', abstract: 'plain' })).toEqual({ paper: { title: 'T', abstract: 'plain' } });
  });
});

describe('cleanInline (ids, URLs)', () => {
  it('removes only invisible junk, keeping ~, $ and _', () => {
    expect(cleanInline(' https://x.org/~me/a_b$c\u0007 ')).toBe('https://x.org/~me/a_b$c');
  });
});
