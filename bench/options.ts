// Command-line options of the bench scripts: node:util parseArgs in strict mode,
// so a mistyped or unknown flag stops the script before it does anything (a
// benchmark that ignored `--help` once wiped a loaded 100,000-paper graph).
import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

type Values<O extends ParseArgsOptionsConfig> = {
  [K in keyof O]: O[K] extends { type: 'boolean' } ? boolean : O[K] extends { default: string } ? string : string | undefined;
};

/** Parses `argv` against `options`; `--help` prints `usage` and exits. */
export function benchOptions<const O extends ParseArgsOptionsConfig>(usage: string, options: O, argv = process.argv.slice(2)): Values<O> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n\n${usage}\n`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  return values as Values<O>;
}

/** A whole number >= `min` from an option value, or a clear error naming the flag. */
export function wholeNumber(flag: string, value: string, min = 0): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${flag} must be a whole number >= ${min}, got "${value}"`);
  return n;
}

/** Is the module at `moduleUrl` the script node was started with (not imported by another bench)? */
export function isMain(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && moduleUrl === pathToFileURL(process.argv[1]).href;
}

type Main = (argv: string[]) => Promise<unknown>;

/**
 * Runs a bench's `main` with the command-line arguments. A failure prints the error and
 * exits 1, so a broken bench never looks like a finished one. `exitWhenDone` exits 0 once
 * `main` ends, for benches whose clients or child processes would keep node running.
 */
export function runMain(main: Main, { exitWhenDone = false } = {}): void {
  main(process.argv.slice(2)).then(
    () => {
      if (exitWhenDone) process.exit(0);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}

/** runMain, when the module at `moduleUrl` is the script node was started with (not a bench importing it). */
export function runIfMain(moduleUrl: string, main: Main, options?: { exitWhenDone?: boolean }): void {
  if (isMain(moduleUrl)) runMain(main, options);
}
