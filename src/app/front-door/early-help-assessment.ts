// The Early Help Assessment a referrer attaches to their MARF (seed 004 §3, Level 3: "submit a MARF
// through the MASH attaching the EHA, stating what interventions have already been tried"). The file
// is checked exactly as a document on a child's record (the records module's rules: allowed kinds
// decided from the bytes, a safe name, 10 MB at most) and kept with the contact. The referrer may
// attach it only to the contact they have just sent (the web layer proves that with a signed cookie)
// and only within an hour; the MASH may download it.
import { createHash } from 'node:crypto';
import { contactForAttachment, insertContactDocument, loadContactDocument } from '../../db/front-door/contact-repository.ts';
import { appendAuditEvent } from '../../db/shared/audit-repository.ts';
import { sanitiseFilename } from '../../domain/records/document-filename.ts';
import { DOCUMENT_KIND_INFO, identifyDocument, isDocumentKind } from '../../domain/records/document-kind.ts';
import { documentRefusalMessage } from '../records/document-input.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { guardContact } from './contact-access.ts';
import { PUBLIC_REFERRER } from './submit-referral-form.ts';

/** How long after sending the MARF its referrer may still attach the assessment. */
export const ATTACH_WINDOW_MS = 60 * 60 * 1000;

export const EHA_MESSAGES = {
  fileRequired: 'Select the Early Help Assessment file',
  tooLate: 'The time to attach a file to this referral has passed. Email the assessment to the MASH, quoting your reference number',
  alreadyAttached: 'An Early Help Assessment is already attached to this referral',
} as const;

export async function attachEarlyHelpAssessment(
  deps: AppDeps,
  ctx: RequestContext,
  contactId: string,
  file: { filename: string; content: Uint8Array },
): Promise<{ id: string }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const contact = await contactForAttachment(trx, contactId);
    if (contact?.channel !== 'online_form') throw new NotFoundError('Contact');
    if (now.getTime() - contact.receivedAt.getTime() > ATTACH_WINDOW_MS) throw new ValidationError({ file: EHA_MESSAGES.tooLate });
    if (contact.hasDocument) throw new ValidationError({ file: EHA_MESSAGES.alreadyAttached });
    const filename = sanitiseFilename(file.filename);
    const identified = identifyDocument(filename, file.content);
    if (!identified.ok) throw new ValidationError({ file: documentRefusalMessage(identified.error) });
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    const row = await insertContactDocument(trx, {
      contactId,
      filename,
      kind: identified.value,
      sizeBytes: file.content.byteLength,
      sha256,
      content: file.content,
      uploadedAt: now,
      uploadedByUserId: null,
    });
    if (row === undefined) throw new ValidationError({ file: EHA_MESSAGES.alreadyAttached });
    await appendAuditEvent(
      trx,
      { actorUserId: null, actorLabel: PUBLIC_REFERRER, requestId: ctx.requestId, ip: ctx.ip },
      { action: 'front-door.early-help-assessment.attached', subjectType: 'contact', subjectId: contactId, changes: { kind: identified.value, sizeBytes: file.content.byteLength, sha256 } },
      now,
    );
    return row;
  });
}

export async function downloadEarlyHelpAssessment(deps: AppDeps, ctx: RequestContext, contactId: string): Promise<{ filename: string; contentType: string; content: Uint8Array }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    requirePermission(ctx, 'front-door:view-queue');
    const { linkedChildIds } = await guardContact(trx, ctx.actor, 'read', contactId, now);
    const doc = await loadContactDocument(trx, contactId);
    if (doc === undefined) throw new NotFoundError('Document');
    await audit({
      action: 'front-door.early-help-assessment.downloaded',
      subjectType: 'contact',
      subjectId: contactId,
      ...(linkedChildIds[0] === undefined ? {} : { childId: linkedChildIds[0] }),
    });
    const contentType = isDocumentKind(doc.kind) ? DOCUMENT_KIND_INFO[doc.kind].contentType : 'application/octet-stream';
    return { filename: doc.filename, contentType, content: doc.content };
  });
}

export interface SentSummary {
  readonly reference: string;
  readonly earlyHelpAssessmentDone: boolean;
  readonly hasDocument: boolean;
  /** Whether the referrer may still attach the assessment. */
  readonly attachOpen: boolean;
}

/** What the referrer sees after sending: the reference, and whether they can still attach the EHA. */
export async function sentReferralSummary(deps: AppDeps, contactId: string): Promise<SentSummary | null> {
  const now = deps.clock.now();
  const row = await contactForAttachment(deps.db, contactId);
  if (row?.channel !== 'online_form') return null;
  return {
    reference: row.reference,
    earlyHelpAssessmentDone: row.earlyHelpAssessmentDone,
    hasDocument: row.hasDocument,
    attachOpen: !row.hasDocument && now.getTime() - row.receivedAt.getTime() <= ATTACH_WINDOW_MS,
  };
}
