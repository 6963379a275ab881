// The threshold tool (seed 004 §3): the indicators that apply, by level, domain and area, then the
// level chosen and why.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordLevelOfNeed } from '../../../app/front-door/record-level-of-need.ts';
import { levelOfNeedInput } from '../../../app/front-door/screening-input.ts';
import { openScreeningForm } from '../../../app/front-door/screening-forms.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { StaleVersionError, ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { indicatorGroups, LEVELS_OF_NEED } from '../../../domain/front-door/levels-of-need.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asArray, errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { formStrings, uuidParam } from '../shared.ts';

interface Values {
  readonly level: string;
  readonly indicators: readonly string[];
  readonly rationale: string;
  readonly version: string;
}

export async function levelOfNeedRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  const url = '/front-door/contacts/:contactId/level-of-need';

  async function render(reply: FastifyReply, contactId: string, values: Values | null, errors: FieldErrors) {
    const form = await openScreeningForm(deps, requestContext(reply.request), contactId, 'level-of-need');
    const c = form.contact;
    const v: Values = values ?? { level: c.needLevel === null ? '' : String(c.needLevel), indicators: c.needIndicators, rationale: c.needRationale ?? '', version: String(c.version) };
    const chosen = new Set(v.indicators);
    return reply.view('front-door/level-of-need/view.njk', {
      reference: c.reference,
      childNames: form.childNames,
      contactHref: paths.contact(contactId),
      action: paths.contactLevelOfNeed(contactId),
      values: v,
      levels: LEVELS_OF_NEED.map((l) => ({
        level: l.level,
        label: l.label,
        description: l.description,
        response: l.response,
        chosenCount: l.indicators.filter((i) => chosen.has(i.code)).length,
        groups: indicatorGroups(l.level).map((g) => ({
          domainLabel: g.domainLabel,
          areas: g.areas.map((a) => ({
            id: `indicators-${String(l.level)}-${a.area}`,
            areaLabel: a.areaLabel,
            items: a.indicators.map((i) => ({ value: i.code, text: i.text, checked: chosen.has(i.code) })),
          })),
        })),
      })),
      levelItems: LEVELS_OF_NEED.map((l) => ({ value: String(l.level), text: l.label, hint: { text: l.description }, checked: v.level === String(l.level) })),
      errorList: errorSummary(errors, ['indicators', 'level', 'rationale']),
      errors: errorsByField(errors),
    });
  }

  app.get(url, { config: { permission: 'front-door:screen', audit: 'front-door.screening-form.viewed' } }, async (request, reply) =>
    render(reply, uuidParam(request.params, 'contactId'), null, {}),
  );

  app.post(url, { config: { permission: 'front-door:screen', audit: 'front-door.level-of-need.recorded' }, preHandler: csrfGuard(app) }, async (request, reply) => {
    const contactId = uuidParam(request.params, 'contactId');
    const strings = formStrings(request.body);
    const values: Values = { level: strings['level'] ?? '', indicators: asArray(formBody(request.body)['indicators']), rationale: strings['rationale'] ?? '', version: strings['version'] ?? '' };
    const parsed = levelOfNeedInput.safeParse({ level: Number(values.level), indicators: values.indicators, rationale: values.rationale, version: Number(values.version) });
    if (!parsed.success) return render(reply.code(400), contactId, values, fieldErrorsOf(parsed.error));
    try {
      await recordLevelOfNeed(deps, requestContext(request), contactId, parsed.data);
    } catch (error) {
      if (error instanceof ValidationError) return render(reply.code(400), contactId, values, error.fieldErrors);
      if (error instanceof StaleVersionError) return render(reply.code(409), contactId, null, { level: 'Someone else changed this contact: check the answers below and save again' });
      throw error;
    }
    return reply.redirect(`${paths.contact(contactId)}?saved=level`, 303);
  });
}
