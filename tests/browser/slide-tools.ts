// Reading exported slides as their readers do: LibreOffice (Impress for decks, Draw for SVG)
// converts them to PDF, poppler turns the PDF into pictures and text (see
// scripts/ensure-libreoffice.mjs, which `npm test` runs first). One soffice call converts many
// files: it starts in seconds, so tests batch their files.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

/** Converts each file to `<outDir>/<its name without extension>.pdf`, all in one LibreOffice run. */
export function convertToPdf(files: readonly string[], outDir: string): void {
  // A profile of its own: another LibreOffice running on the machine does not take the call over.
  const profile = mkdtempSync(join(tmpdir(), 'pathomap-lo-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files], {
    stdio: 'pipe',
    timeout: 180_000,
  });
}

/** Each page of a PDF as a PNG at 96 dpi (a 13.33-inch slide is 1280 px wide), in page order. */
export function pdfPages(pdf: string, outDir: string): string[] {
  const prefix = basename(pdf, '.pdf');
  execFileSync('pdftoppm', ['-png', '-r', '96', pdf, join(outDir, prefix)], { stdio: 'pipe', timeout: 60_000 });
  return readdirSync(outDir)
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => join(outDir, f));
}

/** A PDF's text in the order it is drawn (`pdftotext -raw`), pages apart. */
export function pdfText(pdf: string): string[] {
  return execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8', timeout: 60_000 }).split('\f');
}

/** The parts of an Office file (a zip), by path, as text. */
export function zipParts(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

export const pngFile = (path: string): string => `data:image/png;base64,${readFileSync(path).toString('base64')}`;

const decodeXml = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export interface DeckShape {
  name: string;
  /** Its text, paragraphs joined by spaces. */
  text: string;
  /** Its box on the slide, slide pixels (1920 to the 13.33-inch width). */
  box: { x: number; y: number; width: number; height: number };
  xml: string;
}

/** EMU (914,400 an inch) to slide pixels (144 an inch). */
const EMU_PER_PX = 914400 / 144;

/** The shapes of one slide's XML, in drawing order. */
export function deckShapes(xml: string): DeckShape[] {
  return [...xml.matchAll(/<p:sp>(.*?)<\/p:sp>/gs)].map((m) => {
    const body = m[1]!;
    const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>/.exec(body);
    const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(body);
    return {
      name: decodeXml(/<p:cNvPr id="\d+" name="([^"]*)"/.exec(body)?.[1] ?? ''),
      text: [...body.matchAll(/<a:p>(.*?)<\/a:p>/gs)]
        .map((p) => [...p[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => decodeXml(t[1]!)).join(''))
        .filter(Boolean)
        .join(' '),
      box: {
        x: Number(off?.[1] ?? 0) / EMU_PER_PX,
        y: Number(off?.[2] ?? 0) / EMU_PER_PX,
        width: Number(ext?.[1] ?? 0) / EMU_PER_PX,
        height: Number(ext?.[2] ?? 0) / EMU_PER_PX,
      },
      xml: body,
    };
  });
}

/** A slide's speaker notes, as text. */
export function notesText(xml: string): string {
  return [...xml.matchAll(/<a:p>(.*?)<\/a:p>/gs)]
    .map((p) => [...p[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => decodeXml(t[1]!)).join(''))
    .join('\n');
}
