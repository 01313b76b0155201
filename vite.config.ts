import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The renderer is loaded from file://, app:// and http://127.0.0.1:<port>/,
// so every asset URL is relative (base './') and nothing comes from a CDN.
export default defineConfig({
  root: here('./renderer'),
  base: './',
  plugins: [vue()],
  define: {
    // Composition API only; no devtools hooks in the shipped bundle.
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  build: {
    outDir: here('./build/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    // One small bundle; old laptops load it from disk, no need to split.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 400,
  },
  server: { host: '127.0.0.1' },
});
