// Builds Annex A Lists 1-7 for a window, list by list, reporting progress.
import type { ProgressListener } from '../cin-census/build.ts';
import { list1Contacts, list2EarlyHelp, list3Referrals, list4Assessments, list5Section47, list6ChildrenInNeed, list7ChildProtection } from './lists.ts';
import type { AnnexList, AnnexWindow } from './model.ts';
import type { AnnexSources } from './sources.ts';

export async function buildAnnexA(sources: AnnexSources, window: AnnexWindow, onProgress: ProgressListener = () => undefined): Promise<AnnexList[]> {
  const { from, to } = window;
  const steps: readonly [string, () => Promise<AnnexList>][] = [
    ['List 1: contacts', async () => ({ list: 1, rows: list1Contacts(await sources.contacts(from, to), window) })],
    ['List 2: early help assessments', async () => ({ list: 2, rows: list2EarlyHelp(await sources.earlyHelp(from, to), window) })],
    ['List 3: referrals', async () => ({ list: 3, rows: list3Referrals(await sources.referrals(from, to), window) })],
    ['List 4: assessments', async () => ({ list: 4, rows: list4Assessments(await sources.assessments(from, to), window) })],
    ['List 5: section 47 enquiries and ICPCs', async () => ({ list: 5, rows: list5Section47(await sources.section47s(from, to), window) })],
    ['List 6: children in need', async () => ({ list: 6, rows: list6ChildrenInNeed(await sources.childrenInNeed(from, to), window) })],
    ['List 7: child protection', async () => ({ list: 7, rows: list7ChildProtection(await sources.childProtectionPlans(from, to), window) })],
  ];
  const lists: AnnexList[] = [];
  for (const [i, [stage, run]] of steps.entries()) {
    await onProgress({ stage, done: i, total: steps.length });
    lists.push(await run());
  }
  await onProgress({ stage: 'Done', done: steps.length, total: steps.length });
  return lists;
}
