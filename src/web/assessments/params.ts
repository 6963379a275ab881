// The assessment id in a page's URL (anything malformed is "not found"), and the child whose record
// it belongs to, read from the assessment itself (src/app/assessments/assessment-access.ts).
//
// The authorisation pages name their parameter :submittedAssessmentId and the next-step page
// :authorisedAssessmentId: the same assessment ids, named for the state those pages act on, so the
// access matrix (test/security/access-matrix.ts) can give each a demo record in that state.
import { z } from 'zod';
import { assessmentChildId } from '../../app/assessments/assessment-access.ts';
import type { AppDeps } from '../../app/shared/deps.ts';
import { NotFoundError } from '../../app/shared/errors.ts';

export async function assessmentOf(deps: AppDeps, params: unknown, name = 'assessmentId'): Promise<{ childId: string; assessmentId: string }> {
  const parsed = z.record(z.string(), z.string()).safeParse(params);
  const assessmentId = parsed.success ? parsed.data[name] : undefined;
  if (assessmentId === undefined || !z.uuid().safeParse(assessmentId).success) throw new NotFoundError('Assessment');
  return { childId: await assessmentChildId(deps, assessmentId), assessmentId };
}
