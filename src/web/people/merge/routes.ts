// Merging two records of one person (team managers and MASH managers):
//   GET  /people/:personId/merge             the likely duplicates of this record, with why
//   GET  /people/:personId/merge/:otherId    both records side by side, and what will move
//   POST /people/:personId/merge/:otherId    merge the other record into this one
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { findDuplicatesOf } from '../../../app/people/find-likely-duplicates.ts';
import { mergePeople, previewMerge, type MergePreview } from '../../../app/people/merge-people.ts';
import { mergeInput } from '../../../app/people/person-input.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { NotFoundError, StaleVersionError, ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { todayInLondon } from '../../shared/today.ts';
import { personIdParams } from '../person-record/routes.ts';
import { hitView } from '../shared/hit-view.ts';
import { personSummaryRows } from '../shared/person-view.ts';

const pairParams = z.object({ personId: z.uuid(), otherId: z.uuid() });
const config = (audit: string) => ({ permission: 'people:merge' as const, audit });

const TABLE_NAMES: Readonly<Record<string, string>> = {
  'allocation.childId': 'Allocations',
  'accessGrant.personId': 'Access given by name',
  'personRelationship.personId': 'Relationships',
  'personRelationship.relatedPersonId': 'Relationships (the other way)',
  'personName.personId': 'Other names',
  'personAddress.personId': 'Addresses',
  'caseNote.childId': 'Case notes',
  'caseNotePerson.personId': 'People named in case notes',
  'document.childId': 'Documents',
  'chronologyEntry.childId': 'Chronology entries',
};

export async function mergeRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  const today = () => todayInLondon(deps.clock.now()).toString();

  app.get('/people/:personId/merge', { config: config('people.duplicate-check.performed') }, async (request, reply) => {
    const params = personIdParams.safeParse(request.params);
    if (!params.success) throw new NotFoundError('Person');
    const hits = await findDuplicatesOf(deps, requestContext(request), params.data.personId);
    return reply.view('people/merge/choose.njk', {
      personId: params.data.personId,
      hits: hits.map((h) => hitView(h, today())),
      showLevel: true,
      mergeHref: (otherId: string) => paths.mergeWith(params.data.personId, otherId),
      recordHref: paths.person(params.data.personId),
    });
  });

  function renderConfirm(reply: FastifyReply, preview: MergePreview, reason: string, given: FieldErrors, extra: Record<string, unknown> = {}) {
    // A merge that cannot go ahead yet says why before anyone types a reason.
    const errors: FieldErrors = preview.blockedBy !== null && given['mergedId'] === undefined ? { ...given, mergedId: preview.blockedBy } : given;
    const nameRow = (p: { givenName: string; familyName: string }) => ({ key: { text: 'Name' }, value: { text: `${p.givenName} ${p.familyName}` } });
    return reply.view('people/merge/confirm.njk', {
      survivor: preview.survivor,
      merged: preview.merged,
      survivorRows: [nameRow(preview.survivor), ...personSummaryRows(preview.survivor, today())],
      mergedRows: [nameRow(preview.merged), ...personSummaryRows(preview.merged, today())],
      moves: Object.entries(preview.toMove).map(([key, n]) => ({ key: { text: TABLE_NAMES[key] ?? key }, value: { text: String(n) } })),
      filled: preview.filled,
      reason,
      swapHref: paths.mergeWith(preview.merged.id, preview.survivor.id),
      blocked: preview.blockedBy !== null,
      errorList: errorSummary(errors, ['reason', 'mergedId']),
      errors: errorsByField(errors),
      ...extra,
    });
  }

  app.get('/people/:personId/merge/:otherId', { config: config('people.merge.previewed') }, async (request, reply) => {
    const params = pairParams.safeParse(request.params);
    if (!params.success) throw new NotFoundError('Person');
    const preview = await previewMerge(deps, requestContext(request), params.data.personId, params.data.otherId);
    return renderConfirm(reply, preview, '', {});
  });

  app.post('/people/:personId/merge/:otherId', { config: config('people.person.merged'), preHandler: csrfGuard(app) }, async (request, reply) => {
    const params = pairParams.safeParse(request.params);
    if (!params.success) throw new NotFoundError('Person');
    const ctx = requestContext(request);
    const body = formBody(request.body);
    const reason = asString(body['reason']) ?? '';
    const parsed = mergeInput.safeParse({
      survivorId: params.data.personId,
      mergedId: params.data.otherId,
      survivorVersion: Number(asString(body['survivorVersion'])),
      mergedVersion: Number(asString(body['mergedVersion'])),
      reason,
    });
    const fail = async (errors: FieldErrors, status = 400, extra: Record<string, unknown> = {}) =>
      renderConfirm(reply.code(status), await previewMerge(deps, ctx, params.data.personId, params.data.otherId), reason, errors, extra);
    if (!parsed.success) return fail(fieldErrorsOf(parsed.error));
    try {
      await mergePeople(deps, ctx, parsed.data);
    } catch (error) {
      if (error instanceof ValidationError) return fail(error.fieldErrors);
      if (error instanceof StaleVersionError) return fail({}, 409, { conflict: true });
      throw error;
    }
    return reply.redirect(`${paths.person(params.data.personId)}?merged=1`, 303);
  });
}
