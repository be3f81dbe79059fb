/// <reference types="vitest/config" />
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * react-admin 5's dist imports only 'react-router-dom'. In this workspace react-router-dom is 6.x
 * (hoisted for Strapi) with its own nested react-router 6, while the hoisted 'react-router' is 7.x.
 * Deduping 'react-router' to the root copy breaks react-router-dom 6 (missing exports), so instead
 * every 'react-router' import is pinned to the copy react-router-dom itself uses: one router, one context.
 */
const requireFromHere = createRequire(import.meta.url);
const routerDomPackage = requireFromHere.resolve('react-router-dom/package.json');
const reactRouterDir = dirname(createRequire(routerDomPackage).resolve('react-router/package.json'));

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  resolve: {
    alias: [
      // The shared vocabulary is imported from its TypeScript source, not from its dist.
      { find: /^@cop\/config$/, replacement: here('../config/src/index.ts') },
      { find: /^react-router$/, replacement: reactRouterDir },
    ],
    dedupe: [
      'react',
      'react-dom',
      'react-router-dom',
      '@mui/material',
      '@emotion/react',
      'ra-core',
      // ra-input-rich-text's nested tiptap extensions (3.35) need the root @tiptap/core 3.35, not its
      // nested 3.31 copy (which lacks isValidCSSStyleValue): one tiptap core and one ProseMirror
      '@tiptap/core',
      '@tiptap/pm',
    ],
  },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  server: {
    proxy: {
      // The Strapi server; COP_API_URL points the dev server elsewhere (e.g. a mock).
      '/api': { target: process.env.COP_API_URL ?? 'http://127.0.0.1:1337', changeOrigin: false },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
