// Types for scripts/python-env.mjs (plain JS so `npm run python-env` needs no build).
export class PythonEnvError extends Error {}
export function ensurePythonEnv(opts?: { basePython?: string; log?: (line: string) => void }): string;
