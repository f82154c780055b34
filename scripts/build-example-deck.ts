/**
 * `npm run build:example` (the last step of `npm run build`): puts the example slide deck,
 * examples/reveal-deck/, into dist/examples/reveal-deck/ beside the built app, with the
 * reveal.js files it loads copied from node_modules, so the deck needs no network. The deck
 * reaches the app as `../../index.html` (the iframe) and `../../patho-map.js` (the element),
 * so run it after `vite build`.
 */
import { access, copyFile, cp, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DECK = 'examples/reveal-deck';
/** What the deck loads from reveal.js's dist/ (its bundled themes are not used: see deck.css). */
const REVEAL_FILES = ['reveal.mjs', 'reveal.css', 'reset.css'];

/** Copies the deck into `<outDir>/examples/reveal-deck/`; returns that folder. */
export async function buildExampleDeck(outDir = 'dist', root = process.cwd()): Promise<string> {
  const out = resolve(root, outDir);
  for (const needed of ['index.html', 'patho-map.js']) {
    await access(join(out, needed)).catch(() => {
      throw new Error(`${relative(root, join(out, needed))} is missing: build the app first (vite build)`);
    });
  }
  const target = join(out, DECK);
  await rm(target, { recursive: true, force: true });
  await cp(resolve(root, DECK), target, { recursive: true });

  const revealDist = dirname(createRequire(join(root, 'package.json')).resolve('reveal.js/reveal.css'));
  const vendor = join(target, 'vendor', 'reveal');
  await mkdir(vendor, { recursive: true });
  for (const file of REVEAL_FILES) await copyFile(join(revealDist, file), join(vendor, file));
  // reveal.js is MIT licensed: its notice travels with the copy.
  await copyFile(join(revealDist, '..', 'LICENSE'), join(vendor, 'LICENSE'));
  return target;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildExampleDeck(process.argv[2]).then(
    (target) => console.log(`example deck: ${relative(process.cwd(), target)}/index.html`),
    (error: unknown) => {
      console.error(`build:example: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
