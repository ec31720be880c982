import type { Actor } from '../../lib/actor';

export const canManageUsers = (actor: Actor) => actor.role === 'admin';

/** Scopes only restrict non-admin roles; a coordinator without any scope would see nothing. */
export const needsScope = (role: Actor['role']) => role !== 'admin';
