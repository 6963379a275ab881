// The records module's pages on a child's record: case notes, documents and the chronology.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app/shared/deps.ts';
import { amendCaseNoteRoutes } from './amend-case-note/routes.ts';
import { caseNoteListRoutes } from './case-note-list/routes.ts';
import { caseNoteRoutes } from './case-note/routes.ts';
import { chronologyRoutes } from './chronology/routes.ts';
import { documentRoutes } from './documents/routes.ts';
import { newCaseNoteRoutes } from './new-case-note/routes.ts';
import { newChronologyEntryRoutes } from './new-chronology-entry/routes.ts';
import { uploadDocumentRoutes } from './upload-document/routes.ts';

export async function recordsRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  await app.register(caseNoteListRoutes, options);
  await app.register(newCaseNoteRoutes, options);
  await app.register(caseNoteRoutes, options);
  await app.register(amendCaseNoteRoutes, options);
  await app.register(documentRoutes, options);
  await app.register(uploadDocumentRoutes, options);
  await app.register(chronologyRoutes, options);
  await app.register(newChronologyEntryRoutes, options);
}
