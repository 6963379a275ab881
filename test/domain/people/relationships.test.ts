import { describe, expect, it } from 'vitest';
import { canHoldParentalResponsibility, inverseRelationship, RELATIONSHIP_CODES, relationshipProblems } from '../../../src/domain/people/relationships.ts';
import { childFlags, legalStatusText, type ChildStatusFacts } from '../../../src/domain/people/child-status.ts';
import { decidePersonAccess } from '../../../src/domain/people/person-access.ts';
import type { Actor } from '../../../src/domain/shared/access/actor.ts';
import type { ChildRecordFacts } from '../../../src/domain/shared/access/child-record-policy.ts';

describe('relationships, both ways round', () => {
  it('has an inverse for every relationship, and the inverse of the inverse is itself', () => {
    for (const code of RELATIONSHIP_CODES) expect(inverseRelationship(inverseRelationship(code))).toBe(code);
    expect(inverseRelationship('parent')).toBe('child');
    expect(inverseRelationship('grandparent')).toBe('grandchild');
    expect(inverseRelationship('sibling')).toBe('sibling');
  });

  it('refuses parental responsibility where the relationship cannot carry it, and a person related to themselves', () => {
    expect(canHoldParentalResponsibility('parent')).toBe(true);
    expect(canHoldParentalResponsibility('sibling')).toBe(false);
    expect(relationshipProblems({ personId: 'a', relatedPersonId: 'b', relationship: 'professional', parentalResponsibility: true })).toHaveProperty('parentalResponsibility');
    expect(relationshipProblems({ personId: 'a', relatedPersonId: 'a', relationship: 'parent', parentalResponsibility: false })).toHaveProperty('relatedPersonId');
    expect(relationshipProblems({ personId: 'a', relatedPersonId: 'b', relationship: 'parent', parentalResponsibility: true })).toEqual({});
  });
});

describe('the identity bar’s legal status and flags, from facts', () => {
  const facts = (over: Partial<ChildStatusFacts> = {}): ChildStatusFacts => ({ personType: 'child', restriction: 'none', legalStatuses: [], protectionPlans: [], ...over });

  it('says “Not looked after” until a looked-after legal status is current', () => {
    expect(legalStatusText(facts())).toBe('Not looked after');
    const ended = { code: 'V2', label: 'Accommodated under section 20', startedOn: '2025-01-01', endedOn: '2025-06-01' };
    expect(legalStatusText(facts({ legalStatuses: [ended] }))).toBe('Not looked after');
    const current = { code: 'C2', label: 'Full care order', startedOn: '2025-06-01', endedOn: null };
    expect(legalStatusText(facts({ legalStatuses: [ended, current] }))).toBe('Looked after: Full care order (C2)');
    expect(childFlags(facts({ legalStatuses: [current] })).map((f) => f.key)).toEqual(['looked-after']);
  });

  it('flags restricted and sealed records, a current child protection plan and an unborn child', () => {
    expect(childFlags(facts({ restriction: 'restricted' })).map((f) => f.key)).toEqual(['restricted']);
    expect(childFlags(facts({ restriction: 'sealed', personType: 'unborn' })).map((f) => f.key)).toEqual(['sealed', 'unborn']);
    expect(childFlags(facts({ protectionPlans: [{ startedOn: '2026-01-01', endedOn: null }] })).map((f) => f.key)).toEqual(['cp-plan']);
    expect(childFlags(facts({ protectionPlans: [{ startedOn: '2025-01-01', endedOn: '2025-12-01' }] }))).toEqual([]);
  });
});

describe('access to an adult’s record', () => {
  const actor = (roles: Actor['roles']): Actor => ({ userId: 'u1', displayName: 'U', roles, teams: [] });
  const facts = (over: Partial<ChildRecordFacts> = {}): ChildRecordFacts => ({
    childId: 'p1', restriction: 'none', allocatedWorkerId: null, allocatedTeamId: null, restrictionContact: null, grantedUserIds: [], ...over,
  });

  it('lets anyone whose role opens records open an ordinary adult record; the administrator, no', () => {
    expect(decidePersonAccess(actor(['social_worker']), 'read', 'adult', facts())).toEqual({ allowed: true, basis: 'adult-record' });
    expect(decidePersonAccess(actor(['performance_officer']), 'change', 'adult', facts()).allowed).toBe(false);
    expect(decidePersonAccess(actor(['system_admin']), 'read', 'adult', facts()).allowed).toBe(false);
  });

  it('applies the restricted and sealed rules to adults as to children', () => {
    expect(decidePersonAccess(actor(['social_worker']), 'read', 'adult', facts({ restriction: 'restricted', restrictionContact: { userId: 'm', displayName: 'M' } }))).toMatchObject({ allowed: false, status: 403 });
    expect(decidePersonAccess(actor(['social_worker']), 'read', 'adult', facts({ restriction: 'sealed' }))).toMatchObject({ allowed: false, status: 404 });
    expect(decidePersonAccess(actor(['social_worker']), 'read', 'child', facts())).toMatchObject({ allowed: false, status: 403 });
  });
});
