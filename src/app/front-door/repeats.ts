// Repeat contacts for a set of contacts: for each, whether any child linked to it had an earlier
// contact or referral in the 12 months before (src/domain/front-door/repeat-referral.ts).
import type { Kysely, Transaction } from 'kysely';
import { historyOf, type PersonHistoryItem } from '../../db/front-door/contact-repository.ts';
import type { Database } from '../../db/schema.ts';
import { findRepeat, type RepeatFinding } from '../../domain/front-door/repeat-referral.ts';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';

export interface ContactForRepeat {
  readonly id: string;
  readonly receivedAt: Date;
  readonly receivedOn: string;
  readonly childIds: readonly string[];
}

/** For one child: their finding against everything recorded about them before this contact. */
export function repeatForChild(contact: ContactForRepeat, childId: string, history: readonly PersonHistoryItem[]): RepeatFinding {
  const earlier = history
    .filter((h) => h.personId === childId && h.contactId !== contact.id && h.kind !== 'early_help_referral' && h.receivedAt.getTime() < contact.receivedAt.getTime())
    .map((h) => ({ kind: h.kind === 'contact' ? ('contact' as const) : ('referral' as const), receivedOn: parseLocalDate(h.date) }));
  return findRepeat(parseLocalDate(contact.receivedOn), earlier);
}

export async function repeatsOf(db: Kysely<Database> | Transaction<Database>, contacts: readonly ContactForRepeat[]): Promise<Map<string, boolean>> {
  const childIds = [...new Set(contacts.flatMap((c) => c.childIds))];
  const history = await historyOf(db, childIds, null);
  return new Map(contacts.map((c) => [c.id, c.childIds.some((childId) => repeatForChild(c, childId, history).repeat)]));
}
