import { defineConfig } from 'vite';

// The console is served by the embedded host at `/` under a strict Content-Security-Policy (script-src 'self',
// no inline script, no eval), so the build emits only external, hashed files: no module-preload polyfill (it would
// be inlined) and no inlined assets.
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    reportCompressedSize: false,
    rollupOptions: {
      onwarn(warning, warn) {
        // React Flow marks its module "use client" for server-component bundlers; it means nothing in a browser bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  // `JOURNEYS_API=http://127.0.0.1:7071 npm run dev`: the console with live reload, its /api calls sent to a running host.
  server: {
    proxy: process.env.JOURNEYS_API ? { '/api': { target: process.env.JOURNEYS_API, changeOrigin: true } } : undefined,
  },
  oxc: {
    jsx: { runtime: 'automatic' },
  },
});
