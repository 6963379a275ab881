// Every module that has timescales registers one source of due items here (src/domain/casework/due-items.ts).
// "My work" runs every source's reads in the one statement per scope that works out the children in it
// (src/app/work/due-item-source.ts, src/db/work/children-in-scope-repository.ts), then sorts the items by date.
// A source must apply the access policy's visibility filter for lists (src/db/shared/visibility.ts):
// it reads only the children in scope (the statement's `scope`), or filters its own rows through it.
import { assessmentDueItems } from '../assessments/due-items.ts';
import { childProtectionDueItems } from '../child-protection/due-items.ts';
import { childInNeedDueItems } from '../child-in-need/due-items.ts';
import { earlyHelpDueItems } from '../early-help/due-items.ts';
import { disabilitiesDueItems } from '../disabilities/due-items.ts';
import { preBirthDueItems } from '../pre-birth/due-items.ts';
import { section47sToComplete, strategyDiscussionsToHold } from '../child-protection/strategy-discussion-due-items.ts';
import { youngCarerDueItems } from '../young-carers/due-items.ts';
import type { DueItemSource } from './due-item-source.ts';

export type { DueItemSource } from './due-item-source.ts';

export const DUE_ITEM_SOURCES: readonly DueItemSource[] = [
  assessmentDueItems,
  childInNeedDueItems,
  childProtectionDueItems,
  earlyHelpDueItems,
  preBirthDueItems,
  strategyDiscussionsToHold,
  section47sToComplete,
  youngCarerDueItems,
  disabilitiesDueItems,
];
