/**
 * Draws the Digipuls icons; run once with `npx tsx manifest/draw-icons.ts` (the PNGs are committed).
 * The mark is a pulse line in a rounded square, like a heart monitor. Teams wants a full-bleed
 * 192×192 colour icon (it applies its own rounded mask, and the mark must sit in the central 120×120
 * safe area) and a 32×32 outline icon that is white on transparent.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

type Point = [number, number];
type Rgb = [number, number, number];

/** The pulse in the mark's unit square: flat from the left side, a beat up, a deep dip, back, flat to the right side. */
const PULSE: Point[] = [[0, 0.56], [0.3, 0.56], [0.4, 0.3], [0.52, 0.78], [0.61, 0.44], [0.68, 0.56], [1, 0.56]];

/** Where and how thick the mark is drawn, in pixels. */
interface Mark {
  left: number;
  size: number;
  stroke: number;
  radius: number;
}

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Signed distance from p to the outline of a rounded square (negative inside). */
function roundedSquareDistance(p: Point, mark: Mark): number {
  const half = mark.size / 2;
  const centre = mark.left + half;
  const qx = Math.abs(p[0] - centre) - (half - mark.radius);
  const qy = Math.abs(p[1] - centre) - (half - mark.radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - mark.radius;
}

/** Whether the point p (in pixels) lies on the white mark. */
function onMark(p: Point, mark: Mark): boolean {
  // The square's stroke is centred half a stroke inside the box, so the mark fills exactly the box.
  const inset = { ...mark, left: mark.left + mark.stroke / 2, size: mark.size - mark.stroke, radius: mark.radius - mark.stroke / 2 };
  if (Math.abs(roundedSquareDistance(p, inset)) <= mark.stroke / 2) return true;
  const inner = inset.size;
  const pulse = PULSE.map(([x, y]): Point => [inset.left + x * inner, inset.left + y * inner]);
  return pulse.slice(1).some((b, i) => distanceToSegment(p, pulse[i]!, b) <= mark.stroke / 2);
}

/** White mark over a vertical gradient (colour icon) or over nothing (outline icon), 4×4 supersampled. */
function draw(size: number, mark: Mark, background: { top: Rgb; bottom: Rgb } | null): Buffer {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          if (onMark([x + (sx + 0.5) / samples, y + (sy + 0.5) / samples], mark)) covered++;
        }
      }
      const alpha = covered / (samples * samples);
      const i = (y * size + x) * 4;
      if (background) {
        const t = y / (size - 1);
        for (let c = 0; c < 3; c++) {
          const bg = background.top[c]! * (1 - t) + background.bottom[c]! * t;
          png.data[i + c] = Math.round(bg * (1 - alpha) + 255 * alpha);
        }
        png.data[i + 3] = 255;
      } else {
        png.data[i] = png.data[i + 1] = png.data[i + 2] = 255;
        png.data[i + 3] = Math.round(255 * alpha);
      }
    }
  }
  return PNG.sync.write(png);
}

const dir = path.join(import.meta.dirname, 'icons');
// Fjord teal; white on it has a contrast of about 5.6:1. The manifest's accentColor is the same.
writeFileSync(path.join(dir, 'color.png'), draw(192, { left: 40, size: 112, stroke: 9, radius: 26 }, { top: [0x13, 0x7f, 0x8c], bottom: [0x0b, 0x5e, 0x69] }));
writeFileSync(path.join(dir, 'outline.png'), draw(32, { left: 2, size: 28, stroke: 2, radius: 7 }, null));
