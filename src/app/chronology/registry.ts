// Every source of a child's chronology, in one place. A journey that records significant events
// (contacts, decisions, meetings, plans, placements…) writes one `ChronologySource` beside its use
// cases and adds it to this list: one line, and its events appear in every chronology, filter and export.
import { assessmentChronologySource } from '../assessments/chronology-source.ts';
import { strategyDiscussionChronologySource } from '../child-protection/chronology-source.ts';
import { disabilitiesChronologySource } from '../disabilities/chronology-source.ts';
import { frontDoorChronologySource } from '../front-door/chronology-source.ts';
import { caseNoteChronologySource, documentChronologySource } from '../records/chronology-sources.ts';
import { youngCarerChronologySource } from '../young-carers/chronology-source.ts';
import type { ChronologySource } from './chronology-source.ts';
import { manualEntryChronologySource } from './sources/manual-entries.ts';
import { allocationChronologySource, personRecordChronologySource } from './sources/people.ts';

export const CHRONOLOGY_SOURCES: readonly ChronologySource[] = [
  personRecordChronologySource,
  allocationChronologySource,
  caseNoteChronologySource,
  documentChronologySource,
  manualEntryChronologySource,
  frontDoorChronologySource,
  assessmentChronologySource,
  youngCarerChronologySource,
  disabilitiesChronologySource,
  strategyDiscussionChronologySource,
];
