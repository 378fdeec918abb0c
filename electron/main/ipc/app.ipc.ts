/** Handlers of the `app:*` channels: what the app is, and which language its menu speaks. */
import type { AppInfo, InvokeChannel, Language } from '../../../shared/ipc/contract';
import { ok } from '../../../shared/lib/result';
import type { MainHandlers } from './invoke-handlers';

export interface AppIpcDeps {
  getInfo(): AppInfo;
  /** Remembers the language and rebuilds the menu in it. */
  setLanguage(lang: Language): void;
}

type AppChannel = Extract<InvokeChannel, `app:${string}`>;

/** Builds the app:* part of the handler map. */
export function createAppHandlers(deps: AppIpcDeps): Pick<MainHandlers, AppChannel> {
  return {
    'app:get-info': () => ok(deps.getInfo()),
    'app:set-language': (_ctx, lang) => {
      deps.setLanguage(lang);
      return ok(undefined);
    },
  };
}
