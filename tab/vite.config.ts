import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The tab is served by the Digipuls server at /tab/ from dist/tab. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/tab/',
  plugins: [react()],
  build: {
    outDir: '../dist/tab',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  logLevel: 'warn',
});
