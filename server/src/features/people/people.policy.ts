import type { Actor } from '../../lib/actor';

/** The 'political' permission is granted explicitly, to admins too (the system actor has it). */
export const hasPoliticalPermission = (actor: Actor) => actor.permissions.includes('political');

/** Political affiliation is sensitive (PIPL): shown only with the permission and the person's consent. */
export const canReadPolitical = (actor: Actor, person: { politicalConsent: boolean }) =>
  hasPoliticalPermission(actor) && person.politicalConsent;

/** Clear phone and e-mail: admins, and coordinators for people in their scope (the caller checks the scope). */
export const canUnmask = (actor: Actor) => actor.role === 'admin' || actor.role === 'coordinator';
