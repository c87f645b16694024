import path from 'node:path';

import { defineConfig } from 'vite';

/**
 * The console is built into `dist/console` (or `--outDir`) and served by the service at
 * `/console/`. No plugin is needed: JSX is compiled by Vite's own transformer (tsconfig `jsx`).
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  publicDir: false,
  build: {
    outDir: path.join(import.meta.dirname, '..', 'dist', 'console'),
    emptyOutDir: true,
    // No inline `data:` scripts or module-preload polyfill: the CSP allows only 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    rolldownOptions: {
      // TanStack Query marks its modules "use client" (for React Server Components): moot here.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
