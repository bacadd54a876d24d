import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const tabRoot = fileURLToPath(new URL('./src/tab', import.meta.url));
const page = (name: string) => fileURLToPath(new URL(`./src/tab/${name}`, import.meta.url));

// luxon and the domain calendar over it (~22 kB gzip) in a chunk of their own, loaded only by the pages that call a
// calendar function (Aktiviteter's weeks). Both are free of side effects: without saying so, every chunk holding a
// domain module that imports the calendar (the shared contract chunk: Budget, Kontakter, Beslut …) imported luxon too.
const CALENDAR = /node_modules[\\/]luxon[\\/]|src[\\/]domain[\\/]calendar\.ts$/;

// The tab is built into dist/tab and served by the API server at `/`; `npm run dev` proxies /api to it.
export default defineConfig({
  root: tabRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/tab', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      input: {
        index: page('index.html'),
        config: page('config.html'),
        'auth-start': page('auth-start.html'),
        'auth-end': page('auth-end.html'),
      },
      treeshake: { moduleSideEffects: (id: string) => !CALENDAR.test(id) },
      output: {
        codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: 'calendar', test: CALENDAR }] },
      },
    },
  },
  server: {
    proxy: { '/api': process.env.TAB_API_URL ?? 'http://127.0.0.1:3978' },
  },
});
