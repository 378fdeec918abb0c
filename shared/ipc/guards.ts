/**
 * Payload guards for every invoke channel. Main runs them on every call because the renderer is
 * untrusted: a compromised page can send anything through a channel name it knows.
 * Pure functions, no Electron import, so they are unit-tested directly and reusable by the renderer.
 */
import { LANGUAGES, type Language } from '../lib/i18n-text';
import { err, ok, type Result } from '../lib/result';
import { type InvokeArgs, type InvokeChannel, IPC_ERROR_CODES, MENU_COMMANDS, type MenuCommand } from './contract';

/** Validates the raw argument list of one channel and returns it typed. */
export type ArgsGuard<C extends InvokeChannel> = (args: readonly unknown[]) => Result<InvokeArgs<C>>;

/** True when the value is one of the supported UI languages. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** True when the value is one of the menu commands. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

function invalid(message: string): Result<never> {
  return err({ code: IPC_ERROR_CODES.invalidPayload, message });
}

/** One guard per invoke channel; the mapped type makes a missing channel a compile error. */
export const INVOKE_GUARDS: { [C in InvokeChannel]: ArgsGuard<C> } = {
  'app:get-info': (args) => (args.length === 0 ? ok([]) : invalid('app:get-info takes no arguments')),
  'app:set-language': (args) => {
    const [lang] = args;
    if (args.length !== 1 || !isLanguage(lang)) return invalid(`app:set-language expects one of ${LANGUAGES.join(', ')}`);
    return ok([lang]);
  },
};
