/** Expected failures are values, not exceptions (docs/conventions.md). */
export type Result<T, E = AppErrorShape> = { ok: true; value: T } | { ok: false; error: E };

/** The one error shape that crosses boundaries (IPC, sync, UI). */
export interface AppErrorShape {
  code: string;
  message: string;
}

/** Wraps a value as a successful Result. */
export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

/** Wraps an error as a failed Result. */
export function err<E>(error: E): Result<never, E> {
  return { ok: false, error };
}

/** The base class for unexpected, code-carrying errors. */
export class AppError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
    this.name = 'AppError';
  }
}
