import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const clientDir = path.dirname(fileURLToPath(import.meta.url));

// `npm run dev:client` serves the UI with hot reload and proxies the API to `npm start`'s server.
export default defineConfig({
  root: clientDir,
  plugins: [react()],
  build: {
    outDir: path.join(clientDir, '..', 'dist', 'client'),
    emptyOutDir: true,
    // Cytoscape with its layouts, and the Cypher editor (loaded with the console), are each about 1 MB; both are needed whole.
    chunkSizeWarningLimit: 1300,
  },
  // The ForceAtlas2 worker (graph/layout.worker.ts) is a file of its own, loaded from the page's origin: the
  // Content-Security-Policy's 'self' allows it, with no blob: or data: source.
  worker: { format: 'es' },
  server: {
    proxy: {
      '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}`,
      '/readyz': `http://127.0.0.1:${process.env.PORT ?? 3000}`,
    },
  },
});
