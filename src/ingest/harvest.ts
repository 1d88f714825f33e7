// Harvests an OAI-PMH interface (arXiv's, or any repository's) page by page:
// ListRecords, then the resumption token of each answer until an answer has
// none. Records stream on as each page is read, so memory holds one page's
// current record. A 503 with Retry-After (arXiv's way to say "slow down") is
// waited out and retried.
import { Readable } from 'node:stream';
import { readOaiPmh, type OaiPage } from './oai-pmh.js';
import type { SourceRecord } from './records.js';

export const OAI_FORMATS = ['arXiv', 'arXivRaw', 'oai_dc'] as const;

export interface HarvestOptions {
  /** The interface's base URL, e.g. https://oaipmh.arxiv.org/oai */
  baseUrl: string;
  metadataPrefix?: (typeof OAI_FORMATS)[number];
  from?: string;
  until?: string;
  set?: string;
  /** Retries of one page after a 503 or a network failure. */
  retries?: number;
  /** Longest wait for one Retry-After, in seconds (a server asking for more is waited this long). */
  maxWaitSeconds?: number;
  /** Stop after this many pages (the harvest can be resumed from the logged token). */
  maxPages?: number;
  /** Start from this resumption token instead of the first page. */
  resumptionToken?: string;
  log?: (line: string) => void;
}

export function listRecordsUrl(opts: HarvestOptions, token?: string): string {
  const url = new URL(opts.baseUrl);
  url.searchParams.set('verb', 'ListRecords');
  if (token) url.searchParams.set('resumptionToken', token);
  else {
    url.searchParams.set('metadataPrefix', opts.metadataPrefix ?? 'arXiv');
    if (opts.from) url.searchParams.set('from', opts.from);
    if (opts.until) url.searchParams.set('until', opts.until);
    if (opts.set) url.searchParams.set('set', opts.set);
  }
  return url.toString();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function fetchPage(url: string, opts: HarvestOptions): Promise<Response | { error: string }> {
  const retries = opts.retries ?? 5;
  for (let attempt = 0; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(url, { headers: { accept: 'text/xml, application/xml' } });
    } catch (err) {
      if (attempt >= retries) return { error: `cannot reach ${url}: ${(err as Error).message}` };
      await sleep(1000 * 2 ** attempt);
      continue;
    }
    if (res.ok) return res;
    await res.body?.cancel();
    if ((res.status === 503 || res.status === 429) && attempt < retries) {
      const asked = Number(res.headers.get('retry-after'));
      const wait = Math.min(Number.isFinite(asked) && asked >= 0 ? asked : 2 ** attempt, opts.maxWaitSeconds ?? 120);
      opts.log?.(`   ${url}: HTTP ${res.status}, retrying in ${wait} s`);
      await sleep(wait * 1000);
      continue;
    }
    return { error: `${url} answered HTTP ${res.status} ${res.statusText}` };
  }
}

export async function* harvest(opts: HarvestOptions): AsyncGenerator<SourceRecord> {
  let token = opts.resumptionToken;
  const seen = new Set<string>();
  for (let n = 1; ; n++) {
    const url = listRecordsUrl(opts, token);
    const name = `harvest page ${n}`;
    const res = await fetchPage(url, opts);
    if ('error' in res) {
      yield { location: name, error: `${res.error}${token ? `; resume with --resumption-token ${token}` : ''}`, source: opts.baseUrl };
      return;
    }
    const page: OaiPage = { records: 0 };
    // Node's fetch body is an async iterable of bytes (the DOM typings do not say so).
    const body = (res.body ?? Readable.from([])) as unknown as AsyncIterable<Uint8Array>;
    for await (const r of readOaiPmh(name, body, page)) yield { ...r, source: opts.baseUrl };
    if (page.error) return; // reported by the reader (noRecordsMatch: an empty harvest)
    opts.log?.(`   page ${n}: ${page.records} records${page.completeListSize ? ` of ${page.completeListSize}` : ''}${page.resumptionToken ? `, next token ${page.resumptionToken}` : ', last page'}`);
    if (!page.resumptionToken) return;
    if (seen.has(page.resumptionToken)) {
      yield { location: name, error: `the interface sent resumption token "${page.resumptionToken}" twice; stopping rather than loop`, source: opts.baseUrl };
      return;
    }
    if (opts.maxPages && n >= opts.maxPages) {
      opts.log?.(`   stopped after ${n} pages; resume with --resumption-token ${page.resumptionToken}`);
      return;
    }
    seen.add(page.resumptionToken);
    token = page.resumptionToken;
  }
}
