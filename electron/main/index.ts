/** Main-process entry (bundled to dist/electron/main.cjs). All wiring lives in lifecycle.ts. */
import { startApp } from './lifecycle';

startApp();
