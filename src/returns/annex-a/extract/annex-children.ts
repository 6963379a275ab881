// A listed child's Annex A columns (identifier, gender, ethnicity, date of birth, disability), read
// from `person` for every child a list names, in chunks.
import { readChildren, type ChildRow } from '../../../app/returns/returns-data.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import type { RequestContext } from '../../../app/shared/request-context.ts';
import type { AnnexChild } from '../sources.ts';

const CHUNK = 2000;

export async function childrenOf(deps: AppDeps, ctx: RequestContext, ids: readonly string[]): Promise<Map<string, ChildRow>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, ChildRow>();
  for (let i = 0; i < unique.length; i += CHUNK) for (const row of await readChildren(deps, ctx, unique.slice(i, i + CHUNK))) out.set(row.id, row);
  return out;
}

export function annexChild(id: string, row: ChildRow | undefined): AnnexChild {
  return {
    personId: id,
    // The same LA child identifier as the CIN census (person.la_child_id, migration 0020).
    childUniqueId: row?.laChildId ?? '',
    gender: row?.gender ?? null,
    ethnicity: row?.ethnicity ?? null,
    dateOfBirth: row?.dateOfBirth ?? null,
    disabilities: row?.disabilities ?? [],
  };
}

/** Each row with its child's Annex A columns. */
export async function withChildren<R extends { readonly childId: string }>(
  deps: AppDeps,
  ctx: RequestContext,
  rows: readonly R[],
): Promise<{ readonly row: R; readonly child: AnnexChild }[]> {
  const people = await childrenOf(
    deps,
    ctx,
    rows.map((r) => r.childId),
  );
  return rows.map((row) => ({ row, child: annexChild(row.childId, people.get(row.childId)) }));
}
