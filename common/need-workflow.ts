/**
 * The needs (诉求) vocabulary and THE state machine of a need, in one place (server and web):
 *
 *   submitted → accepted (or rejected with a reason) → matched → in_service → resolved
 *             → confirmed by the enterprise with a 1–5 rating and a comment, or reopened.
 *   withdrawn at any time before resolution. A declined assignment returns a matched need to accepted.
 *
 * Who may take each step is said here too, as relations of the actor to the need: the enterprise that
 * owns it, a coordinator who may change it (lib/visibility.ts's change rule), an assigned server, an admin.
 */
export const needCategories = ['technology', 'financing', 'listing', 'overseas', 'talent', 'ip', 'legal', 'policy', 'space', 'market', 'other'] as const;
export type NeedCategory = (typeof needCategories)[number];

export const needStatuses = ['submitted', 'accepted', 'rejected', 'matched', 'in_service', 'resolved', 'confirmed', 'reopened', 'withdrawn'] as const;
export type NeedStatus = (typeof needStatuses)[number];

export const needUrgencies = ['low', 'normal', 'high', 'urgent'] as const;
export type NeedUrgency = (typeof needUrgencies)[number];

export const assignmentStatuses = ['proposed', 'accepted', 'declined', 'withdrawn'] as const;
export type AssignmentStatus = (typeof assignmentStatuses)[number];

export const serviceKinds = ['technology', 'education', 'culture', 'legal', 'health', 'financing', 'policy', 'other'] as const;
export type ServiceKind = (typeof serviceKinds)[number];

/** The statuses of a need that is still open (counts towards load, shows as similar, can go on an agenda). */
export const openNeedStatuses: readonly NeedStatus[] = ['submitted', 'accepted', 'matched', 'in_service', 'reopened'];

/** How the actor stands to the need: several may hold at once (an admin is also allowed everything a coordinator is). */
export type NeedRelation = 'owner' | 'coordinator' | 'assignee' | 'admin';

export const needActions = ['accept', 'reject', 'assign', 'start', 'decline', 'resolve', 'confirm', 'reopen', 'withdraw'] as const;
export type NeedAction = (typeof needActions)[number];

interface Step {
  from: readonly NeedStatus[];
  to: NeedStatus;
  by: readonly NeedRelation[];
  /** the step needs a note (a reason) */
  needsNote?: boolean;
  /** the step needs a 1–5 rating */
  needsRating?: boolean;
}

const beforeResolution: readonly NeedStatus[] = ['submitted', 'accepted', 'matched', 'in_service', 'reopened'];

export const needSteps: Record<NeedAction, Step> = {
  accept: { from: ['submitted'], to: 'accepted', by: ['coordinator', 'admin'] },
  reject: { from: ['submitted'], to: 'rejected', by: ['coordinator', 'admin'], needsNote: true },
  /** assigning one or several servers from the ranked list; more may be added while matched */
  assign: { from: ['accepted', 'matched', 'reopened'], to: 'matched', by: ['coordinator', 'admin'] },
  /** an assigned server accepts the assignment and starts serving */
  start: { from: ['matched'], to: 'in_service', by: ['assignee', 'coordinator', 'admin'] },
  /** an assigned server declines with a reason: the need returns to matching */
  decline: { from: ['matched'], to: 'accepted', by: ['assignee'], needsNote: true },
  resolve: { from: ['in_service'], to: 'resolved', by: ['assignee', 'coordinator', 'admin'] },
  confirm: { from: ['resolved'], to: 'confirmed', by: ['owner'], needsRating: true },
  reopen: { from: ['resolved'], to: 'reopened', by: ['owner'], needsNote: true },
  withdraw: { from: beforeResolution, to: 'withdrawn', by: ['owner', 'coordinator', 'admin'] },
};

export type StepRefusal = 'status' | 'role' | 'note' | 'rating';

export type StepResult = { ok: true; to: NeedStatus } | { ok: false; refusal: StepRefusal };

/**
 * May an actor with these relations take `action` on a need in `status`? The one decision, pure.
 * The status is checked before the role: a step that no-one may take now says so.
 */
export function decideStep(
  status: NeedStatus,
  action: NeedAction,
  relations: readonly NeedRelation[],
  input: { note?: string | null; rating?: number | null } = {},
): StepResult {
  const step = needSteps[action];
  if (!step.from.includes(status)) return { ok: false, refusal: 'status' };
  if (!step.by.some((r) => relations.includes(r))) return { ok: false, refusal: 'role' };
  if (step.needsNote && !input.note?.trim()) return { ok: false, refusal: 'note' };
  if (step.needsRating && !(Number.isInteger(input.rating) && input.rating! >= 1 && input.rating! <= 5)) return { ok: false, refusal: 'rating' };
  return { ok: true, to: step.to };
}

/** The actions the actor may take now (the buttons on the need's page). */
export const allowedActions = (status: NeedStatus, relations: readonly NeedRelation[]): NeedAction[] =>
  needActions.filter((a) => {
    const step = needSteps[a];
    return step.from.includes(status) && step.by.some((r) => relations.includes(r));
  });
