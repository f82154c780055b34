import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
const browser = await chromium.launch({ executablePath: '/usr/lib/chromium/chromium', args: ['--headless','--no-sandbox'] });
const page = await browser.newPage();
const svg = 'data:image/png;base64,' + readFileSync('test-results/slides/view-1.png').toString('base64');
const png = 'data:image/png;base64,' + readFileSync('test-results/slides/screen-view.png').toString('base64');
const out = await page.evaluate(async ({ svg, png }) => {
  async function load(src) { const i = new Image(); i.src = src; await i.decode(); return i; }
  const [a, b] = await Promise.all([load(svg), load(png)]);
  const w = 1280, h = 720;
  function px(img) { const c = document.createElement('canvas'); c.width = w; c.height = h; const x = c.getContext("2d"); x.drawImage(img, 0, 0, w, h); return x.getImageData(0, 0, w, h); }
  const A = px(a), B = px(b);
  const c = document.createElement('canvas'); c.width = w; c.height = h; const x = c.getContext("2d");
  const D = x.createImageData(w, h);
  let off = 0; const boxes = [];
  for (let i = 0; i < A.data.length; i += 4) {
    const d = Math.max(Math.abs(A.data[i] - B.data[i]), Math.abs(A.data[i+1] - B.data[i+1]), Math.abs(A.data[i+2] - B.data[i+2]));
    D.data[i] = d > 48 ? 255 : B.data[i] * 0.3 + 170; D.data[i+1] = d > 48 ? 0 : B.data[i+1] * 0.3 + 170; D.data[i+2] = d > 48 ? 0 : B.data[i+2]*0.3+170; D.data[i+3] = 255;
    if (d > 48) { off++; if (boxes.length < 20) boxes.push([(i/4)%w, Math.floor(i/4/w)]); }
  }
  x.putImageData(D, 0, 0);
  return { off, boxes, url: c.toDataURL() };
}, { svg, png });
writeFileSync('/tmp/diff.png', Buffer.from(out.url.split(',')[1], 'base64'));
console.log(out.off, JSON.stringify(out.boxes));
await browser.close();
