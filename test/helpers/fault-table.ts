// The fault-injection suite's report: one row per attack, printed when a file
// ends, so a run shows what was tried, what was expected and what was seen.
export interface FaultRow {
  attack: string;
  expected: string;
  seen: string;
}

export function faultTable() {
  const rows: FaultRow[] = [];
  return {
    rows,
    record(attack: string, expected: string, seen: string) {
      rows.push({ attack, expected, seen });
      return seen;
    },
    render(title: string): string {
      const head: FaultRow = { attack: 'attack', expected: 'expected', seen: 'seen' };
      const all = [head, ...rows];
      const w = (k: keyof FaultRow) => Math.max(...all.map((r) => r[k].length));
      const line = (r: FaultRow) => `| ${r.attack.padEnd(w('attack'))} | ${r.expected.padEnd(w('expected'))} | ${r.seen.padEnd(w('seen'))} |`;
      const rule = `|${'-'.repeat(w('attack') + 2)}|${'-'.repeat(w('expected') + 2)}|${'-'.repeat(w('seen') + 2)}|`;
      return [`\n${title}`, line(head), rule, ...rows.map(line)].join('\n');
    },
  };
}
