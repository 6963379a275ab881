// Shared by the records page tests: sign in as a demo user, dates relative to the test clock, and
// multipart/form-data bodies built byte for byte as a browser sends them.
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { londonDateTime } from '../../../src/app/records/london-clock.ts';
import { parseLocalDate } from '../../../src/domain/shared/time/local-date.ts';
import { Browser, type TestWeb } from '../../support/web.ts';

export async function signedIn(web: TestWeb, username: string): Promise<Browser> {
  const browser = new Browser(web.app);
  await browser.signIn(username);
  return browser;
}

/** The London date `days` before the test clock's today, as day/month/year form parts and ISO. */
export function daysAgo(web: TestWeb, days: number): { day: string; month: string; year: string; iso: string } {
  const date = parseLocalDate(londonDateTime(web.database.clock.now()).date).minusDays(days);
  return { day: String(date.dayOfMonth()), month: String(date.monthValue()), year: String(date.year()), iso: date.toString() };
}

export type Part = { readonly name: string; readonly value: string } | { readonly name: string; readonly filename: string; readonly contentType?: string; readonly content: Uint8Array };

export function multipart(parts: readonly Part[]): { payload: Buffer; contentType: string } {
  const boundary = `----hearthtest${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('value' in part) {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    } else {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.contentType ?? 'application/octet-stream'}\r\n\r\n`));
      chunks.push(Buffer.from(part.content), Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts a multipart form as the browser (its cookies), with the page's CSRF token first unless told otherwise. */
export async function postMultipart(
  web: TestWeb,
  browser: Browser,
  url: string,
  parts: readonly Part[],
  options: { csrf?: 'first' | 'last' | 'none'; csrfFrom?: string } = {},
): Promise<LightMyRequestResponse> {
  const token = await browser.csrfToken(options.csrfFrom ?? url);
  const where = options.csrf ?? 'first';
  const all = where === 'none' ? parts : where === 'first' ? [{ name: '_csrf', value: token }, ...parts] : [...parts, { name: '_csrf', value: token }];
  const body = multipart(all);
  return web.app.inject({ method: 'POST', url, payload: body.payload, headers: { cookie: browser.cookieHeader, 'content-type': body.contentType } });
}
