// Attaches a file to a child's record (and optionally to one of their case notes). The file is
// accepted only if its bytes are one of the allowed kinds and agree with its name; its name is
// made harmless; the description, the bytes and the audit event are one transaction.
import { createHash } from 'node:crypto';
import { caseNoteBelongsToChild } from '../../db/records/case-note-repository.ts';
import { insertDocument } from '../../db/records/document-repository.ts';
import { sanitiseFilename } from '../../domain/records/document-filename.ts';
import { identifyDocument } from '../../domain/records/document-kind.ts';
import type { AppDeps } from '../shared/deps.ts';
import { ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openChildRecord } from './child-page.ts';
import { DOCUMENT_MESSAGES, documentRefusalMessage, type UploadDocumentInput } from './document-input.ts';
import { londonDateTime } from './london-clock.ts';

export async function uploadDocument(deps: AppDeps, ctx: RequestContext, childId: string, input: UploadDocumentInput): Promise<{ id: string }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openChildRecord(trx, ctx.actor, 'change', childId, now);
    const filename = sanitiseFilename(input.filename);
    const identified = identifyDocument(filename, input.content);
    if (!identified.ok) throw new ValidationError({ file: documentRefusalMessage(identified.error) });
    if (input.caseNoteId !== null && (await caseNoteBelongsToChild(trx, childId, input.caseNoteId)) === undefined) {
      throw new ValidationError({ caseNoteId: DOCUMENT_MESSAGES.caseNoteInvalid });
    }
    const sha256 = createHash('sha256').update(input.content).digest('hex');
    const title = input.title ?? filename.replace(/\.[^.]+$/, '');
    const id = await insertDocument(trx, {
      childId,
      caseNoteId: input.caseNoteId,
      title,
      filename,
      kind: identified.value,
      sha256,
      significant: input.significant,
      uploadedByUserId: actor.userId,
      uploadedAt: now,
      uploadedOn: londonDateTime(now).date,
      content: input.content,
    });
    await audit({
      action: 'records.document.uploaded',
      subjectType: 'document',
      subjectId: id,
      childId,
      // The kind, size and fingerprint of the file: never its name or title, which can name people.
      changes: { kind: identified.value, sizeBytes: input.content.byteLength, sha256, caseNoteId: input.caseNoteId, significant: input.significant },
    });
    return { id };
  });
}
