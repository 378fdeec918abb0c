/**
 * Pure rules of the in-app PDF viewer: how large a page is drawn, the zoom steps, and which words explain a failure.
 * No DOM and no pdf.js here, so the rules are unit-tested without a browser.
 */

/** Zoom factors on top of "fit to width" (1); the buttons step through them. */
export const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
export const MIN_ZOOM = ZOOM_STEPS[0];
export const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1] as number;

/**
 * Chromium refuses canvases past about 16 384 px a side or 268 M pixels; a 20 MB scan zoomed in on a 4K screen
 * could ask for more. A canvas is kept under this many pixels (its CSS size stays, it is only less sharp).
 */
export const MAX_CANVAS_PIXELS = 16_777_216;

/** The next zoom step in a direction (+1 larger, -1 smaller), staying at the ends. */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  const index = ZOOM_STEPS.findIndex((z) => z >= zoom - 1e-9);
  const at = index === -1 ? ZOOM_STEPS.length - 1 : index;
  const exact = Math.abs((ZOOM_STEPS[at] as number) - zoom) < 1e-9;
  const next = direction === 1 ? (exact ? at + 1 : at) : at - 1;
  return ZOOM_STEPS[Math.min(ZOOM_STEPS.length - 1, Math.max(0, next))] as number;
}

/**
 * The scale (CSS pixels per PDF point) that makes a page `pageWidth` points wide fill `containerWidth` CSS pixels,
 * times the zoom. Falls back to 1 (100 %) when either width is unknown, e.g. before the layout ran.
 */
export function fitScale(pageWidth: number, containerWidth: number, zoom: number): number {
  if (!(pageWidth > 0) || !(containerWidth > 0)) return zoom;
  return (containerWidth / pageWidth) * zoom;
}

/**
 * The canvas size in device pixels for a page of `cssWidth` × `cssHeight` CSS pixels on a screen with
 * `devicePixelRatio`, and the ratio actually used: the screen's own unless that would pass `MAX_CANVAS_PIXELS`.
 */
export function canvasSize(
  cssWidth: number,
  cssHeight: number,
  devicePixelRatio: number,
): { width: number; height: number; ratio: number } {
  const wanted = devicePixelRatio > 0 ? devicePixelRatio : 1;
  const area = cssWidth * cssHeight;
  const ratio = area * wanted * wanted > MAX_CANVAS_PIXELS ? Math.sqrt(MAX_CANVAS_PIXELS / area) : wanted;
  return { width: Math.max(1, Math.floor(cssWidth * ratio)), height: Math.max(1, Math.floor(cssHeight * ratio)), ratio };
}

/** Why a PDF could not be shown, each with its own words in the catalogs. */
export type PdfFailure = 'damaged' | 'password' | 'viewer-unavailable';

/**
 * Classifies what pdf.js (or loading it) threw: a password-protected file; the viewer's code not loaded (a browser
 * offline before it was ever cached); anything else means pdf.js could not read the file, i.e. damaged or a
 * variant it does not support. pdf.js names its errors (`PasswordException`, `InvalidPDFException`, …).
 */
export function classifyPdfFailure(error: unknown): PdfFailure {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  if (name === 'PasswordException') return 'password';
  if (name === 'ViewerLoadError') return 'viewer-unavailable';
  return 'damaged';
}
