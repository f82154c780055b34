/**
 * An exported SVG as a PNG for slides: a 16:9 picture of at least 1920×1080 (3840×2160 at 2×),
 * the view fitted inside with its aspect kept and the rest filled with the background. The
 * browser rasterises the SVG itself (an image of a data: URL drawn on a canvas), so the picture
 * is the file's, not a screenshot. Framework-free: it needs only the DOM.
 */

/** The smallest picture a PNG export makes, at 1×: a Full HD slide. */
export const PNG_FRAME = { width: 1920, height: 1080 } as const;

/**
 * The picture's size for a view of `width`×`height` CSS pixels: the 16:9 frame, grown when the
 * view is larger so that nothing is shrunk below its size on screen, times `scale`.
 */
export function pngSize(width: number, height: number, scale: 1 | 2): { width: number; height: number } {
  const grow = Math.max(1, width / PNG_FRAME.width, height / PNG_FRAME.height);
  return {
    width: Math.ceil(PNG_FRAME.width * grow) * scale,
    height: Math.ceil(PNG_FRAME.height * grow) * scale,
  };
}

/** How much a picture of `width`×`height` is scaled to fit the frame of `pngSize`. */
export function pngFit(width: number, height: number, scale: 1 | 2): number {
  const size = pngSize(width, height, scale);
  return Math.min(size.width / width, size.height / height);
}

/** Loads an SVG document as an image, sized to draw at `width`×`height` device pixels. */
async function svgImage(svgText: string, width: number, height: number): Promise<HTMLImageElement> {
  // Give the file the size it is drawn at, so the browser rasterises the vectors at that size
  // rather than scaling up a bitmap of its natural size.
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.localName !== 'svg' || doc.querySelector('parsererror')) throw new Error('The exported SVG is not well-formed.');
  if (!root.hasAttribute('viewBox')) {
    root.setAttribute('viewBox', `0 0 ${root.getAttribute('width') ?? width} ${root.getAttribute('height') ?? height}`);
  }
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  const image = new Image(width, height);
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(doc))}`;
  try {
    await image.decode();
  } catch {
    throw new Error('The browser could not draw the exported SVG.');
  }
  return image;
}

/**
 * A PNG of `svgText` (an `exportSvg` document of `width`×`height`), fitted into the frame of
 * `pngSize` and letterboxed with `background`.
 */
export async function exportPng(
  svgText: string,
  width: number,
  height: number,
  scale: 1 | 2,
  background = '#ffffff',
): Promise<Blob> {
  const size = pngSize(width, height, scale);
  const fit = pngFit(width, height, scale);
  const drawWidth = Math.round(width * fit);
  const drawHeight = Math.round(height * fit);
  const image = await svgImage(svgText, drawWidth, drawHeight);

  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw pictures (no 2D canvas).');
  context.fillStyle = background;
  context.fillRect(0, 0, size.width, size.height);
  context.drawImage(
    image,
    Math.round((size.width - drawWidth) / 2),
    Math.round((size.height - drawHeight) / 2),
    drawWidth,
    drawHeight,
  );
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))), 'image/png'),
  );
}
