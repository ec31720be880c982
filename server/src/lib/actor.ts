import type { Permission, Role, Scope } from '../../../common/schemas/accounts';

/** Who is acting and from where: the first argument of every service function. */
export interface Actor {
  userId: string | null;
  username: string;
  role: Role;
  scopes: Scope[];
  permissions: Permission[];
  requestId: string;
  ip: string | null;
}

/** The actor of start-up work (demo data, first admin) and of the CLI. */
export function systemActor(requestId = 'system'): Actor {
  return { userId: null, username: 'system', role: 'admin', scopes: [], permissions: ['political'], requestId, ip: null };
}
