import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { readDistricts } from './visibility';

const actor = (role: Actor['role'], scopes: Actor['scopes']): Actor => ({ userId: null, username: 'x', role, scopes, permissions: [], requestId: 'r', ip: null });
const pudong = { kind: 'district' as const, value: '310115' };

describe('readDistricts: the districts outside which an actor reads nothing (a list filtered elsewhere is empty without a query)', () => {
  it('bounds a district coordinator’s organisations, places and reports to their districts', () => {
    const a = actor('coordinator', [pudong]);
    expect(readDistricts(a, 'organization')).toEqual(['310115']);
    expect(readDistricts(a, 'place')).toEqual(['310115']);
    expect(readDistricts(a, 'report')).toEqual(['310115']);
  });

  it('does not bound what is reached beyond the districts: people at the coordinator’s organisations, events with a branch venue there', () => {
    const a = actor('coordinator', [pudong]);
    expect(readDistricts(a, 'person')).toBeUndefined();
    expect(readDistricts(a, 'event')).toBeUndefined();
  });

  it('does not bound a network scope’s organisations (members anywhere) nor an admin', () => {
    expect(readDistricts(actor('coordinator', [pudong, { kind: 'network', value: '00000000-0000-4000-8000-000000000001' }]), 'organization')).toBeUndefined();
    expect(readDistricts(actor('admin', []), 'organization')).toBeUndefined();
  });

  it('bounds an actor without scopes to no district at all', () => {
    expect(readDistricts(actor('viewer', []), 'organization')).toEqual([]);
  });
});
