/** Typed main → renderer events: the only way main pushes anything to the page. */
import type { WebContents } from 'electron';
import type { EventChannel, EventContract } from '../../../shared/ipc/contract';

/** Sends one contract event to a live page; a destroyed page is skipped silently (nothing to tell). */
export function sendEvent<C extends EventChannel>(
  contents: WebContents | undefined,
  channel: C,
  payload: EventContract[C],
): void {
  if (!contents || contents.isDestroyed()) return;
  contents.send(channel, payload);
}
