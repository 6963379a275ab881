// Return-level rule of the CIN census (module Header). See rule.ts for the source.
import type { ReturnRule } from './rule.ts';

export const HEADER_RULES: readonly ReturnRule[] = [
  {
    code: '100',
    type: 'error',
    module: 'Header',
    message: 'Reference Date is incorrect',
    appliesTo: ['ReferenceDate'],
    verified: false,
    check: ({ header, period }) => (header.referenceDate !== period.end || header.year !== period.year ? ['ReferenceDate'] : []),
  },
];
