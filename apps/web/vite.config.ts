import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run build` runs two builds: the browser bundle into dist/client (with .vite/manifest.json for
// the server), then `--ssr src/entry-server.tsx --outDir dist/server`, whose --outDir overrides the one
// below, so the SSR build empties and writes dist/server only and leaves dist/client intact.
export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), tailwindcss()],
  // No public/ folder: every file the browser loads is a hashed asset under /assets/ (the only
  // static path the server serves), the favicon included.
  publicDir: false,
  build: {
    outDir: 'dist/client',
    manifest: true,
    // Keep the SVG favicon a file: a data: URL would need its own CSP allowance.
    assetsInlineLimit: (file: string) => (file.endsWith('.svg') ? false : undefined),
    rolldownOptions: isSsrBuild
      ? {}
      : {
          output: {
            // React changes least often: its own long-cached chunk, then the other libraries — but not
            // the charts (recharts and what only it uses): left out of `vendor`, which every page loads,
            // they stay in the lazy chunk of the admin dashboard, the one page that draws them.
            codeSplitting: {
              groups: [
                { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
                {
                  name: 'vendor',
                  test: /node_modules[\\/](?!(recharts|victory-vendor|d3-[\w-]+|internmap|@reduxjs|redux|redux-thunk|react-redux|immer|reselect|es-toolkit|eventemitter3|decimal\.js-light|tiny-invariant)[\\/])/,
                  priority: 1,
                },
              ],
            },
          },
        },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
}));
