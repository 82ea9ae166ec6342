import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceApp } from '@tourconnect/service-kit';

/**
 * Serves the built portal: hashed assets are immutable for a year, index.html is always
 * revalidated (ETag), and every text file goes out as the Brotli or gzip copy the build wrote
 * beside it (scripts/compress-web-dist.mjs) when the browser accepts it: no CPU per request.
 */
export async function registerPortal(app: ServiceApp, distDir: string): Promise<boolean> {
  const root = path.resolve(distDir);
  if (!existsSync(path.join(root, 'index.html'))) {
    app.log.warn({ root }, 'portal build not found; run `npm run build:web` (the API still works)');
    return false;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    // Our own Cache-Control below; left on, send's `max-age=0` would overwrite it.
    cacheControl: false,
    // Source maps are moved out of dist at build time; refuse them even if one is copied back.
    allowedPath: (pathName) => !pathName.endsWith('.map'),
    setHeaders: (res, filePath) => {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}

/** Client-side routes (/partner, /admin/…) get index.html; API paths keep their problem+json 404. */
export function spaFallback(enabled: () => boolean) {
  return (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.url.split('?')[0] ?? '/';
    const wantsHtml = (request.headers.accept ?? '').includes('text/html');
    if (!enabled() || request.method !== 'GET' || !wantsHtml) return false;
    if (url.startsWith('/api/') || url.startsWith('/ws') || url.startsWith('/docs') || path.extname(url)) return false;
    reply.header('cache-control', 'no-cache');
    void reply.sendFile('index.html');
    return true;
  };
}

export const portalCsp = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'", 'ws:', 'wss:'],
    // Document previews (PDF) open a blob: URL in an iframe; nothing else is framed.
    frameSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  },
};
