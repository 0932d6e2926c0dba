import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const backend = 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    // Same origin in the browser, so the backend needs no CORS setup in development.
    // Anchored patterns: a bare '/q' prefix would also capture app routes such as '/quan-ly'.
    proxy: { '^/api/': backend, '^/q/': backend },
  },
  // The manifest maps each screen to its chunks, for the per-screen sizes scripts/bundle-budget.mjs prints.
  build: { outDir: 'dist', manifest: true },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
