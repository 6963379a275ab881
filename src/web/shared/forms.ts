// Turning form posts into schema input, and field errors into the GOV.UK error summary.
import type { FieldErrors } from '../../app/shared/errors.ts';
import { PRIMARY_NEED_CODES, PRIMARY_NEEDS } from '../../domain/shared/codes/dfe/primary-need.ts';

export interface ErrorSummaryItem {
  readonly text: string;
  readonly href: string;
}

/** `teamIds.0` and `teamIds` both point at the field `teamIds`. */
export function errorSummary(errors: FieldErrors, fieldOrder: readonly string[] = []): ErrorSummaryItem[] {
  const keys = Object.keys(errors);
  const rank = (key: string) => {
    const index = fieldOrder.indexOf(key.split('.')[0] ?? key);
    return index === -1 ? fieldOrder.length : index;
  };
  return keys
    .sort((a, b) => rank(a) - rank(b))
    .map((key) => ({ text: errors[key] ?? '', href: `#${key.split('.')[0] ?? key}` }));
}

/** One message per field name, for `errorMessage` on each component. */
export function errorsByField(errors: FieldErrors): Record<string, { text: string }> {
  const out: Record<string, { text: string }> = {};
  for (const [key, text] of Object.entries(errors)) {
    const field = key.split('.')[0] ?? key;
    out[field] ??= { text };
  }
  return out;
}

/** A checkbox group posts nothing, one string or several: always an array of strings. */
export function asArray(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export type FormBody = Record<string, unknown>;

export function formBody(body: unknown): FormBody {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as FormBody) : {};
}

/** The items of a "Primary need" select (DfE CIN census codes N1-N9), with an empty first choice. */
export function primaryNeedItems(selected: string | undefined): { value: string; text: string; selected: boolean }[] {
  return [
    { value: '', text: 'Select the primary need', selected: (selected ?? '') === '' },
    ...PRIMARY_NEED_CODES.map((code) => ({ value: code, text: `${code}: ${PRIMARY_NEEDS[code]}`, selected: selected === code })),
  ];
}
