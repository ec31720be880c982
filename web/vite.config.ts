import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { districtsAsset } from './scripts/districts-asset';
import { precompress } from './scripts/precompress';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const apiTarget = 'http://localhost:3000';

export default defineConfig({
  root: webRoot,
  plugins: [react(), districtsAsset(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Pages are lazy-loaded with React.lazy; web/scripts/check-size.ts guards the initial bundle.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
    // web/ imports ../common, which lies outside the Vite root.
    fs: { allow: [repoRoot] },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
});
