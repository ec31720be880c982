import { districtName } from '../../../../common/validators';
import { canSeeDistrict, visibleDistricts, type Actor } from '../../lib/actor';

/** Admins and coordinators keep the directory, so they import; coordinators only into their districts. */
export const canImport = (actor: Actor) => actor.role === 'admin' || actor.role === 'coordinator';

export const canImportInto = (actor: Actor, districtCode: string | null) =>
  actor.role === 'admin' || (actor.role === 'coordinator' && canSeeDistrict(actor, districtCode));

/** Clear phone numbers and e-mail addresses in an export: the roles that may unmask a person. */
export const canExportUnmasked = (actor: Actor) => actor.role === 'admin' || actor.role === 'coordinator';

/** Political affiliation is exported only with its own permission (and the person's consent). */
export const canExportPolitical = (actor: Actor) => actor.permissions.includes('political');

/** "浦东新区、徐汇区": the districts an actor may import into, for messages. */
export function scopeNames(actor: Actor): string {
  const v = visibleDistricts(actor);
  if (v === 'all') return '全市';
  return v.map((c) => districtName(c) ?? c).join('、') || '无';
}
