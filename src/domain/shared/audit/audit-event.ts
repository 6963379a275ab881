// The audit event's shape and its canonical form for the hash chain (RELIABILITY.md §4.12).
// hash = SHA-256(prev_hash ‖ canonical(row)); the canonical text is a JSON array in a fixed order
// so a verifier in any language can recompute it.

export type AuditOutcome = 'success' | 'refused';

export interface AuditEventInput {
  readonly action: string;
  readonly outcome?: AuditOutcome;
  readonly subjectType?: string;
  readonly subjectId?: string;
  readonly childId?: string;
  /** What changed: field names to new (and where useful old) values. Never free-text case notes. */
  readonly changes?: Readonly<Record<string, unknown>>;
}

export interface AuditContext {
  readonly actorUserId: string | null;
  readonly actorLabel: string;
  readonly requestId: string | null;
  readonly ip: string | null;
}

export interface ChainedAuditRow {
  readonly seq: string;
  readonly occurredAt: string;
  readonly actorUserId: string | null;
  readonly actorLabel: string;
  readonly action: string;
  readonly outcome: AuditOutcome;
  readonly subjectType: string | null;
  readonly subjectId: string | null;
  readonly childId: string | null;
  readonly requestId: string | null;
  readonly ip: string | null;
  readonly changes: unknown;
}

/** Event names are `<module>.<thing>.<past-tense verb>` (CONVENTIONS.md 8). */
export const AUDIT_ACTION_PATTERN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

/**
 * The canonical text after its first element (the sequence number) and the comma that follows it:
 * canonical(row) = `["<seq>",` + tail. The append computes the hash in PostgreSQL from this tail
 * and the sequence number it takes under the chain head's lock (src/db/shared/audit-repository.ts).
 */
export function canonicalAuditTail(row: Omit<ChainedAuditRow, 'seq'>): string {
  return JSON.stringify([
    row.occurredAt,
    row.actorUserId,
    row.actorLabel,
    row.action,
    row.outcome,
    row.subjectType,
    row.subjectId,
    row.childId,
    row.requestId,
    row.ip,
    sortKeys(row.changes ?? null),
  ]).slice(1);
}

export function canonicalAuditText(row: ChainedAuditRow): string {
  return `[${JSON.stringify(row.seq)},${canonicalAuditTail(row)}`;
}

export const GENESIS_HASH = '0'.repeat(64);
