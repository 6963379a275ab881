// The front door's contribution to a child's chronology (src/app/chronology/registry.ts): each
// contact about the child and its MASH decision, and the referral or early help referral it made.
import { frontDoorEventsOf } from '../../db/front-door/queue-repository.ts';
import type { ChronologyItem } from '../../domain/records/chronology-entry.ts';
import { CONTACT_CHANNEL_LABELS, isContactChannel } from '../../domain/front-door/contact.ts';
import { isMashOutcome, MASH_OUTCOME_LABELS } from '../../domain/front-door/mash-decision.ts';
import type { ChronologySource } from '../chronology/chronology-source.ts';
import { londonDateTime } from '../records/london-clock.ts';

export const frontDoorChronologySource: ChronologySource = {
  name: 'front-door',
  categories: ['contact_referral'],
  load: async (trx, childId, range) => {
    const events = await frontDoorEventsOf(trx, childId, range);
    const items: ChronologyItem[] = [];
    for (const c of events.contacts) {
      const how = isContactChannel(c.channel) ? CONTACT_CHANNEL_LABELS[c.channel].toLowerCase() : c.channel;
      items.push({
        key: `contact:${c.id}`,
        date: c.receivedOn,
        time: londonDateTime(c.receivedAt).time,
        category: 'contact_referral',
        summary: `Contact received by the MASH (${how}), reference ${c.reference}`,
        source: 'Front door (MASH)',
        recordedBy: c.recordedByName,
        origin: { kind: 'contact', id: c.id },
      });
      if (c.outcome !== null && c.decidedOn !== null && isMashOutcome(c.outcome)) {
        items.push({
          key: `contact-decision:${c.id}`,
          date: c.decidedOn,
          time: null,
          category: 'contact_referral',
          summary: `MASH decision on contact ${c.reference}: ${MASH_OUTCOME_LABELS[c.outcome]}`,
          source: 'Front door (MASH)',
          recordedBy: c.decidedByName,
          origin: { kind: 'contact', id: c.id },
        });
      }
    }
    for (const r of events.referrals) {
      items.push({
        key: `referral:${r.id}`,
        date: r.referredOn,
        time: null,
        category: 'contact_referral',
        summary: `Referred to ${r.teamName} for ${r.purpose === 'strategy_discussion' ? 'a strategy discussion' : 'a child and family assessment'}`,
        source: 'Referral',
        recordedBy: null,
        origin: { kind: 'referral', id: r.id },
      });
    }
    for (const e of events.earlyHelp) {
      items.push({
        key: `early-help-referral:${e.id}`,
        date: e.referredOn,
        time: null,
        category: 'contact_referral',
        summary: `Referred to targeted early help (level of need ${String(e.needLevel)}), with the family’s consent`,
        source: 'Early help referral',
        recordedBy: null,
        origin: { kind: 'early-help-referral', id: e.id },
      });
    }
    return items;
  },
};
