/**
 * Remembers the main window's size, position and maximized flag in userData/window-state.json.
 * The file is validated on read (anything odd → defaults) and the bounds are clamped to a visible display,
 * because village laptops get unplugged from their second monitor.
 */
import type { BrowserWindow } from 'electron';
import { readJsonFile, writeJsonFile } from './json-file';
import type { Logger } from './logger';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  width: number;
  height: number;
  /** Absent means "let the OS centre the window". */
  x?: number;
  y?: number;
  isMaximized: boolean;
}

export const MIN_WINDOW_WIDTH = 800;
export const MIN_WINDOW_HEIGHT = 600;
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, isMaximized: false };
/** How much of the window must stay on a display for the user to grab its title bar. */
const MIN_VISIBLE = 100;
const MAX_DIMENSION = 100_000;

function isFiniteInt(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

/** Validates a parsed window-state file; null when it is not a plausible state. */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (!isFiniteInt(r.width, 1, MAX_DIMENSION) || !isFiniteInt(r.height, 1, MAX_DIMENSION)) return null;
  if (typeof r.isMaximized !== 'boolean') return null;
  const state: WindowState = { width: Math.round(r.width), height: Math.round(r.height), isMaximized: r.isMaximized };
  if (isFiniteInt(r.x, -MAX_DIMENSION, MAX_DIMENSION) && isFiniteInt(r.y, -MAX_DIMENSION, MAX_DIMENSION)) {
    state.x = Math.round(r.x);
    state.y = Math.round(r.y);
  }
  return state;
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

function clampSize(state: WindowState, area: Rect): { width: number; height: number } {
  return {
    width: Math.min(Math.max(state.width, MIN_WINDOW_WIDTH), area.width),
    height: Math.min(Math.max(state.height, MIN_WINDOW_HEIGHT), area.height),
  };
}

/**
 * Fits the state to the current displays: the display the window overlaps most keeps it (moved fully inside);
 * a window no display shows well enough is re-centred on the primary display.
 */
export function clampToDisplays(state: WindowState, workAreas: readonly Rect[], primary: Rect): WindowState {
  if (state.x !== undefined && state.y !== undefined) {
    const bounds = { x: state.x, y: state.y, width: state.width, height: state.height };
    let best: Rect | undefined;
    let bestArea = 0;
    for (const area of workAreas) {
      const o = overlap(bounds, area);
      if (o.width >= Math.min(MIN_VISIBLE, bounds.width) && o.height >= Math.min(MIN_VISIBLE, bounds.height)) {
        if (o.width * o.height > bestArea) {
          bestArea = o.width * o.height;
          best = area;
        }
      }
    }
    if (best) {
      const size = clampSize(state, best);
      const x = Math.min(Math.max(state.x, best.x), best.x + best.width - size.width);
      const y = Math.min(Math.max(state.y, best.y), best.y + best.height - size.height);
      return { ...size, x, y, isMaximized: state.isMaximized };
    }
  }
  const size = clampSize(state, primary);
  return {
    ...size,
    x: primary.x + Math.round((primary.width - size.width) / 2),
    y: primary.y + Math.round((primary.height - size.height) / 2),
    isMaximized: state.isMaximized,
  };
}

/** Reads the remembered state (defaults when missing or corrupt) and fits it to the displays. */
export function loadWindowState(file: string, workAreas: readonly Rect[], primary: Rect, log: Logger): WindowState {
  const read = readJsonFile(file);
  const parsed = read.status === 'ok' ? parseWindowState(read.value) : null;
  if (read.status !== 'missing' && parsed === null) log.warn('window state ignored: invalid file');
  return clampToDisplays(parsed ?? DEFAULT_WINDOW_STATE, workAreas, primary);
}

/** Writes the state; a failure is logged, never thrown (losing the window size is harmless). */
export function saveWindowState(file: string, state: WindowState, log: Logger): void {
  try {
    writeJsonFile(file, state);
  } catch (error) {
    log.warn('window state not saved', { error: String(error) });
  }
}

/** Saves the window's normal (unmaximized) bounds and maximized flag when it closes. */
export function trackWindowState(win: BrowserWindow, file: string, log: Logger): void {
  win.on('close', () => {
    const bounds = win.getNormalBounds();
    saveWindowState(file, { ...bounds, isMaximized: win.isMaximized() }, log);
  });
}
