import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';

const viteManifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    src: z.string().optional(),
    isEntry: z.boolean().optional(),
    isDynamicEntry: z.boolean().optional(),
    imports: z.array(z.string()).optional(),
  }),
);

/** The manifest key of the dynamic chunk the tab's first request loads (zod and the API client's schemas). */
export const FIRST_REQUEST_CHUNK = 'apiSchemas.ts';

export interface LazyChunk {
  /** The source the chunk is loaded for, relative to src/tab (`pages/Budget.tsx`), or the package's path. */
  src: string;
  /**
   * The chunk's own file and the shared chunks it imports that are not loaded before it: not in the first load,
   * nor (for every chunk but the first request's) in the first request's chunk.
   */
  files: string[];
  gzipBytes: number;
}

export interface BundleSizes {
  /** index.html's entry chunk and everything it imports statically: what the browser loads before the first render. */
  initialFiles: string[];
  initialGzipBytes: number;
  /**
   * The first load and the chunk of the first request (zod, the API client's schemas): what Översikt needs
   * before it shows data. The second part loads while the first answers are on the way.
   */
  overviewGzipBytes: number;
  /** Each chunk loaded on demand (pages, dialogs, the schemas), with what it adds to the first load. */
  lazyChunks: LazyChunk[];
  /** Every JavaScript file of the build (all entries, all chunks loaded on demand). */
  totalGzipBytes: number;
}

const gzipBytes = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The tab's JavaScript sizes (gzip) from the build's vite manifest (`vite build --manifest`). */
export function bundleSizes(outDir: string): BundleSizes {
  const manifest = viteManifestSchema.parse(JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')));
  const closure = (key: string, known: ReadonlySet<string> = new Set()) => {
    const files = new Set<string>();
    const visit = (name: string) => {
      const chunk = manifest[name];
      if (!chunk || files.has(chunk.file) || known.has(chunk.file)) return;
      files.add(chunk.file);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    visit(key);
    return files;
  };
  const size = (files: Iterable<string>) => [...files].reduce((sum, file) => sum + gzipBytes(join(outDir, file)), 0);
  const initial = closure('index.html');
  const firstRequest = closure(FIRST_REQUEST_CHUNK, initial);
  // Every other chunk loads after the first request (Shell shows a page once /api/me has answered).
  const loaded = new Set([...initial, ...firstRequest]);
  const lazyChunks = Object.entries(manifest)
    .filter(([, chunk]) => chunk.isDynamicEntry && chunk.file.endsWith('.js'))
    .map(([key, chunk]) => {
      const files = [...(key === FIRST_REQUEST_CHUNK ? firstRequest : closure(key, loaded))];
      return { src: chunk.src ?? key, files, gzipBytes: size(files) };
    })
    .sort((a, b) => a.src.localeCompare(b.src));
  const assets = readdirSync(join(outDir, 'assets')).filter((name) => name.endsWith('.js'));
  return {
    initialFiles: [...initial],
    initialGzipBytes: size(initial),
    overviewGzipBytes: size(loaded),
    lazyChunks,
    totalGzipBytes: assets.reduce((sum, name) => sum + gzipBytes(join(outDir, 'assets', name)), 0),
  };
}

/** kB with one decimal, as the bench prints them. */
export const kB = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
