import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { APP_PACKAGE_DIR, colorIconProblems, outlineIconProblems } from '../../scripts/package';
import { ACCENT_COLOR, colorIcon, outlineIcon } from '../../scripts/icons';

const color = readFileSync(join(APP_PACKAGE_DIR, 'color.png'));
const outline = readFileSync(join(APP_PACKAGE_DIR, 'outline.png'));

function pngOf(
  width: number,
  height: number,
  paint: (x: number, y: number) => [number, number, number, number],
): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) png.data.set(paint(x, y), (y * width + x) * 4);
  }
  return PNG.sync.write(png);
}

describe('the app icons', () => {
  it('color.png is 192×192 and fully opaque; outline.png is 32×32, white on transparent', () => {
    expect(colorIconProblems(color)).toEqual([]);
    expect(outlineIconProblems(outline)).toEqual([]);
    const decoded = PNG.sync.read(outline);
    const alphas = new Set<number>();
    for (let offset = 3; offset < decoded.data.length; offset += 4) alphas.add(decoded.data[offset] as number);
    expect(alphas.has(0)).toBe(true);
    // anti-aliased: some edge pixels are partly transparent
    expect([...alphas].some((alpha) => alpha > 0 && alpha < 255)).toBe(true);
  });

  it('are the ones scripts/icons.ts draws, on the manifest accent colour', () => {
    expect(Buffer.compare(PNG.sync.read(color).data, colorIcon().data)).toBe(0);
    expect(Buffer.compare(PNG.sync.read(outline).data, outlineIcon().data)).toBe(0);
    const manifest = JSON.parse(readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8')) as {
      accentColor: string;
    };
    expect(manifest.accentColor).toBe(ACCENT_COLOR);
    const corner = PNG.sync.read(color).data.subarray(0, 3);
    expect(`#${Buffer.from(corner).toString('hex').toUpperCase()}`).toBe(ACCENT_COLOR);
  });

  it('the checks refuse wrong sizes, translucent colour icons and coloured outline pixels', () => {
    expect(colorIconProblems(pngOf(32, 32, () => [10, 20, 30, 255]))[0]).toMatch(/32×32; Teams wants 192×192/);
    expect(colorIconProblems(pngOf(192, 192, (x) => [10, 20, 30, x === 0 ? 128 : 255]))).toEqual([
      'color.png has 192 pixels that are not fully opaque.',
    ]);
    expect(outlineIconProblems(pngOf(32, 32, (x) => (x < 4 ? [255, 0, 0, 255] : [0, 0, 0, 0])))).toEqual([
      'outline.png has 128 visible pixels that are not white.',
    ]);
    expect(outlineIconProblems(pngOf(32, 32, () => [255, 255, 255, 255]))).toEqual([
      'outline.png has no transparent background.',
    ]);
  });
});
