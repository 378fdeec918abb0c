import { monotonicFactory } from 'ulid';

/** ULIDs generated offline; monotonic so that two events recorded in the same millisecond keep their order. */
export const newId: () => string = monotonicFactory();
