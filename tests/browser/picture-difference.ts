// Two pictures compared as people see them: block by block (the mean colour of each square),
// so lines drawn by another renderer or at another resolution, anti-aliased differently, count
// little, while a picture of another view differs a lot. Runs inside the page (its decoders).
import type { Page } from 'playwright-core';

export interface DifferenceOptions {
  /** Side of the squares compared, in pixels. */
  block?: number;
  /** Shift the second picture right by this many pixels (a control: the same picture, moved). */
  shift?: number;
  /** The colour under both pictures (their transparent parts). */
  background?: string;
  /** Compare only this part, in the second picture's pixels (e.g. a slide's map, not its caption). */
  area?: { x: number; y: number; width: number; height: number };
}

/**
 * Mean absolute difference per colour channel (0–255) between two pictures (data or http URLs),
 * the first scaled to the second's size.
 */
export function blockDifference(page: Page, first: string, second: string, options: DifferenceOptions = {}): Promise<number> {
  return page.evaluate(
    async ({ first, second, block, shift, background, area }) => {
      const load = async (src: string) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        return image;
      };
      const [a, b] = await Promise.all([load(first), load(second)]);
      const width = b.naturalWidth;
      const height = b.naturalHeight;
      const pixels = (draw: (context: CanvasRenderingContext2D) => void) => {
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const context = canvas.getContext('2d')!;
        context.fillStyle = background;
        context.fillRect(0, 0, width, height);
        draw(context);
        return context.getImageData(0, 0, width, height).data;
      };
      const pa = pixels((c) => c.drawImage(a, 0, 0, width, height));
      const pb = pixels((c) => c.drawImage(b, shift, 0));
      const part = area ?? { x: 0, y: 0, width, height };
      const x0 = Math.max(0, Math.round(part.x));
      const y0 = Math.max(0, Math.round(part.y));
      const columns = Math.floor(Math.min(part.width, width - x0) / block);
      const rows = Math.floor(Math.min(part.height, height - y0) / block);
      let sum = 0;
      for (let row = 0; row < rows; row++) {
        for (let column = 0; column < columns; column++) {
          const by = (y0 + row * block) / block;
          const bx = (x0 + column * block) / block;
          for (let k = 0; k < 3; k++) {
            let da = 0;
            let db = 0;
            for (let y = by * block; y < (by + 1) * block; y++) {
              for (let x = bx * block; x < (bx + 1) * block; x++) {
                da += pa[(y * width + x) * 4 + k]!;
                db += pb[(y * width + x) * 4 + k]!;
              }
            }
            sum += Math.abs(da - db) / (block * block);
          }
        }
      }
      return sum / (columns * rows * 3);
    },
    { first, second, block: options.block ?? 16, shift: options.shift ?? 0, background: options.background ?? '#ffffff', area: options.area ?? null },
  );
}

export const pngDataUrl = (bytes: Buffer): string => `data:image/png;base64,${bytes.toString('base64')}`;
