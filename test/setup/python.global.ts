// Gives the integration tests (the notebook test) the project's own Python:
// .venv with requirements.txt, made on first use by scripts/python-env.mjs, so
// `npm test` needs nothing installed by hand beyond Python 3 itself.
import type { TestProject } from 'vitest/node';
import { ensurePythonEnv } from '../../scripts/python-env.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    python: string;
  }
}

export default function setup(project: TestProject) {
  const python = ensurePythonEnv({ log: (line) => console.log(`[papergraph tests] ${line}`) });
  project.provide('python', python);
}
