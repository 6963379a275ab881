// Browser journeys: a real Hearth server on a random local port (demo authority loaded), a headless
// Chromium driven by playwright-core, and an axe-core check that fails with a readable list.
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemoAuthority } from '../../src/db/seed/demo-authority.ts';
import { buildServer } from '../../src/web/server.ts';
import type { WebConfig } from '../../src/web/config.ts';
import { createTestDatabase } from './database.ts';

export interface E2eServer {
  readonly baseUrl: string;
  /** "Given Family" of a person in the demo authority (names are synthetic and seeded at random). */
  personName(id: string): Promise<string>;
  close(): Promise<void>;
}

export async function startE2eServer(): Promise<E2eServer> {
  const database = await createTestDatabase();
  try {
    await seedDemoAuthority(database.handle, database.clock.now());
    // Secure cookies stay on: Chromium treats http://localhost as a secure context.
    const config: WebConfig = { production: false, cookieSecret: 'x'.repeat(40), cookieSecure: true, trustProxy: false };
    const { app } = await buildServer(database.deps, config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error(`unexpected server address ${String(address)}`);
    return {
      baseUrl: `http://localhost:${String(address.port)}`,
      personName: async (id) => {
        const row = await database.handle.db.selectFrom('person').select(['givenName', 'familyName']).where('id', '=', id).executeTakeFirstOrThrow();
        return `${row.givenName} ${row.familyName}`;
      },
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Contexts made with JavaScript turned off, where axe cannot run in the page itself. */
const withoutJavaScript = new WeakSet<BrowserContext>();

/** A new context (its own cookies) with the base URL set, so pages can use paths. */
export async function newContext(browser: Browser, baseUrl: string, options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const javaScriptEnabled = options.javaScriptEnabled ?? true;
  const context = await browser.newContext({ baseURL: baseUrl, javaScriptEnabled });
  if (!javaScriptEnabled) withoutJavaScript.add(context);
  return context;
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe on the page as it is now; fails listing each violation, its help text and its targets.
 * axe needs JavaScript in the page: for a page shown with JavaScript off, the DOM it rendered (its
 * scripts removed) is loaded at the same address in a scratch context, with the same styles, and
 * checked there.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  if (!withoutJavaScript.has(page.context())) {
    reportAxe(page.url(), await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze());
    return;
  }
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
  const browser = page.context().browser();
  if (browser === null) throw new Error('no browser for the axe snapshot');
  const scratch = await browser.newContext({ javaScriptEnabled: true });
  try {
    await scratch.route('**/*', (route) =>
      route.request().isNavigationRequest() ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.continue(),
    );
    const copy = await scratch.newPage();
    await copy.goto(page.url());
    reportAxe(`${page.url()} (JavaScript off)`, await new AxeBuilder({ page: copy }).withTags(AXE_TAGS).analyze());
  } finally {
    await scratch.close();
  }
}

function reportAxe(url: string, results: Awaited<ReturnType<AxeBuilder['analyze']>>): void {
  if (results.violations.length === 0) return;
  const lines = results.violations.map((v) => {
    const targets = v.nodes.map((n) => `    - ${n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' ')}`);
    return [`  ${v.id} (${v.impact ?? 'unknown impact'}): ${v.help}`, `    ${v.helpUrl}`, ...targets].join('\n');
  });
  throw new Error(`${String(results.violations.length)} accessibility violation(s) on ${url}:\n${lines.join('\n')}`);
}

/** Does something that loads a new page (a click, a submit) and waits until that page has loaded. */
export async function andWait(page: Page, action: () => Promise<unknown>): Promise<void> {
  const committed = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
  await action();
  await committed;
  await page.waitForLoadState('load');
}

/** Fills in the sign-in form and submits it (the page must be on /sign-in). */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await andWait(page, () => page.getByRole('button', { name: 'Sign in' }).click());
}

/** The path of the page now showing, without the query. */
export const pathOf = (page: Page): string => new URL(page.url()).pathname;

// Runs in the page before its own scripts (a string: this project's TypeScript has no DOM types).
const CSP_LISTENER = `document.addEventListener('securitypolicyviolation', (e) => {
  window.__hearthCspViolation('securitypolicyviolation: ' + e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber);
});`;

export interface CspWatch {
  /** Every violation and console error seen so far, readable. */
  readonly problems: readonly string[];
  watch(page: Page): void;
}

/** Collects Content-Security-Policy violations (securitypolicyviolation events and console messages) and console errors. */
export async function watchCsp(context: BrowserContext): Promise<CspWatch> {
  const problems: string[] = [];
  await context.exposeBinding('__hearthCspViolation', (_source, text: unknown) => {
    problems.push(String(text));
  });
  await context.addInitScript({ content: CSP_LISTENER });
  return {
    problems,
    watch: (page) => {
      page.on('console', (message) => {
        const text = message.text();
        // A refusal or error page is itself a 4xx document, which Chromium logs: not a problem.
        if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(text) && message.location().url === page.url()) return;
        if (message.type() === 'error' || /content.security.policy/i.test(text)) problems.push(`console ${message.type()} on ${page.url()}: ${text}`);
      });
      page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
    },
  };
}
