import { describe, expect, it } from 'vitest';
import { allowedActions, decideStep, needActions, needStatuses, type NeedAction, type NeedRelation, type NeedStatus } from './need-workflow';

/** The issue's workflow written out by hand: status → action → [to, who]. Everything not listed is refused. */
const expected: Partial<Record<NeedStatus, Partial<Record<NeedAction, [NeedStatus, NeedRelation[]]>>>> = {
  submitted: {
    accept: ['accepted', ['coordinator', 'admin']],
    reject: ['rejected', ['coordinator', 'admin']],
    withdraw: ['withdrawn', ['owner', 'coordinator', 'admin']],
  },
  accepted: {
    assign: ['matched', ['coordinator', 'admin']],
    withdraw: ['withdrawn', ['owner', 'coordinator', 'admin']],
  },
  matched: {
    assign: ['matched', ['coordinator', 'admin']],
    start: ['in_service', ['assignee', 'coordinator', 'admin']],
    decline: ['accepted', ['assignee']],
    withdraw: ['withdrawn', ['owner', 'coordinator', 'admin']],
  },
  in_service: {
    resolve: ['resolved', ['assignee', 'coordinator', 'admin']],
    withdraw: ['withdrawn', ['owner', 'coordinator', 'admin']],
  },
  resolved: {
    confirm: ['confirmed', ['owner']],
    reopen: ['reopened', ['owner']],
  },
  reopened: {
    assign: ['matched', ['coordinator', 'admin']],
    withdraw: ['withdrawn', ['owner', 'coordinator', 'admin']],
  },
};

const relations: NeedRelation[] = ['owner', 'coordinator', 'assignee', 'admin'];
const full = { note: '理由', rating: 5 };

describe('the need state machine', () => {
  for (const status of needStatuses) {
    for (const action of needActions) {
      const want = expected[status]?.[action];
      for (const rel of relations) {
        const allowed = !!want && want[1].includes(rel);
        it(`${status} —${action}→ by ${rel}: ${allowed ? `→ ${want![0]}` : 'refused'}`, () => {
          const r = decideStep(status, action, [rel], full);
          if (allowed) expect(r).toEqual({ ok: true, to: want![0] });
          else expect(r).toEqual({ ok: false, refusal: want ? 'role' : 'status' });
        });
      }
    }
  }

  it('asks for a reason to reject, decline and reopen, and a 1–5 rating to confirm', () => {
    expect(decideStep('submitted', 'reject', ['coordinator'])).toEqual({ ok: false, refusal: 'note' });
    expect(decideStep('submitted', 'reject', ['coordinator'], { note: '  ' })).toEqual({ ok: false, refusal: 'note' });
    expect(decideStep('matched', 'decline', ['assignee'], {})).toEqual({ ok: false, refusal: 'note' });
    expect(decideStep('resolved', 'reopen', ['owner'], {})).toEqual({ ok: false, refusal: 'note' });
    for (const rating of [0, 6, 3.5, null]) expect(decideStep('resolved', 'confirm', ['owner'], { rating })).toEqual({ ok: false, refusal: 'rating' });
    expect(decideStep('resolved', 'confirm', ['owner'], { rating: 1 })).toEqual({ ok: true, to: 'confirmed' });
  });

  it('terminal statuses allow nothing, and withdrawal ends before resolution', () => {
    for (const s of ['rejected', 'confirmed', 'withdrawn'] as const) expect(allowedActions(s, relations)).toEqual([]);
    expect(allowedActions('resolved', ['owner'])).toEqual(['confirm', 'reopen']);
    expect(allowedActions('resolved', ['coordinator', 'admin'])).toEqual([]);
    expect(allowedActions('submitted', ['owner'])).toEqual(['withdraw']);
  });
});
