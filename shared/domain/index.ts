/** The public API of the domain: types and pure rules (validation, event fold, deadlines, indexes, permissions). */
export type * from './appeal/appeal.types';
export * from './appeal/validate';
export * from './deadlines/deadlines';
export type * from './events/event.types';
export { EVENT_KINDS } from './events/event.types';
export * from './events/fold';
export * from './indexes/appeal-id';
export * from './indexes/reg-index';
export * from './permissions/permissions';
export { problem, withPrefix } from './problem';
