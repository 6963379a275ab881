// Runtime settings from the environment. In production every secret must be set explicitly; the
// server refuses to start otherwise and names the missing variable (RELIABILITY.md §4.10).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WebConfig {
  readonly production: boolean;
  readonly cookieSecret: string;
  readonly cookieSecure: boolean;
  readonly trustProxy: boolean;
}

export function loadWebConfig(env: NodeJS.ProcessEnv, dataDir: string | undefined): WebConfig {
  const production = env['NODE_ENV'] === 'production';
  let secret = env['HEARTH_SECRET'];
  if (secret === undefined || secret === '') {
    if (production) throw new Error('HEARTH_SECRET must be set in production (a random string of 32 characters or more).');
    secret = developmentSecret(dataDir);
  }
  if (secret.length < 32) throw new Error('HEARTH_SECRET must be 32 characters or more.');
  return {
    production,
    cookieSecret: secret,
    cookieSecure: env['HEARTH_COOKIE_SECURE'] !== 'false',
    trustProxy: env['HEARTH_TRUST_PROXY'] === 'true',
  };
}

/** Outside production a secret is made once and kept beside the embedded database. */
function developmentSecret(dataDir: string | undefined): string {
  if (dataDir === undefined) return randomBytes(32).toString('hex');
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
