/**
 * Registers the contract's invoke handlers with `ipcMain.handle`, with the checks every channel needs:
 * the sender frame must be the app's own page, the payload must pass its guard, and a handler that throws
 * is turned into a Result error (thrown errors lose their fields crossing IPC).
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  type InvokeArgs,
  type InvokeChannel,
  type InvokeHandlerMap,
  type InvokeResult,
  IPC_ERROR_CODES,
} from '../../../shared/ipc/contract';
import { type ArgsGuard, INVOKE_GUARDS } from '../../../shared/ipc/guards';
import { err } from '../../../shared/lib/result';
import { isAppUrl } from '../app-origin';
import type { Logger } from '../logger';

/** What a handler learns about its caller, after the sender check passed. */
export interface IpcContext {
  senderUrl: string;
  /** The calling page (print handlers print exactly what it shows). */
  sender: WebContents;
}

export type MainHandlers = InvokeHandlerMap<IpcContext>;

async function dispatch<C extends InvokeChannel>(
  channel: C,
  handler: (ctx: IpcContext, ...args: InvokeArgs<C>) => Promise<InvokeResult<C>> | InvokeResult<C>,
  event: IpcMainInvokeEvent,
  rawArgs: readonly unknown[],
  log: Logger,
): Promise<InvokeResult<C>> {
  // senderFrame is null when the frame navigated away or was destroyed while the call was in flight.
  const senderUrl = event.senderFrame?.url;
  if (!senderUrl || !isAppUrl(senderUrl)) {
    log.warn('ipc sender rejected', { channel });
    return err({ code: IPC_ERROR_CODES.forbiddenSender, message: 'IPC is only accepted from the app page' });
  }
  const guard = INVOKE_GUARDS[channel] as ArgsGuard<C>;
  const args = guard(rawArgs);
  if (!args.ok) {
    log.warn('ipc payload rejected', { channel });
    return args;
  }
  try {
    return await handler({ senderUrl, sender: event.sender }, ...args.value);
  } catch (error) {
    log.error('ipc handler failed', { channel, error: error instanceof Error ? error.message : String(error) });
    return err({ code: IPC_ERROR_CODES.internal, message: 'Internal error in the main process' });
  }
}

// Generic per channel so the handler and its guard are checked against the same contract entry.
function registerOne<C extends InvokeChannel>(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: C,
  handler: MainHandlers[C],
  log: Logger,
): void {
  ipcMain.handle(channel, (event, ...rawArgs: unknown[]) => dispatch(channel, handler, event, rawArgs, log));
}

/** Registers every handler; returns a function that removes them (tests, window re-creation). */
export function registerInvokeHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: MainHandlers,
  log: Logger,
): () => void {
  const channels = Object.keys(INVOKE_GUARDS) as InvokeChannel[];
  for (const channel of channels) registerOne(ipcMain, channel, handlers[channel], log);
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
