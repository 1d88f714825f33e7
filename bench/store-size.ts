// Disk used by a local Neo4j's store and transaction logs, split by what the
// bytes hold (node, relationship and property records, dynamic strings and
// arrays, each index, the logs), per paper. Used by the ingest bench after its
// first run, and on its own for a data folder a bench left behind:
//
//   node dist/bench/store-size.js --data /tmp/papergraph-ingest-bench --uri bolt://127.0.0.1:7702 [--stop]
//
// With --uri it asks Neo4j for the index names and the number of papers; with
// --stop it then stops that local Neo4j before measuring: a clean shutdown is a
// checkpoint, so the files hold every page and the logs past their retention are
// pruned (Community has no db.checkpoint() procedure).
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { stopLocalNeo4j } from '../src/local-neo4j/manager.js';
import { benchOptions, runIfMain } from './options.js';

export interface StorePart {
  part: string;
  bytes: number;
}

/** Which part of the store a file of databases/neo4j belongs to. */
function partOf(rel: string, indexNames: Map<string, string>): string {
  const index = /^schema[\\/]index[\\/]([^\\/]+)[\\/](\d+)[\\/]/.exec(rel);
  if (index) return `index ${indexNames.get(index[2]!) ?? `${index[1]} #${index[2]}`}`;
  const base = path.basename(rel).replace(/\.id$/, '');
  const named: [RegExp, string][] = [
    [/^neostore\.propertystore\.db\.arrays$/, 'property arrays (dynamic, 128 B blocks)'],
    [/^neostore\.propertystore\.db\.strings$/, 'property strings (dynamic, 128 B blocks)'],
    [/^neostore\.propertystore\.db\.index/, 'property keys'],
    [/^neostore\.propertystore\.db$/, 'property records'],
    [/^neostore\.relationshipstore\.db$/, 'relationship records'],
    [/^neostore\.relationshipgroup/, 'relationship groups and degrees'],
    [/^neostore\.nodestore/, 'node records and labels'],
  ];
  return named.find(([re]) => re.test(base))?.[1] ?? 'other (counts, tokens, schema, id files)';
}

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Bytes per part of a local Neo4j data folder (src/local-neo4j layout), largest first; logs last. */
export function storeBreakdown(dataDir: string, indexNames = new Map<string, string>()): StorePart[] {
  const db = path.join(dataDir, 'store', 'data', 'databases', 'neo4j');
  const sums = new Map<string, number>();
  for (const f of walk(db)) {
    const part = partOf(path.relative(db, f), indexNames);
    sums.set(part, (sums.get(part) ?? 0) + fs.statSync(f).size);
  }
  const logs = walk(path.join(dataDir, 'store', 'data', 'transactions', 'neo4j')).reduce((n, f) => n + fs.statSync(f).size, 0);
  return [...[...sums].map(([part, bytes]) => ({ part, bytes })).sort((a, b) => b.bytes - a.bytes), { part: 'transaction logs', bytes: logs }];
}

/** Index names (the store's index folders are numbered by index id) and the paper count. */
export async function storeFacts(uri: string): Promise<{ indexNames: Map<string, string>; papers: number }> {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'unused'));
  const session = driver.session({ database: 'neo4j' });
  try {
    const indexes = await session.run('SHOW INDEXES YIELD id, name RETURN id, name');
    const [papers] = (await session.run('MATCH (p:Paper) RETURN count(p) AS n')).records;
    return {
      indexNames: new Map(indexes.records.map((r) => [String(r.get('id')), r.get('name') as string])),
      papers: Number(papers!.get('n')),
    };
  } finally {
    await session.close();
    await driver.close();
  }
}

const mb = (b: number) => `${(b / 2 ** 20).toFixed(1)} MB`;

/** The breakdown as a table, with bytes per paper. */
export function printStoreBreakdown(parts: StorePart[], papers: number, log: (line: string) => void = console.log) {
  const total = parts.reduce((n, p) => n + p.bytes, 0);
  const store = total - (parts.find((p) => p.part === 'transaction logs')?.bytes ?? 0);
  log(`store ${mb(store)} + transaction logs ${mb(total - store)} = ${mb(total)} for ${papers} papers: ${(total / papers).toFixed(0)} bytes per paper (store ${(store / papers).toFixed(0)}; issue target <= 4,096 at 1M)`);
  log('| part | MB | bytes per paper |');
  log('| --- | ---: | ---: |');
  for (const p of parts) if (p.bytes > 0) log(`| ${p.part} | ${(p.bytes / 2 ** 20).toFixed(1)} | ${(p.bytes / papers).toFixed(0)} |`);
}

async function main() {
  const args = benchOptions('node dist/bench/store-size.js --data DIR [--uri bolt://127.0.0.1:7702] [--papers N]', {
    data: { type: 'string' },
    uri: { type: 'string' },
    papers: { type: 'string' },
    stop: { type: 'boolean', default: false },
  });
  if (!args.data) throw new Error('--data DIR is required (the folder given to the bench, holding store/)');
  const facts = args.uri ? await storeFacts(args.uri) : { indexNames: new Map<string, string>(), papers: Number(args.papers ?? 0) };
  if (!facts.papers) throw new Error('give --uri (to count papers) or --papers N');
  if (args.stop) console.log(await stopLocalNeo4j(args.data));
  printStoreBreakdown(storeBreakdown(args.data, facts.indexNames), facts.papers);
}

runIfMain(import.meta.url, main);
