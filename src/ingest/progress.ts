// Progress for long ingests: a live bar on a terminal (cli-progress), plain
// log lines every few seconds otherwise (CI logs, files, pipes).
import fs from 'node:fs';
import { createInterface } from 'node:readline';
import cliProgress from 'cli-progress';
import type { IngestSummary } from './pipeline.js';

export interface ProgressReporter {
  update(s: IngestSummary): void;
  stop(): void;
}

/** Records in the input when cheap to know (uncompressed JSON Lines files), for an ETA. */
export async function countRecords(files: string[]): Promise<number | undefined> {
  let total = 0;
  for (const f of files) {
    if (f === '-' || !/\.(jsonl|ndjson)$/i.test(f)) return undefined;
    const lines = createInterface({ input: fs.createReadStream(f), crlfDelay: Infinity });
    for await (const line of lines) if (line.trim()) total++;
  }
  return total;
}

export function progressReporter(total: number | undefined, log: (line: string) => void, stream = process.stderr): ProgressReporter {
  const rate = (s: IngestSummary) => (s.seconds > 0 ? Math.round(s.read / s.seconds) : 0);
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: total
          ? ' {bar} {percentage}% | {value}/{total} papers | {rate}/s | ETA {eta_formatted} | rejected {rejected}'
          : ' {value} papers | {rate}/s | rejected {rejected}',
        hideCursor: true,
        etaBuffer: 20,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total ?? 0, 0, { rate: 0, rejected: 0 });
    return {
      update: (s) => bar.update(s.read, { rate: rate(s), rejected: s.rejected }),
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update: (s) => {
      if (s.seconds - last < 5) return;
      last = s.seconds;
      const pct = total ? ` (${Math.round((100 * s.read) / total)}%)` : '';
      log(`   ... ${s.read}${total ? `/${total}` : ''} papers${pct}, ${rate(s)}/s, rejected ${s.rejected}`);
    },
    stop: () => {},
  };
}
