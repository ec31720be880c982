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

/** District codes the actor may see, or 'all'. Network scopes are resolved by the features that know memberships. */
export function visibleDistricts(actor: Actor): 'all' | string[] {
  if (actor.role === 'admin') return 'all';
  return actor.scopes.filter((s) => s.kind === 'district').map((s) => s.value);
}

export function canSeeDistrict(actor: Actor, districtCode: string | null): boolean {
  const v = visibleDistricts(actor);
  return v === 'all' || (districtCode !== null && v.includes(districtCode));
}
