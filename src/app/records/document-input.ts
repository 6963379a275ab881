// The schema and messages for attaching a document (GOV.UK file upload error messages).
import { z } from 'zod';
import { ALLOWED_DOCUMENT_TYPES_TEXT, DOCUMENT_KIND_INFO, type DocumentRefusal } from '../../domain/records/document-kind.ts';
import { optionalSafeText } from '../shared/safe-text.ts';

export const DOCUMENT_MESSAGES = {
  fileRequired: 'Select a file',
  empty: 'The selected file is empty',
  tooLarge: 'The selected file must be smaller than 10 MB',
  oneFile: 'Select one file at a time',
  typeNotAllowed: `The selected file must be a ${ALLOWED_DOCUMENT_TYPES_TEXT}`,
  titleTooLong: 'Title must be 200 characters or fewer',
  caseNoteInvalid: 'The case note to attach this to was not found',
} as const;

export function documentRefusalMessage(refusal: DocumentRefusal): string {
  switch (refusal.reason) {
    case 'empty':
      return DOCUMENT_MESSAGES.empty;
    case 'too-large':
      return DOCUMENT_MESSAGES.tooLarge;
    case 'type-not-allowed':
      return DOCUMENT_MESSAGES.typeNotAllowed;
    case 'content-mismatch':
      return `The selected file is not a real ${DOCUMENT_KIND_INFO[refusal.claimed].label}: what is inside it does not match its name. Save it again as a ${ALLOWED_DOCUMENT_TYPES_TEXT} and select it again`;
  }
}

export const uploadDocumentFields = z.object({
  title: optionalSafeText(200, DOCUMENT_MESSAGES.titleTooLong),
  significant: z.boolean(),
  caseNoteId: z.uuid({ error: DOCUMENT_MESSAGES.caseNoteInvalid }).nullable(),
});

export type UploadDocumentFields = z.infer<typeof uploadDocumentFields>;

export interface UploadDocumentInput extends UploadDocumentFields {
  /** The name the uploader's computer gave the file (sanitised before it is kept). */
  readonly filename: string;
  readonly content: Uint8Array;
}
