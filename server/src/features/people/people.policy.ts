import type { Actor } from '../../lib/actor';
import { changesRecords } from '../../lib/visibility';

/** The 'political' permission is granted explicitly, to admins too (the system actor has it). */
export const hasPoliticalPermission = (actor: Actor) => actor.permissions.includes('political');

/** Political affiliation is sensitive (PIPL): shown only with the permission and the person's consent. */
export const canReadPolitical = (actor: Actor, person: { politicalConsent: boolean }) =>
  hasPoliticalPermission(actor) && person.politicalConsent;

/** Clear phone and e-mail: admins, and coordinators for people in their scope (the caller checks the scope). */
export const canUnmask = (actor: Actor) => actor.role === 'admin' || actor.role === 'coordinator';

/**
 * The biography beyond the public profile (name, roles, current titles, district, expertise, industries)
 * is read by the roles that keep the directory; experts, enterprise users and viewers get null (docs/ACCESS.md).
 */
export const canReadBio = (actor: Actor) => changesRecords(actor);
