// The ids in an assessment page's URL; anything malformed is "not found".
import { z } from 'zod';
import { NotFoundError } from '../../app/shared/errors.ts';

const params = z.object({ childId: z.uuid(), assessmentId: z.uuid() });

export function assessmentParams(value: unknown): { childId: string; assessmentId: string } {
  const parsed = params.safeParse(value);
  if (!parsed.success) throw new NotFoundError('Assessment');
  return parsed.data;
}
