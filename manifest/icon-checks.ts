import { PNG } from 'pngjs';

/**
 * What Teams requires of the icons and the schema cannot check: the colour icon is 192×192, the
 * outline icon 32×32 and white on a transparent background. Returns `file: reason` for each problem.
 */
export function iconProblems(file: Buffer, name: string, kind: 'color' | 'outline'): string[] {
  let png: PNG;
  try {
    png = PNG.sync.read(file);
  } catch (error) {
    return [`${name}: is not a PNG image (${error instanceof Error ? error.message : String(error)})`];
  }
  const size = kind === 'color' ? 192 : 32;
  const problems: string[] = [];
  if (png.width !== size || png.height !== size) problems.push(`${name}: must be ${size}×${size} pixels, is ${png.width}×${png.height}`);
  if (kind === 'outline') {
    let transparent = 0;
    let coloured = 0;
    let visible = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const alpha = png.data[i + 3]!;
      if (alpha === 0) transparent++;
      else visible++;
      // Anti-aliased edges are white with partial alpha; any tint would show in the Teams app bar.
      if (alpha > 0 && Math.min(png.data[i]!, png.data[i + 1]!, png.data[i + 2]!) < 250) coloured++;
    }
    if (coloured > 0) problems.push(`${name}: must be white on a transparent background, but ${coloured} pixels are not white`);
    if (transparent === 0) problems.push(`${name}: must have a transparent background, but no pixel is transparent`);
    if (visible === 0) problems.push(`${name}: is empty (fully transparent)`);
  }
  return problems;
}
