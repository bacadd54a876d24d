import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import express, { type Router } from 'express';

/**
 * The built tab (vite output) at `/`; client-side routes under /tab/* get index.html. HTML is revalidated on
 * every load so that Teams never keeps an index.html whose hashed scripts a deploy has removed; the hashed
 * assets themselves never change and may be kept.
 */
export function tabRouter(tabDir: string): Router {
  const router = express.Router();
  const root = resolve(tabDir);
  router.use(
    express.static(root, {
      index: 'index.html',
      fallthrough: true,
      setHeaders(res, path) {
        const hashedAsset = /[\\/]assets[\\/]/.test(path);
        res.setHeader('Cache-Control', hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  router.get(/^\/tab(\/.*)?$/, (_req, res, next) => {
    const index = resolve(root, 'index.html');
    if (!existsSync(index)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
