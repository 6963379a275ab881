// Write a young carer's needs assessment: GET shows the long form with what is saved; POST saves it
// ("Save and come back later") or saves and submits it to the team manager. A stale save is refused
// with what was typed kept on the page.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { StaleVersionError, ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { saveYoungCarerAssessment } from '../../../app/young-carers/save-young-carer-assessment.ts';
import { viewYoungCarerAssessment, type YoungCarerAssessmentRow, type YoungCarerPage } from '../../../app/young-carers/view-young-carers.ts';
import { youngCarerContentInput, type YoungCarerContentInput } from '../../../app/young-carers/young-carer-input.ts';
import {
  CARE_APPROPRIATE,
  WISHES_TO_CONTINUE,
  YOUNG_CARER_OUTCOMES,
  YOUNG_CARER_SECTION_KEYS,
  YOUNG_CARER_SECTIONS,
  type YoungCarerSection,
} from '../../../domain/young-carers/young-carer-assessment.ts';
import { paragraphsOf } from '../../assessments/view-model.ts';
import { childHeaderContext, datePartsOf, instantText, isoFromDateParts, linkDateErrors, type DateParts } from '../../records/shared.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asArray, asString, errorSummary, errorsByField, formBody, type FormBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { youngCarerAssessmentOf, youngCarerSummary } from '../shared.ts';

const FIELDS = [
  'youngCarerSeenOn',
  'caringRole',
  'appropriateness',
  'careAppropriate',
  'wishesToContinueCaring',
  ...YOUNG_CARER_SECTION_KEYS.slice(2),
  'outcomes',
];

interface FormValues {
  readonly sections: Record<YoungCarerSection, string>;
  readonly youngCarerSeenOn: DateParts;
  readonly careAppropriate: string;
  readonly wishesToContinueCaring: string;
  readonly outcomes: string[];
}

function formValues(body: FormBody): FormValues {
  return {
    sections: Object.fromEntries(YOUNG_CARER_SECTION_KEYS.map((k) => [k, asString(body[k]) ?? ''])) as Record<YoungCarerSection, string>,
    youngCarerSeenOn: {
      day: asString(body['youngCarerSeenOn-day']) ?? '',
      month: asString(body['youngCarerSeenOn-month']) ?? '',
      year: asString(body['youngCarerSeenOn-year']) ?? '',
    },
    careAppropriate: asString(body['careAppropriate']) ?? '',
    wishesToContinueCaring: asString(body['wishesToContinueCaring']) ?? '',
    outcomes: asArray(body['outcomes']),
  };
}

function storedValues(a: YoungCarerAssessmentRow): FormValues {
  return {
    sections: Object.fromEntries(YOUNG_CARER_SECTION_KEYS.map((k) => [k, a[k]])) as Record<YoungCarerSection, string>,
    youngCarerSeenOn: datePartsOf(a.youngCarerSeenOn),
    careAppropriate: a.careAppropriate ?? '',
    wishesToContinueCaring: a.wishesToContinueCaring ?? '',
    outcomes: a.outcomes,
  };
}

