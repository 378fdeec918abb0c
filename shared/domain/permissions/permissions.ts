/**
 * Who may do what. The same matrix is enforced in the UI, in the repositories and on the server (validate_doc_update),
 * because replicated documents skip client hooks (docs/conventions.md).
 *
 * Reasoning: the village (starosta, clerk) receives, registers and hands answers over; the council decides. Art. 20 gives
 * the extension of a term to the head of the body, and the answer, the executor and removal from control are the
 * council's acts, so those kinds are central-only. The starosta, as an official, may also return an incomplete appeal
 * (art. 5: within 10 days) or record an art. 8 ground; a clerk only keeps the register.
 */
import type { Role } from '../appeal/appeal.types';
import { EVENT_KINDS, type EventKind } from '../events/event.types';

/** All roles, village roles first. */
export const ROLES = ['starosta', 'clerk', 'central'] as const satisfies readonly Role[];

/** The event kinds each role may record. */
export const PERMISSIONS: Readonly<Record<Role, readonly EventKind[]>> = {
  starosta: ['forwarded', 'delivered', 'comment', 'amended', 'returned-incomplete', 'not-considered'],
  clerk: ['forwarded', 'delivered', 'comment', 'amended'],
  central: [
    'assigned',
    'extended',
    'answered',
    'closed',
    'delivered',
    'comment',
    'amended',
    'returned-incomplete',
    'not-considered',
  ],
};

/** Kinds only the council's central office may write (no village role has them). */
export const COUNCIL_EVENT_KINDS: readonly EventKind[] = EVENT_KINDS.filter(
  (kind) => !PERMISSIONS.starosta.includes(kind) && !PERMISSIONS.clerk.includes(kind),
);

/** True for a known role name (input may come from a stored profile or a replicated document). */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Every role may register appeals (village roles only for their own village, see canActOnVillage). */
export function canRegister(role: Role): boolean {
  return isRole(role);
}

/** True when the role may record an event of this kind. */
export function canWriteEvent(role: Role, kind: EventKind): boolean {
  return isRole(role) && PERMISSIONS[role].includes(kind);
}

/** Village roles act only on their own village's appeals; the central office acts on all of them. */
export function canActOnVillage(user: { role: Role; villageId: string }, villageId: string): boolean {
  if (!isRole(user.role) || typeof villageId !== 'string' || villageId === '') return false;
  return user.role === 'central' || user.villageId === villageId;
}
