// The slide tests read exported decks with a real reader: Debian's LibreOffice Impress (and
// Draw, for SVG), converting to PDF, and poppler's pdftoppm and pdftotext. Install them when
// missing, as ensure-chromium.mjs does for Chromium (about 30 s, ~200 MB).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// The programs, and Impress's and Draw's parts of LibreOffice (without them it opens neither file).
const needed = ['/usr/bin/soffice', '/usr/bin/pdftoppm', '/usr/bin/pdftotext', '/usr/lib/libreoffice/share/registry/impress.xcd', '/usr/lib/libreoffice/share/registry/draw.xcd'];
if (needed.every((p) => existsSync(p))) process.exit(0);

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = asRoot ? '' : 'sudo ';
console.log('LibreOffice not found: installing Debian\'s libreoffice-impress, libreoffice-draw and poppler-utils…');
try {
  execSync(`${sudo}apt-get update -qq`, { stdio: 'inherit' });
  execSync(`${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-impress libreoffice-draw poppler-utils`, {
    stdio: 'inherit',
  });
} catch {
  console.error('Could not install LibreOffice. Install it yourself (apt-get install libreoffice-impress libreoffice-draw poppler-utils).');
  process.exit(1);
}
