import type { User } from '../../../../common/schemas/accounts';
import type { UserRow } from './accounts.repository';

/** `waitUntil`: when the user may try to log in again, while failed logins make them wait. */
export function presentUser(u: UserRow, waitUntil?: Date): User {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    scopes: u.scopes,
    permissions: u.permissions,
    disabled: u.disabled,
    lockedUntil: waitUntil ? waitUntil.toISOString() : null,
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
