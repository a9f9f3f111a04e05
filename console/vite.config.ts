import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The console build: `vite build console` writes hashed assets to `console/dist`, which the
 * server serves. `vite console` runs a dev server that forwards API calls to a local Provisio.
 */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, assetsDir: 'assets', target: 'es2022' },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
