// The people module (person, person_relationship, person_name, person_address rows) and the
// duplicates module (second records of some people, each child's with a closed front-door contact).
import type { RowSink } from './bulk-insert.ts';
import { ALLOCATION_TABLE } from './casework.ts';
import { isoOf } from './dates.ts';
import { mixSeed, textSeed } from './ids.ts';
import type { GeneratorContext, JourneyModule } from './module.ts';
import { historyRows, PERSON_ADDRESS_TABLE, PERSON_NAME_TABLE, PERSON_TABLE, personRow, RELATIONSHIP_TABLE, type PersonDraft } from './people.ts';
import { createRandom } from './random.ts';

function pushHistory(p: PersonDraft, ctx: GeneratorContext, sink: RowSink): void {
  const { names, addresses } = historyRows(
    p,
    () => ctx.nextId('name'),
    () => ctx.nextId('address'),
  );
  for (const row of names) sink.push(PERSON_NAME_TABLE, row);
  for (const row of addresses) sink.push(PERSON_ADDRESS_TABLE, row);
}

export const peopleModule: JourneyModule = {
  name: 'people',
  tables: [PERSON_TABLE, RELATIONSHIP_TABLE, PERSON_NAME_TABLE, PERSON_ADDRESS_TABLE],
  emit(family, ctx, sink) {
    const { people, shape } = family;
    const adopted = new Set(shape.adoptedKeys);
    for (const adult of people.adults) {
      sink.push(PERSON_TABLE, personRow(adult, 'none', null));
      pushHistory(adult, ctx, sink);
    }
    for (const child of people.children) {
      const key = child.childKey ?? 0;
      const last = shape.phases.filter((p) => p.childKey === key).at(-1);
      if (adopted.has(key)) sink.push(PERSON_TABLE, personRow(child, 'sealed', null));
      else if (people.restricted) sink.push(PERSON_TABLE, personRow(child, 'restricted', ctx.staff.manager(last?.team ?? 'MASH') ?? ctx.staff.manager('MASH')));
      else sink.push(PERSON_TABLE, personRow(child, 'none', null));
      pushHistory(child, ctx, sink);
    }
    for (const r of people.relationships) sink.push(RELATIONSHIP_TABLE, [r.personId, r.relatedPersonId, r.relationship, r.parentalResponsibility, r.livesWith]);
  },
};

export const duplicatesModule: JourneyModule = {
  name: 'duplicates',
  tables: [PERSON_TABLE, RELATIONSHIP_TABLE, PERSON_ADDRESS_TABLE, ALLOCATION_TABLE],
  emit(family, ctx, sink) {
    const random = createRandom(mixSeed(ctx.seed, family.shape.index, textSeed('duplicates')));
    const mother = family.people.adults.find((a) => a.role === 'mother');
    for (const d of family.duplicates) {
      sink.push(PERSON_TABLE, personRow(d.person, 'none', null));
      pushHistory(d.person, ctx, sink);
      if (d.pair.personType !== 'child') continue;
      // A second contact about the same child, screened and closed without finding the first record.
      const worker = ctx.staff.anyWorker('MASH', random);
      sink.push(ALLOCATION_TABLE, [
        ctx.nextId('allocation'),
        d.person.id,
        ctx.teamId('MASH'),
        worker,
        isoOf(d.createdDay),
        isoOf(Math.min(d.createdDay + random.int(1, 4), ctx.asOf - 1)),
      ]);
      if (mother !== undefined && random.chance(0.4)) {
        sink.push(RELATIONSHIP_TABLE, [d.person.id, mother.id, 'parent', true, true]);
        sink.push(RELATIONSHIP_TABLE, [mother.id, d.person.id, 'child', true, true]);
      }
    }
  },
};
