// A small field over five years (2019-2023) as JSON Lines, for the time queries:
// ImageNet is used every year, LoRA appears in 2022 and grows, a dataset is
// introduced in 2023, and one paper has no date.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function writeDatedCorpus(): { file: string; papers: number } {
  const lines: string[] = [];
  let n = 0;
  const add = (date: string, abstract: string) => lines.push(JSON.stringify({ id: `dated-${++n}`, title: `Dated paper ${n} on vision`, abstract, published: date }));
  for (const y of [2019, 2020, 2021, 2022, 2023]) {
    for (let m = 1; m <= (y - 2017) * 2; m++) add(`${y}-${String(m).padStart(2, '0')}-15`, 'We train a ResNet-50 on ImageNet and report top-1 accuracy.');
  }
  for (const m of [2, 5, 5, 9, 11]) add(`2022-${String(m).padStart(2, '0')}-03`, 'We propose LoRA, a low-rank adaptation method, and evaluate it on GLUE.');
  for (const m of [1, 2, 3, 4, 6, 7, 8]) add(`2023-${String(m).padStart(2, '0')}-20`, 'We apply fine-tuning with LoRA and evaluate on GLUE and SQuAD.');
  add('2023-03-01', 'We introduce the Foo-Bench dataset and evaluate BERT on it.');
  lines.push(JSON.stringify({ id: 'dated-undated', title: 'An undated paper', abstract: 'We evaluate LoRA on GLUE.' }));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'papergraph-dated-')), 'field.jsonl');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, papers: lines.length };
}