function contentOf(values: FormValues): { content: YoungCarerContentInput } | { errors: FieldErrors } {
  const errors: Record<string, string> = {};
  const p = values.youngCarerSeenOn;
  const blank = p.day.trim() === '' && p.month.trim() === '' && p.year.trim() === '';
  const seen = blank ? { iso: null } : isoFromDateParts(p, 'The date you saw the young carer', 'Enter the date you saw the young carer');
  if ('error' in seen) errors['youngCarerSeenOn'] = seen.error;
  const parsed = youngCarerContentInput.safeParse({
    sections: values.sections,
    youngCarerSeenOn: 'iso' in seen ? seen.iso : null,
    careAppropriate: values.careAppropriate === '' ? null : values.careAppropriate,
    wishesToContinueCaring: values.wishesToContinueCaring === '' ? null : values.wishesToContinueCaring,
    outcomes: values.outcomes,
  });
  if (!parsed.success) {
    for (const [key, message] of Object.entries(fieldErrorsOf(parsed.error))) {
      const field = key.startsWith('sections.') ? (key.split('.')[1] ?? key) : (key.split('.')[0] ?? key);
      errors[field] ??= message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors };
  return { content: parsed.data };
}

type Banner = 'saved' | 'stale' | null;

export async function editYoungCarerRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  function render(reply: FastifyReply, page: YoungCarerPage, values: FormValues, errors: FieldErrors, banner: Banner) {
    const a = page.assessment;
    const radios = <T extends string>(table: Readonly<Record<T, string>>, chosen: string) =>
      (Object.keys(table) as T[]).map((value) => ({ value, text: table[value], checked: chosen === value }));
    return reply.view('young-carers/edit/view.njk', {
      ...childHeaderContext(page.child, deps.clock.now(), 'young-carers'),
      assessment: youngCarerSummary(a, page.timescale),
      returns: page.returns.map((r) => ({ returnedBy: r.returnedByName, returnedAt: instantText(r.returnedAt), comments: paragraphsOf(r.comments) })),
      sections: YOUNG_CARER_SECTIONS,
      values,
      version: a.version,
      action: paths.editYoungCarerAssessment(a.id),
      careAppropriateItems: radios(CARE_APPROPRIATE, values.careAppropriate),
      wishesItems: radios(WISHES_TO_CONTINUE, values.wishesToContinueCaring),
      outcomeItems: (Object.keys(YOUNG_CARER_OUTCOMES) as (keyof typeof YOUNG_CARER_OUTCOMES)[]).map((value) => ({
        value,
        text: YOUNG_CARER_OUTCOMES[value],
        checked: values.outcomes.includes(value),
        ...(value === 'no_further_action' ? { behaviour: 'exclusive' } : {}),
        ...(value === 'adult_care_assessment_referral'
          ? { hint: { text: 'Only where the person cared for is an adult (seed 004 §17: Adult Services lead).' } }
          : {}),
      })),
      banner,
      errorList: linkDateErrors(errorSummary(errors, FIELDS), ['youngCarerSeenOn']),
      errors: errorsByField(errors),
    });
  }

  const url = '/young-carers/:youngCarerAssessmentId/edit';

  app.get(url, { config: { permission: 'young-carers:record', audit: 'young-carers.assessment-form.viewed' } }, async (request, reply) => {
    const { childId, id } = await youngCarerAssessmentOf(deps, request.params, 'youngCarerAssessmentId');
    const page = await viewYoungCarerAssessment(deps, requestContext(request), childId, id, {
      action: 'change',
      auditAs: 'young-carers.assessment-form.viewed',
    });
    if (!page.mayEdit) return reply.redirect(paths.youngCarerAssessment(id), 303);
    const saved = (request.query as Record<string, unknown>)['saved'] === '1';
    return render(reply, page, storedValues(page.assessment), {}, saved ? 'saved' : null);
  });

  app.post(
    url,
    { config: { permission: 'young-carers:record', audit: 'young-carers.assessment.saved' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const { childId, id } = await youngCarerAssessmentOf(deps, request.params, 'youngCarerAssessmentId');
      const body = formBody(request.body);
      const values = formValues(body);
      const submit = body['action'] === 'submit';
      const version = Number(asString(body['version']) ?? '');
      const reopen = () => viewYoungCarerAssessment(deps, requestContext(request), childId, id, { action: 'change', auditAs: false });
      const parsed = contentOf(values);
      if ('errors' in parsed) return render(reply.code(400), await reopen(), values, parsed.errors, null);
      try {
        await saveYoungCarerAssessment(
          deps,
          requestContext(request),
          childId,
          id,
          { content: parsed.content, version: Number.isSafeInteger(version) && version > 0 ? version : 0 },
          { submit },
        );
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), await reopen(), values, error.fieldErrors, null);
        if (error instanceof StaleVersionError) {
          const page = await reopen();
          if (!page.mayEdit) throw error;
          return render(reply.code(409), page, values, {}, 'stale');
        }
        throw error;
      }
      return reply.redirect(submit ? `${paths.youngCarerAssessment(id)}?submitted=1` : `${paths.editYoungCarerAssessment(id)}?saved=1`, 303);
    },
  );
}
