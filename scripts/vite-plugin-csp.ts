/**
 * Content-Security-Policy for the built app: no foreign script, and no inline script but the
 * page's own first one (allowed by its hash), may run, whatever a map file contains. Sent as a
 * header by `vite preview` and written into the built index.html as a meta tag, so a static
 * host without header control is covered too.
 *
 * Styles allow 'unsafe-inline' because Svelte sets element styles at run time; map data never
 * reaches a style (colours are validated hex values, set as SVG attributes).
 * `connect-src` allows http(s) so `?graph=` can open a map from any CORS-enabled server.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import { FIRST_PAINT_SCRIPT } from './vite-plugin-first-paint.ts';

/** A CSP source allowing exactly this inline script and no other. */
export const scriptHash = (code: string) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // The one inline script is the page's first (vite-plugin-first-paint.ts), allowed by its hash.
  `script-src 'self' ${scriptHash(FIRST_PAINT_SCRIPT)}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self' https: http:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export default function contentSecurityPolicy(): Plugin {
  return {
    name: 'pathomap-csp',
    // Not in the dev server: its hot reload injects scripts the policy would block.
    apply: (_config, env) => env.command === 'build' || Boolean(env.isPreview),
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
        next();
      });
    },
  };
}
