/**
 * Draws the Digipuls icons (run once: `npx tsx manifest/draw-icons.ts`; the PNGs are committed):
 * a pulse line, white on the brand colour for the 192×192 colour icon and white on transparent for
 * the 32×32 outline icon, as Teams requires.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

type Point = [number, number];
/** The pulse, in a 0..1 square: flat, a beat up, a deep dip, back, flat. */
const PULSE: Point[] = [[0.12, 0.55], [0.36, 0.55], [0.44, 0.3], [0.54, 0.78], [0.62, 0.45], [0.68, 0.55], [0.88, 0.55]];

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

function draw(size: number, background: [number, number, number] | null, stroke: number): Buffer {
  const png = new PNG({ width: size, height: size });
  const radius = size * 0.2;
  const samples = 4; // supersampling for smooth edges
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let line = 0;
      let inside = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const p: Point = [(x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size];
          const d = Math.min(...PULSE.slice(1).map((b, i) => distanceToSegment(p, PULSE[i]!, b)));
          if (d * size <= stroke / 2) line++;
          const cx = Math.min(Math.max(p[0] * size, radius), size - radius);
          const cy = Math.min(Math.max(p[1] * size, radius), size - radius);
          if (Math.hypot(p[0] * size - cx, p[1] * size - cy) <= radius) inside++;
        }
      }
      const n = samples * samples;
      const i = (y * size + x) * 4;
      const lineAlpha = line / n;
      if (background) {
        const bgAlpha = inside / n;
        for (let c = 0; c < 3; c++) png.data[i + c] = Math.round(background[c]! * (1 - lineAlpha) + 255 * lineAlpha);
        png.data[i + 3] = Math.round(255 * Math.max(bgAlpha, lineAlpha));
      } else {
        png.data[i] = png.data[i + 1] = png.data[i + 2] = 255;
        png.data[i + 3] = Math.round(255 * lineAlpha);
      }
    }
  }
  return PNG.sync.write(png);
}

const dir = path.join(import.meta.dirname, 'icons');
writeFileSync(path.join(dir, 'color.png'), draw(192, [0x4f, 0x52, 0xb2], 14));
writeFileSync(path.join(dir, 'outline.png'), draw(32, null, 2.5));
