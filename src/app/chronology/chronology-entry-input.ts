// The schema for an entry a worker adds to a chronology by hand, and for the chronology's filter.
import { z } from 'zod';
import { CHRONOLOGY_CATEGORIES, CHRONOLOGY_ENTRY_LIMITS } from '../../domain/records/chronology-entry.ts';
import { isValidIsoDate } from '../../domain/shared/time/local-date.ts';
import { safeText } from '../shared/safe-text.ts';

export const CHRONOLOGY_MESSAGES = {
  dateRequired: 'Enter the date of the event',
  dateReal: 'Date of the event must be a real date',
  dateFuture: 'Date of the event must be today or in the past',
  categoryRequired: 'Select a category',
  summaryRequired: 'Enter what happened',
  summaryTooLong: `What happened must be ${CHRONOLOGY_ENTRY_LIMITS.summary.toLocaleString('en-GB')} characters or fewer`,
  sourceRequired: 'Enter where this information came from',
  sourceTooLong: `Source must be ${String(CHRONOLOGY_ENTRY_LIMITS.source)} characters or fewer`,
  filterFromReal: 'The “from” date must be a real date',
  filterToReal: 'The “to” date must be a real date',
  filterFromAfterTo: 'The “from” date must be the same as or before the “to” date',
} as const;

export const addChronologyEntryInput = z.object({
  entryDate: z.string({ error: CHRONOLOGY_MESSAGES.dateRequired }).refine(isValidIsoDate, { error: CHRONOLOGY_MESSAGES.dateReal }),
  category: z.enum(CHRONOLOGY_CATEGORIES, { error: CHRONOLOGY_MESSAGES.categoryRequired }),
  summary: safeText({ required: CHRONOLOGY_MESSAGES.summaryRequired, tooLong: CHRONOLOGY_MESSAGES.summaryTooLong }, CHRONOLOGY_ENTRY_LIMITS.summary),
  source: safeText({ required: CHRONOLOGY_MESSAGES.sourceRequired, tooLong: CHRONOLOGY_MESSAGES.sourceTooLong }, CHRONOLOGY_ENTRY_LIMITS.source),
});

export type AddChronologyEntryInput = z.infer<typeof addChronologyEntryInput>;
