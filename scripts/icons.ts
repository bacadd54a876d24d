/**
 * Draws the Teams app icons from geometry, so they can be regenerated, reviewed as code and kept to Teams' rules:
 * `color.png` 192×192, fully opaque; `outline.png` 32×32, white on transparent (every pixel either fully
 * transparent or white with some alpha). The motif: a house whose body is a floor-plan grid, with a map pin
 * beside it (plan and building, placed in the county). Edges are anti-aliased by supersampling.
 *
 * Run: `npx tsx scripts/icons.ts` (writes appPackage/color.png and appPackage/outline.png).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

/** The manifest's accentColor: the colour the color icon's background is painted with. */
export const ACCENT_COLOR = '#0B5D73';
const PIN_COLOR = '#F2B134';
const WHITE = '#FFFFFF';

type Point = readonly [number, number];
/** A shape in unit coordinates (0..1 both ways, y downwards): true where the point is inside. */
type Shape = (x: number, y: number) => boolean;
interface Layer {
  shape: Shape;
  color: string;
}

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;

function polygon(points: readonly Point[]): Shape {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i] as Point;
      const [xj, yj] = points[j] as Point;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}

/** A stroke of the given width along a straight segment, with round caps. */
function segment(a: Point, b: Point, width: number): Shape {
  const [ax, ay] = a;
  const [bx, by] = b;
  const lengthSquared = (bx - ax) ** 2 + (by - ay) ** 2;
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / lengthSquared));
    const dx = x - (ax + t * (bx - ax));
    const dy = y - (ay + t * (by - ay));
    return dx * dx + dy * dy <= (width / 2) ** 2;
  };
}

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));
const minus =
  (shape: Shape, hole: Shape): Shape =>
  (x, y) =>
    shape(x, y) && !hole(x, y);

/** A map pin: a circle that narrows to a point straight below it, the sides tangent to the circle. */
function pin(cx: number, cy: number, r: number): Shape {
  const tipY = cy + 2 * r;
  const tangentX = r * Math.sin(Math.PI / 3);
  const tangentY = cy + r / 2;
  return union(
    circle(cx, cy, r),
    polygon([
      [cx - tangentX, tangentY],
      [cx + tangentX, tangentY],
      [cx, tipY],
    ]),
  );
}

/** A polyline stroked with round joins: each leg a segment. */
function stroke(points: readonly Point[], width: number): Shape {
  const legs: Shape[] = [];
  for (let i = 1; i < points.length; i++) legs.push(segment(points[i - 1] as Point, points[i] as Point, width));
  return union(...legs);
}

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/**
 * Paints the layers in order over a background (or transparency), each pixel sampled `samples`² times so that
 * edges get partial coverage instead of stairs.
 */
export function render(size: number, layers: readonly Layer[], background?: string, samples = 4): PNG {
  const png = new PNG({ width: size, height: size });
  const colors = layers.map((layer) => rgb(layer.color));
  const base = background ? rgb(background) : undefined;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let red = 0;
      let green = 0;
      let blue = 0;
      let alpha = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let color = base;
          for (let i = layers.length - 1; i >= 0; i--) {
            if ((layers[i] as Layer).shape(x, y)) {
              color = colors[i];
              break;
            }
          }
          if (color) {
            red += color[0];
            green += color[1];
            blue += color[2];
            alpha += 1;
          }
        }
      }
      const offset = (py * size + px) * 4;
      const total = samples * samples;
      png.data[offset] = alpha ? Math.round(red / alpha) : 0;
      png.data[offset + 1] = alpha ? Math.round(green / alpha) : 0;
      png.data[offset + 2] = alpha ? Math.round(blue / alpha) : 0;
      png.data[offset + 3] = Math.round((alpha / total) * 255);
    }
  }
  return png;
}

/** 192×192: accent background, white house with a floor-plan grid cut into it, an amber pin with a white eye. */
export function colorIcon(): PNG {
  const roof = polygon([
    [0.12, 0.47],
    [0.44, 0.2],
    [0.76, 0.47],
  ]);
  const body = rect(0.2, 0.47, 0.68, 0.82);
  const house = minus(union(roof, body), rect(0.12, 0.455, 0.76, 0.485));
  const gridWidth = 0.028;
  const grid = union(
    segment([0.36, 0.52], [0.36, 0.77], gridWidth),
    segment([0.52, 0.52], [0.52, 0.62], gridWidth),
    segment([0.25, 0.645], [0.63, 0.645], gridWidth),
  );
  const pinShape = pin(0.72, 0.3, 0.12);
  const pinHalo = pin(0.72, 0.3, 0.155);
  return render(
    192,
    [
      { shape: house, color: WHITE },
      { shape: grid, color: ACCENT_COLOR },
      { shape: pinHalo, color: ACCENT_COLOR },
      { shape: pinShape, color: PIN_COLOR },
      { shape: circle(0.72, 0.3, 0.048), color: WHITE },
    ],
    ACCENT_COLOR,
  );
}

/** 32×32: the same motif as white strokes on transparency, simplified for the small size. */
export function outlineIcon(): PNG {
  const width = 0.085;
  const house = stroke(
    [
      [0.24, 0.86],
      [0.24, 0.52],
      [0.08, 0.52],
      [0.42, 0.22],
      [0.58, 0.36],
    ],
    width,
  );
  const houseRight = stroke(
    [
      [0.62, 0.56],
      [0.62, 0.86],
      [0.24, 0.86],
    ],
    width,
  );
  const gridLine = segment([0.43, 0.6], [0.43, 0.84], width * 0.85);
  const pinShape = minus(pin(0.74, 0.26, 0.15), circle(0.74, 0.26, 0.06));
  return render(32, [{ shape: union(house, houseRight, gridLine, pinShape), color: WHITE }], undefined, 8);
}

function main(): void {
  const appPackageDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'appPackage');
  writeFileSync(join(appPackageDir, 'color.png'), PNG.sync.write(colorIcon()));
  writeFileSync(join(appPackageDir, 'outline.png'), PNG.sync.write(outlineIcon()));
  console.log(`Wrote color.png (192×192) and outline.png (32×32) to ${appPackageDir}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
