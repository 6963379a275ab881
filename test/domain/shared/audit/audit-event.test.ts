import { describe, expect, it } from 'vitest';
import { canonicalAuditTail, canonicalAuditText, type ChainedAuditRow } from '../../../../src/domain/shared/audit/audit-event.ts';

const row: ChainedAuditRow = {
  seq: '42',
  occurredAt: '2026-01-02T09:00:00.000Z',
  actorUserId: null,
  actorLabel: 'Tester "quoted"',
  action: 'people.child-record.viewed',
  outcome: 'success',
  subjectType: 'person',
  subjectId: 'p1',
  childId: null,
  requestId: 'r1',
  ip: '127.0.0.1',
  changes: { b: 1, a: { d: 'ü', c: [2, 1] } },
};

describe('the canonical audit text', () => {
  it('is a JSON array in the fixed order, object keys sorted (what verifiers in any language recompute)', () => {
    expect(canonicalAuditText(row)).toBe(
      '["42","2026-01-02T09:00:00.000Z",null,"Tester \\"quoted\\"","people.child-record.viewed","success","person","p1",null,"r1","127.0.0.1",{"a":{"c":[2,1],"d":"ü"},"b":1}]',
    );
  });

  it('is `["<seq>",` followed by the tail the database append hashes after taking the next seq', () => {
    expect(canonicalAuditText(row)).toBe(`["42",${canonicalAuditTail(row)}`);
    expect(canonicalAuditTail(row).startsWith('"2026-01-02')).toBe(true);
  });
});
