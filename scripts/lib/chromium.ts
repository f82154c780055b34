/**
 * Where Chromium is and how it is started, for the browser tests and the benchmark alike:
 * Debian's build driven by playwright-core (these machines cannot download a browser).
 */
import { existsSync } from 'node:fs';

/** Headless, and quiet: without the networking flags Chromium keeps trying to reach Google's hosts. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].find(
    (p) => p && existsSync(p),
  );
  if (!found) throw new Error('No Chromium found: run `npm test` (it installs one) or set CHROMIUM_PATH.');
  return found;
}
