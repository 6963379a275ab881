// A child's chronology on screen (latest first, as the MOJ timeline reads) and exported as a
// document (earliest first, as a court chronology reads). Both are audited with the filter used;
// exporting is a permission of its own (RELIABILITY.md §3.2 rule 12).
import { can } from '../../domain/shared/access/permissions.ts';
import type { ChronologyFilter, ChronologyItem } from '../../domain/records/chronology-entry.ts';
import { mayChangeChildRecord, openChildRecord, type ChildHeader } from '../records/child-page.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { buildChronology } from './build-chronology.ts';
import { chronologyDocx } from './chronology-docx.ts';

export interface ChronologyView {
  readonly child: ChildHeader;
  readonly items: readonly ChronologyItem[];
  readonly canAddEntry: boolean;
  readonly canExport: boolean;
}

const filterForAudit = (filter: ChronologyFilter) => ({ categories: [...filter.categories], from: filter.from, to: filter.to });

export async function viewChronology(deps: AppDeps, ctx: RequestContext, childId: string, filter: ChronologyFilter): Promise<ChronologyView> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, child } = await openChildRecord(trx, ctx.actor, 'read', childId, now);
    const items = await buildChronology(trx, childId, filter, 'latest-first');
    await audit({ action: 'records.chronology.viewed', subjectType: 'person', subjectId: childId, childId, changes: { filter: filterForAudit(filter), shown: items.length } });
    return {
      child,
      items,
      canAddEntry: await mayChangeChildRecord(trx, actor, childId, now),
      canExport: can(actor, 'records:export-chronology'),
    };
  });
}

export type ChronologyExportFormat = 'docx' | 'html';

export interface ChronologyExport {
  readonly child: ChildHeader;
  readonly items: readonly ChronologyItem[];
  readonly filter: ChronologyFilter;
  readonly exportedAt: Date;
  readonly exportedBy: string;
  /** The Word document, for the docx format. */
  readonly docx: Uint8Array | null;
}

export async function exportChronology(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  filter: ChronologyFilter,
  format: ChronologyExportFormat,
): Promise<ChronologyExport> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    requirePermission(ctx, 'records:export-chronology');
    const { actor, child } = await openChildRecord(trx, ctx.actor, 'read', childId, now);
    const items = await buildChronology(trx, childId, filter, 'earliest-first');
    const exported = { child, items, filter, exportedAt: now, exportedBy: actor.displayName };
    // Built inside the transaction: if the document cannot be made, no export is recorded.
    const docx = format === 'docx' ? await chronologyDocx(exported) : null;
    await audit({
      action: 'records.chronology.exported',
      subjectType: 'person',
      subjectId: childId,
      childId,
      changes: { format, filter: filterForAudit(filter), entries: items.length, items: items.map((i) => i.key) },
    });
    return { ...exported, docx };
  });
}
