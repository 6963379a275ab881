import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../../src/domain/shared/access/actor.ts';
import { decideChildRecordAccess, type ChildRecordFacts } from '../../../../src/domain/shared/access/child-record-policy.ts';
import type { Role } from '../../../../src/domain/shared/access/roles.ts';

const TEAM_A = 'team-a';
const TEAM_B = 'team-b';

const actor = (userId: string, roles: Role[], teams: { teamId: string; isManager: boolean }[] = []): Actor => ({
  userId,
  displayName: userId,
  roles,
  teams: teams.map((t) => ({ ...t, teamName: t.teamId })),
});

const facts = (over: Partial<ChildRecordFacts> = {}): ChildRecordFacts => ({
  childId: 'child',
  restriction: 'none',
  allocatedWorkerId: 'worker',
  allocatedTeamId: TEAM_A,
  restrictionContact: { userId: 'contact', displayName: 'Dana Contact' },
  grantedUserIds: [],
  ...over,
});

const worker = actor('worker', ['social_worker'], [{ teamId: TEAM_A, isManager: false }]);
const colleague = actor('colleague', ['social_worker'], [{ teamId: TEAM_A, isManager: false }]);
const manager = actor('manager', ['team_manager'], [{ teamId: TEAM_A, isManager: true }]);
const otherTeam = actor('other', ['social_worker'], [{ teamId: TEAM_B, isManager: false }]);
const otherManager = actor('other-manager', ['team_manager'], [{ teamId: TEAM_B, isManager: true }]);
const mash = actor('mash', ['mash_practitioner']);
const chair = actor('chair', ['cp_chair']);
const iro = actor('iro', ['iro']);
const performance = actor('perf', ['performance_officer']);
const admin = actor('admin', ['system_admin']);
const adoption = actor('adopt', ['adoption_worker']);
const contact = actor('contact', ['team_manager'], [{ teamId: TEAM_B, isManager: true }]);

type Expect = 'allow' | 403 | 404;
const outcome = (a: Actor, action: 'read' | 'change', f: ChildRecordFacts): Expect => {
  const d = decideChildRecordAccess(a, action, f);
  return d.allowed ? 'allow' : d.status;
};

describe('access to an ordinary child record', () => {
  it.each<[string, Actor, Expect, Expect]>([
    ['allocated worker', worker, 'allow', 'allow'],
    ['same-team colleague', colleague, 'allow', 'allow'],
    ['manager of the allocated team', manager, 'allow', 'allow'],
    ['worker in another team', otherTeam, 403, 403],
    ['manager of another team', otherManager, 403, 403],
    ['MASH practitioner (cross-case)', mash, 'allow', 'allow'],
    ['CP chair (cross-case)', chair, 'allow', 'allow'],
    ['IRO (cross-case)', iro, 'allow', 'allow'],
    ['performance officer reads but never changes', performance, 'allow', 403],
    ['system administrator sees no case data', admin, 403, 403],
  ])('%s', (_label, who, read, change) => {
    expect(outcome(who, 'read', facts())).toBe(read);
    expect(outcome(who, 'change', facts())).toBe(change);
  });

  it('gives the basis of an allowed decision', () => {
    expect(decideChildRecordAccess(worker, 'read', facts())).toEqual({ allowed: true, basis: 'allocated-worker' });
    expect(decideChildRecordAccess(manager, 'read', facts())).toEqual({ allowed: true, basis: 'team-manager' });
    expect(decideChildRecordAccess(mash, 'read', facts())).toEqual({ allowed: true, basis: 'cross-case-role' });
  });

  it('lets a named grant open a record outside the team', () => {
    expect(outcome(otherTeam, 'read', facts({ grantedUserIds: ['other'] }))).toBe('allow');
  });

  it('refuses an unallocated child to everyone but cross-case roles and grants', () => {
    const unallocated = facts({ allocatedWorkerId: null, allocatedTeamId: null });
    expect(outcome(worker, 'read', unallocated)).toBe(403);
    expect(outcome(mash, 'read', unallocated)).toBe('allow');
  });
});

describe('access to a restricted record', () => {
  const restricted = facts({ restriction: 'restricted' });

  it('allows only the allocated worker, the named contact and named grants', () => {
    expect(outcome(worker, 'read', restricted)).toBe('allow');
    expect(outcome(contact, 'read', restricted)).toBe('allow');
    expect(outcome(otherTeam, 'read', facts({ restriction: 'restricted', grantedUserIds: ['other'] }))).toBe('allow');
  });

  it.each([colleague, manager, mash, chair, iro, performance, otherTeam])('refuses %s with a message naming who to ask', (who) => {
    const decision = decideChildRecordAccess(who, 'read', restricted);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) {
      expect(decision.status).toBe(403);
      expect(decision.message).toContain('Dana Contact');
    }
  });
});

describe('access to a sealed record', () => {
  const sealed = facts({ restriction: 'sealed', allocatedWorkerId: 'adopt', grantedUserIds: ['adopt'] });

  it('is open to named grants only', () => {
    expect(outcome(adoption, 'read', sealed)).toBe('allow');
  });

  it.each([worker, manager, mash, chair, iro, performance, admin, contact])('does not exist for %s (404)', (who) => {
    expect(outcome(who, 'read', sealed)).toBe(404);
    expect(outcome(who, 'change', sealed)).toBe(404);
  });

  it('is not opened by allocation alone', () => {
    expect(outcome(adoption, 'read', facts({ restriction: 'sealed', allocatedWorkerId: 'adopt' }))).toBe(404);
  });
});
