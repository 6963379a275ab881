// An in-process HTTP client for the security suite: a cookie jar, its own client address (so the
// sign-in throttles of one simulated person never touch another's), CSRF tokens fetched the way a
// browser or API client gets them, and form or JSON bodies.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '../../src/db/seed/demo-authority.ts';

export type FormBody = Readonly<Record<string, string | readonly string[]>>;
export type RequestBody = { readonly form: FormBody } | { readonly json: unknown } | { readonly raw: string; readonly contentType: string };

export const SESSION_COOKIE = '__Host-hearth-session';

export class HttpClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    /** The client's IP address as the server sees it (changeable: a visitor moving between addresses). */
    public address: string,
  ) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get signedIn(): boolean {
    return this.cookies.has(SESSION_COOKIE);
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  forget(name: string): void {
    this.cookies.delete(name);
  }

  private keep(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of response.cookies) {
      const gone = c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires !== undefined && c.expires.getTime() < Date.now());
      if (gone) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }

  async request(method: string, url: string, body?: RequestBody, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const base = { cookie: this.cookieHeader, ...headers };
    const options =
      body === undefined
        ? { headers: base }
        : 'form' in body
          ? { headers: { ...base, 'content-type': 'application/x-www-form-urlencoded' }, payload: encodeForm(body.form) }
          : 'json' in body
            ? { headers: { ...base, 'content-type': 'application/json' }, payload: JSON.stringify(body.json) }
            : { headers: { ...base, 'content-type': body.contentType }, payload: body.raw };
    return this.keep(await this.app.inject({ method: method as 'GET', url, remoteAddress: this.address, ...options }));
  }

  get(url: string): Promise<LightMyRequestResponse> {
    return this.request('GET', url);
  }

  /** A CSRF token as a signed-in API client gets it (GET /api/v1/me), or from the sign-in page. */
  async csrfToken(): Promise<string> {
    if (this.signedIn) {
      const me = await this.get('/api/v1/me');
      if (me.statusCode === 200) return (JSON.parse(me.body) as { csrfToken: string }).csrfToken;
    }
    const page = await this.get('/sign-in');
    const match = /name="_csrf" value="([^"]+)"/.exec(page.body);
    if (match?.[1] === undefined) throw new Error(`no CSRF token on /sign-in (status ${String(page.statusCode)})`);
    return match[1];
  }

  /** Posts with a valid CSRF token: `_csrf` in a form, `x-csrf-token` for JSON. */
  async post(url: string, body: RequestBody, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const token = await this.csrfToken();
    if ('form' in body) return this.request('POST', url, { form: { ...body.form, _csrf: token } }, headers);
    return this.request('POST', url, body, { ...headers, 'x-csrf-token': token });
  }

  async signIn(username: string, password = DEMO_PASSWORD): Promise<LightMyRequestResponse> {
    const response = await this.post('/sign-in', { form: { username, password } });
    if (response.statusCode !== 303) throw new Error(`${username} could not sign in: ${String(response.statusCode)}`);
    return response;
  }
}

export function encodeForm(form: FormBody): string {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) for (const v of typeof value === 'string' ? [value] : value) body.append(key, v);
  return body.toString();
}
