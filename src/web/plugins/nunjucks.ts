// Server-rendered pages with Nunjucks, the GOV.UK and MOJ design-system templates on the path.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import nunjucks from 'nunjucks';
import { ROLE_LABELS, isRole } from '../../domain/shared/access/roles.ts';
import { formatLongDate } from '../../domain/shared/time/local-date.ts';
import { navigationFor } from '../shared/navigation.ts';
import { mojDateFilter } from '../records/moj-date.ts';
import { newSubmissionToken } from '../shared/submission.ts';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
export const VIEWS_DIR = join(here, '..', 'views');
export const WEB_DIR = join(here, '..');
export const GOVUK_DIST = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');
export const MOJ_ROOT = dirname(require.resolve('@ministryofjustice/frontend/package.json'));

export function createViewEnvironment(production: boolean): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([WEB_DIR, VIEWS_DIR, GOVUK_DIST, MOJ_ROOT], { noCache: !production }), {
    autoescape: true,
    throwOnUndefined: false,
  });
  env.addFilter('longDate', (value: unknown) => (typeof value === 'string' && value !== '' ? formatLongDate(value) : ''));
  env.addFilter('roleLabel', (value: unknown) => (typeof value === 'string' && isRole(value) ? ROLE_LABELS[value] : String(value)));
  env.addFilter('mojDate', mojDateFilter);
  return env;
}

export const viewsPlugin = fp(
  async (app: FastifyInstance, options: { production: boolean }) => {
    const env = createViewEnvironment(options.production);
    app.decorateReply('view', function view(this: FastifyReply, template: string, context: Record<string, unknown> = {}) {
      const request = this.request;
      const actor = request.actor;
      const html = env.render(template, {
        serviceName: 'Hearth',
        cspNonce: this.cspNonce.script,
        csrfToken: this.generateCsrf(),
        submissionToken: newSubmissionToken(),
        currentUser: actor,
        navigation: actor === null ? [] : navigationFor(actor, request.url),
        currentPath: request.url,
        ...context,
      });
      return this.type('text/html; charset=utf-8').send(html);
    });
  },
  { name: 'hearth-views', dependencies: ['@fastify/csrf-protection'] },
);
