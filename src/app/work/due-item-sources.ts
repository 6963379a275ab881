// Every module that has timescales registers one source of due items here (src/domain/casework/due-items.ts).
// "My work" asks each source for the items in scope, within the caller's transaction, and sorts them by date.
// A source must apply the access policy's visibility filter for lists (src/db/shared/visibility.ts):
// it reads only the children in scope (src/db/work/children-in-scope-repository.ts), which "My work"
// works out once per scope and passes in, or which the source works out itself when called alone.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DueItem, DueScope } from '../../domain/casework/due-items.ts';
import type { Actor } from '../../domain/shared/access/actor.ts';
import type { ChildrenInScope } from '../../db/work/children-in-scope-repository.ts';
import { assessmentDueItems } from '../assessments/due-items.ts';
import { childProtectionDueItems } from '../child-protection/due-items.ts';
import { childInNeedDueItems } from '../child-in-need/due-items.ts';
import { earlyHelpDueItems } from '../early-help/due-items.ts';
import { disabilitiesDueItems } from '../disabilities/due-items.ts';
import { preBirthDueItems } from '../pre-birth/due-items.ts';
import { section47sToComplete, strategyDiscussionsToHold } from '../child-protection/strategy-discussion-due-items.ts';
import { youngCarerDueItems } from '../young-carers/due-items.ts';

export type DueItemSource = (
  trx: Transaction<Database>,
  actor: Actor,
  now: Date,
  scope: DueScope,
  /** The visible children in `scope`, when the caller has them already. */
  inScope?: ChildrenInScope,
) => Promise<readonly DueItem[]>;

export const DUE_ITEM_SOURCES: readonly DueItemSource[] = [assessmentDueItems, childInNeedDueItems, childProtectionDueItems, earlyHelpDueItems, preBirthDueItems, strategyDiscussionsToHold, section47sToComplete, youngCarerDueItems, disabilitiesDueItems];
