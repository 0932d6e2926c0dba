import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { defineConfig } from 'vitest/config';

const backend = 'http://localhost:8080';

export default defineConfig({
  plugins: [
    react(),
    // A gzipped copy (level 9) beside each text file, for nginx's gzip_static (deploy/images/nginx): compressed
    // once at build time instead of at every request. The backend compresses on the fly and leaves these out of
    // its jar (backend/pom.xml).
    compression({
      algorithms: [['gzip', { level: 9 }]],
      include: /\.(js|css|html|svg|json)$/,
      threshold: 1024,
    }),
  ],
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
