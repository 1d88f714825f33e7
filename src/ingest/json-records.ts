// A JSON record becomes a paper by its shape, whatever file it came in: an
// OpenAlex work, a Semantic Scholar paper, a CSL-JSON item, or papergraph's own
// {title, abstract, ...}. So one JSON Lines or JSON reader serves every source.
import { RECORD_ARRAYS } from './json-document.js';
import { fromCslItem, isCslItem } from './csl-json.js';
import { fromOpenAlex, isOpenAlexWork } from './openalex.js';
import { fromSemanticScholar, isSemanticScholarPaper } from './semantic-scholar.js';
import { validatePaper, type ValidateOptions } from './validate.js';
import type { PaperInput } from './records.js';

type Json = Record<string, unknown>;

const SHAPES = [
  { name: 'OpenAlex work', test: isOpenAlexWork, map: fromOpenAlex, label: (r: Json) => r.id },
  { name: 'Semantic Scholar paper', test: isSemanticScholarPaper, map: fromSemanticScholar, label: (r: Json) => r.paperId ?? r.corpusId ?? r.corpusid },
  { name: 'CSL item', test: isCslItem, map: fromCslItem, label: (r: Json) => r.id },
];

/** The paper a JSON value describes, or why it is none (naming the source's id for the record when it has one). */
export function paperFromJson(raw: unknown, validation: ValidateOptions = {}): { paper: PaperInput } | { error: string } {
  if (raw === null) return { error: 'record is null (an API answers null for an id it does not know)' };
  if (typeof raw !== 'object' || Array.isArray(raw)) return validatePaper(raw, validation);
  const record = raw as Json;
  // Our own format first: a record with title and abstract needs no translation.
  const shape = 'abstract' in record && !('paperId' in record) && !('corpusid' in record) && !('type' in record && isCslItem(record)) ? undefined : SHAPES.find((s) => s.test(record));
  if (!shape) return validatePaper(record, validation);
  const label = shape.label(record);
  const prefix = `${shape.name}${typeof label === 'string' || typeof label === 'number' ? ` ${String(label).slice(0, 80)}` : ''}: `;
  const mapped = shape.map(record);
  if ('error' in mapped) return { error: prefix + mapped.error };
  const checked = validatePaper(mapped.paper, validation);
  return 'error' in checked ? { error: prefix + checked.error } : checked;
}

/** The records of one JSON value: an API page's `results` or `data`, else the value itself. */
export function* pageRecords(value: unknown): Generator<{ where?: string; value: unknown }> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const key of RECORD_ARRAYS) {
      const list = (value as Json)[key];
      if (Array.isArray(list)) {
        for (const [i, v] of list.entries()) yield { where: `${key}[${i}]`, value: v };
        return;
      }
    }
  }
  yield { value };
}
