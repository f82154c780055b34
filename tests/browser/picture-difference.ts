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
}

/**
 * Mean absolute difference per colour channel (0–255) between two pictures (data or http URLs),
 * the first scaled to the second's size.
 */
export function blockDifference(page: Page, first: string, second: string, options: DifferenceOptions = {}): Promise<number> {
  return page.evaluate(
    async ({ first, second, block, shift, background }) => {
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
      const columns = Math.floor(width / block);
      const rows = Math.floor(height / block);
      let sum = 0;
      for (let by = 0; by < rows; by++) {
        for (let bx = 0; bx < columns; bx++) {
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
    { first, second, block: options.block ?? 16, shift: options.shift ?? 0, background: options.background ?? '#ffffff' },
  );
}

export const pngDataUrl = (bytes: Buffer): string => `data:image/png;base64,${bytes.toString('base64')}`;
