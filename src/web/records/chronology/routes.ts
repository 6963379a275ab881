// A child's chronology: the MOJ timeline, filtered by category and dates with a GET form, plus
// exports as a Word document and as a page to print. Every view and export is audited.
import type { FastifyInstance } from 'fastify';
import { describeChronologyFilter, exportStamp, PROTECTIVE_MARKING } from '../../../app/chronology/chronology-docx.ts';
import { exportChronology, viewChronology } from '../../../app/chronology/view-chronology.ts';
import { londonDateTime } from '../../../app/records/london-clock.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { CHRONOLOGY_CATEGORIES, CHRONOLOGY_CATEGORY_LABELS, type ChronologyItem } from '../../../domain/records/chronology-entry.ts';
import { attachmentDisposition, sanitiseFilename } from '../../../domain/records/document-filename.ts';
import { DOCUMENT_KIND_INFO } from '../../../domain/records/document-kind.ts';
import { errorSummary, errorsByField } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext, childIdOf, dateAndTimeText, linkDateErrors } from '../shared.ts';
import { chronologyQueryString, parseChronologyFilter } from './filter.ts';

function originHref(childId: string, item: ChronologyItem): { href: string; text: string } | null {
  switch (item.origin.kind) {
    case 'case-note':
      return { href: paths.caseNote(childId, item.origin.id), text: 'View the case note' };
    case 'document':
      return { href: paths.documentDownload(childId, item.origin.id), text: 'Download the document' };
    case 'strategy-discussion':
      return { href: paths.strategyDiscussion(item.origin.id), text: 'View the strategy discussion' };
    case 'young-carer-assessment':
      return { href: paths.youngCarerAssessment(item.origin.id), text: 'View the young carer’s assessment' };
    case 'disabilities-eligibility':
    case 'disabilities-short-break':
    case 'disabilities-budget-request':
      return { href: paths.disabilities(childId), text: 'View the disabilities record' };
    default:
      return null;
  }
}

export async function chronologyRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  app.get('/children/:childId/chronology', { config: { permission: 'people:view-child', audit: 'records.chronology.viewed' } }, async (request, reply) => {
    const childId = childIdOf(request.params);
    const form = parseChronologyFilter(request.query);
    const view = await viewChronology(deps, requestContext(request), childId, form.filter);
    const query = chronologyQueryString(form.filter);
    const timeline = view.items.map((item) => ({
      label: { text: item.source },
      byline: item.recordedBy === null ? undefined : { text: item.recordedBy },
      datetime: { timestamp: item.time === null ? item.date : `${item.date}T${item.time}`, type: item.time === null ? 'date' : 'datetime' },
      category: CHRONOLOGY_CATEGORY_LABELS[item.category],
      summary: item.summary,
      link: originHref(childId, item),
    }));
    return reply.code(Object.keys(form.errors).length > 0 ? 400 : 200).view('records/chronology/view.njk', {
      ...childHeaderContext(view.child, deps.clock.now(), 'chronology'),
      timeline,
      form,
      filterText: describeChronologyFilter(form.filter),
      categoryItems: CHRONOLOGY_CATEGORIES.map((c) => ({ value: c, text: CHRONOLOGY_CATEGORY_LABELS[c], checked: form.values.categories.includes(c) })),
      canAddEntry: view.canAddEntry,
      canExport: view.canExport,
      action: paths.childChronology(childId),
      newEntryHref: paths.newChronologyEntry(childId),
      docxHref: paths.chronologyDocx(childId) + query,
      printHref: paths.chronologyPrint(childId) + query,
      added: (request.query as Record<string, unknown>)['added'] === '1',
      errorList: linkDateErrors(errorSummary(form.errors, ['category', 'from', 'to']), ['from', 'to']),
      errors: errorsByField(form.errors),
    });
  });

  app.get(
    '/children/:childId/chronology/export.docx',
    { config: { permission: 'records:export-chronology', audit: 'records.chronology.exported' } },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const exported = await exportChronology(deps, requestContext(request), childId, parseChronologyFilter(request.query).filter, 'docx');
      const docx = exported.docx ?? new Uint8Array();
      const name = sanitiseFilename(`Chronology ${exported.child.givenName} ${exported.child.familyName} ${londonDateTime(exported.exportedAt).date}.docx`);
      return reply
        .header('content-type', DOCUMENT_KIND_INFO.docx.contentType)
        .header('content-disposition', attachmentDisposition(name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(Buffer.from(docx.buffer, docx.byteOffset, docx.byteLength));
    },
  );

  app.get(
    '/children/:childId/chronology/print',
    { config: { permission: 'records:export-chronology', audit: 'records.chronology.exported' } },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const exported = await exportChronology(deps, requestContext(request), childId, parseChronologyFilter(request.query).filter, 'html');
      return reply.view('records/chronology/print.njk', {
        child: exported.child,
        marking: PROTECTIVE_MARKING,
        stamp: exportStamp(exported.exportedBy, exported.exportedAt),
        filterText: describeChronologyFilter(exported.filter),
        backHref: paths.childChronology(childId) + chronologyQueryString(exported.filter),
        rows: exported.items.map((item) => [
          { text: dateAndTimeText(item.date, item.time) },
          { text: CHRONOLOGY_CATEGORY_LABELS[item.category] },
          { text: item.summary },
          { text: item.source },
          { text: item.recordedBy ?? '' },
        ]),
      });
    },
  );
}
