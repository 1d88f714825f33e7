// Builds the browser explorer (/explore) and the offline GraphiQL page (/graphql
// in a browser) into dist/explorer. Everything they load is bundled: no font,
// script or style comes from another host.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  // The server mounts the build under /explore/ (the GraphiQL page's assets too).
  base: '/explore/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: path.join(here, '..', 'dist', 'explorer'),
    emptyOutDir: true,
    // Monaco (GraphiQL's editor) is large; it only loads on the GraphiQL page.
    chunkSizeWarningLimit: 6000,
    rollupOptions: {
      // GraphiQL's modules carry React Compiler directives ("use no memo") that bundling drops, harmlessly.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      input: {
        explore: path.join(here, 'index.html'),
        graphiql: path.join(here, 'graphiql.html'),
      },
    },
  },
});
