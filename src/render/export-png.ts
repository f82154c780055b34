/**
 * A slide's SVG as a PNG: the browser rasterises the SVG itself (an image of a data: URL drawn
 * on a canvas), so the picture is the file's, not a screenshot, at `scale` times the slide's
 * size (1920×1080, 3840×2160 at 2×). Framework-free: it needs only the DOM.
 */

/** Loads an SVG document as an image, sized to draw at `width`×`height` device pixels. */
async function svgImage(svgText: string, width: number, height: number): Promise<HTMLImageElement> {
  // Given the size it is drawn at, the browser rasterises the vectors at that size rather than
  // scaling up a bitmap of its natural size.
  const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.localName !== 'svg' || doc.querySelector('parsererror')) throw new Error('The slide picture is not well-formed SVG.');
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  const image = new Image(width, height);
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(doc))}`;
  try {
    await image.decode();
  } catch {
    throw new Error('The browser could not draw the slide picture.');
  }
  return image;
}

/** A PNG of `svgText` (a slide `width`×`height`, with its own background) at `scale` times that size. */
export async function svgToPng(svgText: string, width: number, height: number, scale: number): Promise<Blob> {
  const w = Math.round(width * scale);
  const h = Math.round(height * scale);
  const image = await svgImage(svgText, w, h);
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw pictures (no 2D canvas).');
  context.drawImage(image, 0, 0, w, h);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))), 'image/png'),
  );
}
