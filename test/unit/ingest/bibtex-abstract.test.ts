// The BibTeX reader takes plain field values (ones TeX would not change) as
// written instead of through the parser's LaTeX pass: it must read every entry
// exactly as the parser alone does.
import { afterEach, describe, expect, it } from 'vitest';
import { bibtexOptions } from '../../../src/ingest/bibtex.js';
import { readSource } from '../../../src/ingest/readers.js';
import { collect, fixture, tempFile } from './helpers.js';

const VALUES = [
  'We propose a low-rank method; it is 2x faster & "robust" #1 at 5^2 and a_b.',
  'Multi-line\n    value   with  runs of   spaces,\n  and the author\'s apostrophe! Or a question? [1] (2) @home |pipe| é ü α ∑ – “x”',
  "Ligatures are TeX's: '' and -- and `` are not plain.",
  'TeX markup: $\\alpha$-stable, 50\\% better, {BERT} in braces, \\emph{new} and ~ ties.',
  'A percent sign % alone, a < and a > and a tilde~.',
  '   ',
];

const entry = (i: number, v: string, last: boolean) =>
  `@article{key${i},\n  title = {${v.replace(/\n/g, ' ')} ${i}},\n  author = {Ann Lee and Bo Chen},\n  year = {2021},\n  month = {6},\n  doi = {10.1000/x${i}},\n` +
  `  eprint = {2106.0968${i}},\n  archiveprefix = {arXiv},\n  url = {https://example.org/p${i}},\n` +
  (last ? `  journal = {J ${v}},\n  abstract = {${v}}\n` : `  abstract = {${v}},\n  booktitle = {Proc. ${v}}\n`) +
  '}\n';

const readBoth = async (file: string) => {
  const fast = await collect(readSource(file));
  bibtexOptions.plainFieldShortcut = false;
  const parser = await collect(readSource(file));
  bibtexOptions.plainFieldShortcut = true;
  return { fast, parser };
};

afterEach(() => {
  bibtexOptions.plainFieldShortcut = true;
});

describe('BibTeX plain fields', () => {
  it('are read exactly as the parser reads them: plain or TeX, last field or not', async () => {
    for (const last of [false, true]) {
      const { fast, parser } = await readBoth(tempFile('lib.bib', VALUES.map((v, i) => entry(i, v, last)).join('\n')));
      expect(fast).toHaveLength(VALUES.length);
      expect(fast).toEqual(parser);
      expect(fast.filter((r) => r.paper).length).toBe(VALUES.length - 1);
      expect(fast.at(-1)!.error).toMatch(/abstract is missing/);
    }
  });

  it('read the Zotero fixture exactly as the parser does', async () => {
    const { fast, parser } = await readBoth(fixture('zotero-library.bib'));
    expect(fast).toEqual(parser);
  });
});
