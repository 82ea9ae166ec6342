import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The gateway serves the API, the WebSocket and the merged OpenAPI on one origin; in dev the
// Vite server proxies to it so the portal keeps same-origin cookies and CSRF semantics.
// `npm run dev` passes the back end's address (TC_API_URL) when PORT is not the default.
const gateway = process.env.TC_API_URL ?? 'http://localhost:8080';

/** locales/de/*.json → the chunk "locale-de"; other modules are left to the default splitting. */
function localeChunk(id: string): string | null {
  const language = /[\\/]locales[\\/]([a-z]{2})[\\/][^\\/]+\.json$/.exec(id)?.[1];
  return language ? `locale-${language}` : null;
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: {
      // Only the HTTP zod schemas: the package root also re-exports generated protobuf code
      // that the browser bundle has no use for.
      '@contracts/http': fileURLToPath(new URL('../libs/contracts/src/http/index.ts', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: gateway, changeOrigin: false },
      '/ws': { target: gateway, ws: true },
      '/docs': { target: gateway },
    },
  },
  preview: { port: 4173 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Maps for debugging, but not referenced from the bundles; the post-build step moves them
    // out of dist (web/.sourcemaps), so they are never served.
    sourcemap: 'hidden',
    // ApexCharts (~1 MB) is its own lazily loaded chunk, fetched only by screens with a chart.
    chunkSizeWarningLimit: 1100,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // All namespaces of one language in one chunk (src/i18n/i18n.ts loads a language
            // when it is first used), instead of one request per namespace.
            { name: localeChunk },
          ],
        },
      },
    },
  },
});
