import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { afterAll, describe, expect, it } from 'vitest';
import {
  clampToDisplays,
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  parseWindowState,
  type Rect,
  saveWindowState,
  trackWindowState,
} from '../../../electron/main/window-state';
import { FakeBrowserWindow } from './fake-electron';
import { removeTempDirs, tempDir } from './temp-dir';
import { memoryLogger } from './test-logger';

const primary: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const second: Rect = { x: 1920, y: 0, width: 1280, height: 984 };
const stateFile = () => join(tempDir('ov-window-'), 'window-state.json');

afterAll(removeTempDirs);

describe('window state file', () => {
  it('saves and loads the same bounds', () => {
    const file = stateFile();
    const log = memoryLogger();
    saveWindowState(file, { x: 100, y: 50, width: 1200, height: 700, isMaximized: true }, log);
    expect(loadWindowState(file, [primary], primary, log)).toEqual({
      x: 100,
      y: 50,
      width: 1200,
      height: 700,
      isMaximized: true,
    });
    expect(log.lines).toEqual([]);
  });

  it('falls back to centred defaults on the first run', () => {
    expect(loadWindowState(stateFile(), [primary], primary, memoryLogger())).toEqual({
      ...DEFAULT_WINDOW_STATE,
      x: 320,
      y: 120,
    });
  });

  it.each([
    ['not JSON', '{"width": 12'],
    ['wrong types', '{"width":"1200","height":700,"isMaximized":false}'],
    ['NaN-like size', '{"width":-5,"height":700,"isMaximized":false}'],
    ['missing flag', '{"width":1200,"height":700}'],
    ['an array', '[1,2,3]'],
  ])('ignores a corrupt file (%s) and logs it', (_name, content) => {
    const file = stateFile();
    writeFileSync(file, content);
    const log = memoryLogger();
    const state = loadWindowState(file, [primary], primary, log);
    expect(state).toMatchObject({ width: DEFAULT_WINDOW_STATE.width, height: DEFAULT_WINDOW_STATE.height, isMaximized: false });
    expect(log.lines.map((l) => l.message)).toEqual(['window state ignored: invalid file']);
  });

  it('drops a half-valid position but keeps the size', () => {
    expect(parseWindowState({ width: 900, height: 650, x: 'left', y: 3, isMaximized: false })).toEqual({
      width: 900,
      height: 650,
      isMaximized: false,
    });
  });

  it('saves the normal bounds and maximized flag when the window closes', () => {
    const file = stateFile();
    const win = new FakeBrowserWindow({});
    win.maximized = true;
    trackWindowState(win as unknown as BrowserWindow, file, memoryLogger());
    win.emit('close');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 10, y: 20, width: 1000, height: 700, isMaximized: true });
  });

  it('logs instead of throwing when the file cannot be written', () => {
    const blocker = stateFile();
    writeFileSync(blocker, '');
    const log = memoryLogger();
    expect(() => saveWindowState(join(blocker, 'window-state.json'), DEFAULT_WINDOW_STATE, log)).not.toThrow();
    expect(log.lines.map((l) => l.message)).toEqual(['window state not saved']);
  });
});

describe('clamping to displays', () => {
  it('re-centres a window left on a monitor that is gone', () => {
    const state = clampToDisplays({ x: 2500, y: 100, width: 1000, height: 700, isMaximized: false }, [primary], primary);
    expect(state).toEqual({ x: 460, y: 170, width: 1000, height: 700, isMaximized: false });
  });

  it('re-centres a window far off-screen with negative coordinates', () => {
    const state = clampToDisplays({ x: -5000, y: -3000, width: 1000, height: 700, isMaximized: true }, [primary], primary);
    expect(state).toEqual({ x: 460, y: 170, width: 1000, height: 700, isMaximized: true });
  });

  it('keeps a window on the second monitor when it is still there', () => {
    const state = clampToDisplays({ x: 2000, y: 100, width: 1000, height: 700, isMaximized: false }, [primary, second], primary);
    expect(state).toEqual({ x: 2000, y: 100, width: 1000, height: 700, isMaximized: false });
  });

  it('pulls a partly off-screen window fully inside its display', () => {
    const state = clampToDisplays({ x: 1500, y: 900, width: 1000, height: 700, isMaximized: false }, [primary], primary);
    expect(state).toEqual({ x: 920, y: 340, width: 1000, height: 700, isMaximized: false });
  });

  it('shrinks a window larger than the display and enforces the minimum size', () => {
    expect(clampToDisplays({ x: 0, y: 0, width: 4000, height: 3000, isMaximized: false }, [primary], primary)).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1040,
      isMaximized: false,
    });
    expect(clampToDisplays({ x: 0, y: 0, width: 200, height: 100, isMaximized: false }, [primary], primary)).toMatchObject({
      width: 800,
      height: 600,
    });
  });
});
