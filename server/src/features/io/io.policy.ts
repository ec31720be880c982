import type { IoKind } from '../../../../common/schemas/io';
import type { Actor } from '../../lib/actor';
import { changesRecords, mayPlaceIn, placeableNames } from '../../lib/visibility';

/** Admins and coordinators keep the directory, so they import; coordinators only into their districts. */
export const canImport = (actor: Actor) => changesRecords(actor);

/** lib/visibility.ts's change rule: a coordinator imports only records of their districts. */
export const canImportInto = (actor: Actor, districtCode: string | null) => mayPlaceIn(actor, districtCode);

/** People are exported by the roles that keep them (docs/ACCESS.md); experts, enterprise users and viewers read profiles only. */
export const canExport = (actor: Actor, kind: IoKind) => kind !== 'people' || changesRecords(actor);

/** Clear phone numbers and e-mail addresses in an export: the roles that may unmask a person. */
export const canExportUnmasked = (actor: Actor) => actor.role === 'admin' || actor.role === 'coordinator';

/** Political affiliation is exported only with its own permission (and the person's consent). */
export const canExportPolitical = (actor: Actor) => actor.permissions.includes('political');

/** "浦东新区、徐汇区": the districts an actor may import into, for messages. */
export const scopeNames = (actor: Actor): string => placeableNames(actor);
