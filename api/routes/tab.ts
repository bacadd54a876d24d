import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import express, { type Router } from 'express';

/** The built tab (vite output) at `/`; client-side routes under /tab/* get index.html. */
export function tabRouter(tabDir: string): Router {
  const router = express.Router();
  const root = resolve(tabDir);
  router.use(express.static(root, { index: 'index.html', fallthrough: true, maxAge: '1h' }));
  router.get(/^\/tab(\/.*)?$/, (_req, res, next) => {
    const index = resolve(root, 'index.html');
    if (!existsSync(index)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
