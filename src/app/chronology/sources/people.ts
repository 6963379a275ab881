// What the people module recorded that belongs in a chronology: when the child's record was
// created, and each allocation to a team and worker starting and ending. (These read the people
// module's tables; when that module grows a chronology source of its own, this file moves there.)
import { allocationHistory, personRecordCreated } from '../../../db/records/chronology-repository.ts';
import type { ChronologyItem } from '../../../domain/records/chronology-entry.ts';
import { londonDateTime } from '../../records/london-clock.ts';
import type { ChronologySource } from '../chronology-source.ts';

export const personRecordChronologySource: ChronologySource = {
  name: 'person-record',
  categories: ['record'],
  load: async (trx, childId) => {
    const person = await personRecordCreated(trx, childId);
    if (person === undefined) return [];
    return [
      {
        key: `person:${person.id}`,
        date: londonDateTime(person.createdAt).date,
        time: null,
        category: 'record',
        summary: 'Child’s record created in Hearth',
        source: 'Person record',
        recordedBy: null,
        origin: { kind: 'person', id: person.id },
      },
    ];
  },
};

export const allocationChronologySource: ChronologySource = {
  name: 'allocations',
  categories: ['allocation'],
  load: async (trx, childId) => {
    const items: ChronologyItem[] = [];
    for (const a of await allocationHistory(trx, childId)) {
      const to = a.workerName === null ? `${a.teamName} (no named worker)` : `${a.teamName}, ${a.workerName}`;
      const base = { time: null, category: 'allocation' as const, source: 'Allocation', recordedBy: null, origin: { kind: 'allocation', id: a.id } };
      items.push({ ...base, key: `allocation-start:${a.id}`, date: a.startedOn, summary: `Allocated to ${to}` });
      if (a.endedOn !== null) items.push({ ...base, key: `allocation-end:${a.id}`, date: a.endedOn, summary: `Allocation to ${to} ended` });
    }
    return items;
  },
};
