import type { User } from '../../../../common/schemas/accounts';
import type { UserRow } from './accounts.repository';

export function presentUser(u: UserRow): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    scopes: u.scopes,
    permissions: u.permissions,
    disabled: u.disabled,
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
  };
}

/** The audit view of a user: no password hash, no counters. */
export const auditUser = (u: UserRow) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  scopes: u.scopes,
  permissions: u.permissions,
  disabled: u.disabled,
});
