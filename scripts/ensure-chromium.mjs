// Browser tests run in Debian's Chromium (no browser can be downloaded on these machines).
// Install it when no Chromium is found; CHROMIUM_PATH points at another build.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium'];
if (candidates.some((p) => p && existsSync(p))) process.exit(0);

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = asRoot ? '' : 'sudo ';
console.log('Chromium not found: installing Debian\'s chromium package…');
try {
  execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit' });
  execSync(`${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, {
    stdio: 'inherit',
  });
} catch {
  console.error(
    'Could not install Chromium. Install it yourself (apt-get install chromium) or set CHROMIUM_PATH.',
  );
  process.exit(1);
}
