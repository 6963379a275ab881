// "Who viewed this record" for a child, from the audit of access: every view, refusal and change,
// newest first, for managers (permission 'audit:view') who may read the record. Looking is itself
// audited, so it shows in the list it reads.
import { listAccessLog, mergedIdsOf } from '../../db/people/access-log-repository.ts';
import { findPersonDetails, type PersonDetails } from '../../db/people/person-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { guardPerson } from './person-access.ts';

export interface AccessLogEntry {
  readonly occurredAt: Date;
  readonly who: string;
  readonly what: string;
  readonly outcome: 'success' | 'refused';
  readonly onMergedRecord: boolean;
}

export interface AccessLogPage {
  readonly person: PersonDetails;
  readonly entries: readonly AccessLogEntry[];
  readonly page: number;
  readonly more: boolean;
  readonly viewsOnly: boolean;
}

const PAGE_SIZE = 50;

const VIEW_NAMES: Readonly<Record<string, string>> = {
  summary: 'the summary',
  api: 'the record through the API',
  relationships: 'family and relationships',
  genogram: 'the genogram',
  'access-log': 'who viewed the record',
};

/** Plain words for an audit action (unknown ones are shown by name). */
export function describeAction(action: string, outcome: string, changes: unknown): string {
  if (outcome === 'refused') return 'Was refused access';
  const view = changes !== null && typeof changes === 'object' && 'view' in changes && typeof changes.view === 'string' ? changes.view : null;
  if (action === 'people.child-record.viewed') return `Viewed ${view === null ? 'the record' : (VIEW_NAMES[view] ?? view)}`;
  if (action === 'people.record-access-log.viewed') return 'Viewed who viewed the record';
  if (action.endsWith('.viewed')) return `Viewed (${action})`;
  const parts = action.split('.');
  const thing = (parts[1] ?? action).replace(/-/g, ' ');
  const verb = (parts[2] ?? '').replace(/-/g, ' ');
  return `${thing.charAt(0).toUpperCase()}${thing.slice(1)} ${verb}`.trim();
}

export async function viewAccessLog(deps: AppDeps, ctx: RequestContext, childId: string, options: { page?: number; viewsOnly?: boolean } = {}): Promise<AccessLogPage> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    requirePermission(ctx, 'audit:view');
    const guarded = await guardPerson(trx, ctx.actor, 'read', childId, now);
    const person = await findPersonDetails(trx, childId);
    if (person === undefined || !guarded.isChild || person.mergedIntoPersonId !== null) throw new NotFoundError('Child');
    const page = Math.max(1, Math.min(options.page ?? 1, 10_000));
    const viewsOnly = options.viewsOnly ?? false;
    // Audited first, so this very look is the top line.
    await audit({ action: 'people.record-access-log.viewed', subjectType: 'person', subjectId: childId, childId, changes: { page, viewsOnly, view: 'access-log' } });
    const merged = await mergedIdsOf(trx, childId);
    const { rows, more } = await listAccessLog(trx, [childId, ...merged], { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, viewsOnly });
    return {
      person,
      entries: rows.map((r) => ({ occurredAt: r.occurredAt, who: r.actorLabel, what: describeAction(r.action, r.outcome, r.changes), outcome: r.outcome, onMergedRecord: r.childId !== childId })),
      page,
      more,
      viewsOnly,
    };
  });
}
