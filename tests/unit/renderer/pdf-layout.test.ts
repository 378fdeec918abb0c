import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canvasSize,
  classifyPdfFailure,
  fitScale,
  MAX_CANVAS_PIXELS,
  MAX_ZOOM,
  MIN_ZOOM,
  stepZoom,
  ZOOM_STEPS,
} from '../../../renderer/features/files/pdf-layout';

describe('stepZoom', () => {
  it.each([
    [1, 1, 1.25],
    [1, -1, 0.75],
    [MAX_ZOOM, 1, MAX_ZOOM],
    [MIN_ZOOM, -1, MIN_ZOOM],
    // Between steps (never set by the buttons, but robust): to the nearest step in that direction.
    [1.1, 1, 1.25],
    [1.1, -1, 1],
    [9, -1, 2],
    [0.1, 1, 0.5],
  ] as const)('from %d in direction %d goes to %d', (zoom, direction, expected) => {
    expect(stepZoom(zoom, direction)).toBe(expected);
  });

  it('walks every step up and back down', () => {
    const up: number[] = [MIN_ZOOM];
    while (up.length < ZOOM_STEPS.length) up.push(stepZoom(up[up.length - 1] as number, 1));
    expect(up).toEqual([...ZOOM_STEPS]);
    expect(stepZoom(MAX_ZOOM, -1)).toBe(2);
  });
});

describe('fitScale', () => {
  it('fits an A4 page (595 pt) to the box and multiplies by the zoom', () => {
    expect(fitScale(595, 1190, 1)).toBe(2);
    expect(fitScale(595, 1190, 0.5)).toBe(1);
  });

  it('falls back to the zoom alone before the box is measured or for a degenerate page', () => {
    expect(fitScale(595, 0, 1.5)).toBe(1.5);
    expect(fitScale(0, 800, 1)).toBe(1);
    expect(fitScale(Number.NaN, 800, 1)).toBe(1);
  });
});

describe('canvasSize', () => {
  it('uses the screen ratio for a sharp page', () => {
    expect(canvasSize(800, 1131, 2)).toEqual({ width: 1600, height: 2262, ratio: 2 });
    expect(canvasSize(800, 1131, 0)).toEqual({ width: 800, height: 1131, ratio: 1 });
  });

  it('stays under the canvas limit for huge pages (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40_000 }),
        fc.integer({ min: 1, max: 40_000 }),
        fc.double({ min: 0.5, max: 4, noNaN: true }),
        (w, h, dpr) => {
          const size = canvasSize(w, h, dpr);
          expect(size.width * size.height).toBeLessThanOrEqual(Math.max(MAX_CANVAS_PIXELS, w + h + 1));
          expect(size.ratio).toBeLessThanOrEqual(dpr);
          expect(size.width).toBeGreaterThanOrEqual(1);
        },
      ),
    );
  });
});

describe('classifyPdfFailure', () => {
  it.each([
    [{ name: 'InvalidPDFException', message: 'Invalid PDF structure.' }, 'damaged'],
    [{ name: 'FormatError' }, 'damaged'],
    [new Error('anything'), 'damaged'],
    ['a string', 'damaged'],
    [null, 'damaged'],
    [{ name: 'PasswordException', code: 1 }, 'password'],
    [Object.assign(new Error('import failed'), { name: 'ViewerLoadError' }), 'viewer-unavailable'],
  ])('%j is %s', (error, expected) => {
    expect(classifyPdfFailure(error)).toBe(expected);
  });
});
