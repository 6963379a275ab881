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
/** The module each kind of versioned record belongs to, for the audit action of a refused stale save. */
const STALE_SAVE_MODULES: Readonly<Record<string, string>> = {
  person: 'people',
  contact: 'front-door',
  'agency-check': 'front-door',
  referral: 'casework',
  user: 'admin',
};

export class StaleVersionError extends Error {
  constructor(
    readonly subjectType: string,
    readonly subjectId: string,
    readonly current: unknown,
    /** The module the record belongs to (default: by subjectType) and the child whose record it is in, for the audit. */
    readonly options: { readonly module?: string; readonly childId?: string } = {},
  ) {
    super(`${subjectType} ${subjectId} was changed by someone else`);
    this.name = 'StaleVersionError';
  }

  /** `<module>.<thing>.stale-save-refused`: the audit action of this refusal (RELIABILITY.md §4.3). */
  get auditAction(): string {
    const module = this.options.module ?? STALE_SAVE_MODULES[this.subjectType] ?? 'hearth';
    return `${module}.${this.subjectType}.stale-save-refused`;
  }

  /** The version the save was refused against, when the current record carries one. */
  get currentVersion(): number | null {
    const current: unknown = this.current;
    if (current === null || typeof current !== 'object' || !('version' in current)) return null;
    return typeof current.version === 'number' ? current.version : null;
  }
}
