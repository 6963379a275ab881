// Text that is safe to store: no NUL bytes (PostgreSQL refuses them) and no lone UTF-16 surrogates
// (PGlite silently turns them into U+FFFD), so both engines keep exactly what was typed
// (DESIGN.md "PGlite: what it is and is not"; RELIABILITY.md M7).
import { z } from 'zod';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const NUL = /\u0000/;

export function isStorableText(value: string): boolean {
  return !NUL.test(value) && !LONE_SURROGATE.test(value);
}

/** A trimmed string with GOV.UK-style messages for empty, too long and unstorable input. */
export function safeText(messages: { readonly required: string; readonly tooLong?: string }, max = 500) {
  return z
    .string({ error: messages.required })
    .trim()
    .min(1, { error: messages.required })
    .max(max, { error: messages.tooLong ?? `Must be ${String(max)} characters or fewer` })
    .refine(isStorableText, { error: 'Remove the characters that cannot be stored (control or broken characters)' });
}

export function optionalSafeText(max = 500, tooLong?: string) {
  return z
    .string()
    .trim()
    .max(max, { error: tooLong ?? `Must be ${String(max)} characters or fewer` })
    .refine(isStorableText, { error: 'Remove the characters that cannot be stored (control or broken characters)' })
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v));
}

/** Turns a zod error into one message per field (the first for each), keyed by dotted path. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length === 0 ? '_form' : issue.path.map(String).join('.');
    out[key] ??= issue.message;
  }
  return out;
}
