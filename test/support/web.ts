// In-process web tests (fastify.inject) with a cookie jar, CSRF tokens read from the page, and
// sign-in as any demo user. CSRF and secure cookies stay ON, as in production.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-authority.ts';
import { buildServer, type BuiltServer } from '../../src/web/server.ts';
import { createTestAuthority } from './authority.ts';
import type { TestDatabase } from './database.ts';

export interface TestWeb {
  readonly database: TestDatabase;
  readonly server: BuiltServer;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

export async function createTestWeb(): Promise<TestWeb> {
  const database = await createTestAuthority();
  const server = await buildServer(database.deps, { production: false, cookieSecret: 'test-secret-'.repeat(4), cookieSecure: true, trustProxy: false });
  return {
    database,
    server,
    app: server.app,
    close: async () => {
      await server.app.close();
      await database.close();
    },
  };
}

export class Browser {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  forget(name: string): void {
    this.cookies.delete(name);
  }

  private keep(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of response.cookies) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires !== undefined && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.keep(await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader, ...headers } }));
  }

  /** Posts a form as a browser would: with the CSRF token from the page it was on. */
  async post(url: string, form: Record<string, string | string[]>, options: { csrfFrom?: string; csrf?: string | null } = {}): Promise<LightMyRequestResponse> {
    const token = options.csrf === undefined ? await this.csrfToken(options.csrfFrom ?? url) : options.csrf;
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    if (token !== null) body.append('_csrf', token);
    return this.keep(
      await this.app.inject({
        method: 'POST',
        url,
        payload: body.toString(),
        headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
  }

  async csrfToken(pageUrl: string): Promise<string> {
    const page = await this.get(pageUrl);
    const match = /name="_csrf" value="([^"]+)"/.exec(page.body);
    if (match?.[1] === undefined) throw new Error(`no CSRF token on ${pageUrl} (status ${String(page.statusCode)})`);
    return match[1];
  }

  async signIn(username: string, password = DEMO_PASSWORD): Promise<LightMyRequestResponse> {
    return this.post('/sign-in', { username, password });
  }
}

/** The visible text of an HTML page, for assertions about what a user reads. */
export function textOf(html: string): string {
  return html.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}
