// Errors a use case may end with. The web layer maps each to a page or an API status; none is a 500.

export type FieldErrors = Readonly<Record<string, string>>;

/** Input that fails a rule: shown on the form beside each field (400). */
export class ValidationError extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super('The input is not valid');
    this.name = 'ValidationError';
  }
}

/** The actor may not do this (403), or must not learn the record exists (404). */
export class AccessRefusedError extends Error {
  constructor(
    readonly status: 403 | 404,
    readonly reason: string,
    readonly userMessage: string,
    readonly subject: { readonly type: string; readonly id: string; readonly childId?: string } | null,
  ) {
    super(userMessage);
    this.name = 'AccessRefusedError';
  }
}

export class NotFoundError extends Error {
  constructor(readonly what: string) {
    super(`${what} not found`);
    this.name = 'NotFoundError';
  }
}

/** Someone else changed the record since this form was opened (no lost updates). */
export class StaleVersionError extends Error {
  constructor(
    readonly subjectType: string,
    readonly subjectId: string,
    readonly current: unknown,
  ) {
    super(`${subjectType} ${subjectId} was changed by someone else`);
    this.name = 'StaleVersionError';
  }
}
