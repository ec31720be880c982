import type { Actor } from '../../lib/actor';

/**
 * Admins and coordinators keep the networks; a coordinator only those within their scope
 * (the service checks the scope with the same SQL condition that filters reads).
 */
export const canEditNetworks = (actor: Actor) => actor.role === 'admin' || actor.role === 'coordinator';
