import type { OpenVillageApi } from './contract';

declare global {
  interface Window {
    /** Set by the Electron preload; undefined in a plain browser (renderer/platform picks a fallback). */
    api?: OpenVillageApi;
  }
}
