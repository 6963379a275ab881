// The `hearth` command: migrate, seed, create-user, set-password, verify-audit.
import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { createUser } from '../app/admin/create-user.ts';
import { setPassword } from '../app/admin/set-password.ts';
import { createUserInput } from '../app/admin/user-input.ts';
import { systemClock, type AppDeps } from '../app/shared/deps.ts';
import { ValidationError } from '../app/shared/errors.ts';
import { systemContext } from '../app/shared/request-context.ts';
import { fieldErrorsOf } from '../app/shared/safe-text.ts';
import { connect, type DatabaseHandle } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import { hasDemoAuthority, seedDemoAuthority } from '../db/seed/demo-authority.ts';
import { verifyAuditChain } from '../db/shared/audit-repository.ts';
import { ROLES } from '../domain/shared/access/roles.ts';

const out = (line: string) => process.stdout.write(`${line}\n`);
const fail = (line: string): never => {
  process.stderr.write(`${line}\n`);
  process.exit(1);
};

async function withDatabase<T>(fn: (handle: DatabaseHandle, deps: AppDeps) => Promise<T>): Promise<T> {
  const databaseUrl = process.env['DATABASE_URL'];
  const dataDir = databaseUrl === undefined || databaseUrl === '' ? resolve(process.env['HEARTH_DATA_DIR'] ?? 'data') : undefined;
  const handle = await connect({ databaseUrl, dataDir, poolSize: 4 });
  try {
    await migrate(handle);
    return await fn(handle, { db: handle.db, engine: handle.engine, clock: systemClock });
  } finally {
    await handle.close();
  }
}

const list = (value: string): string[] => value.split(',').map((s) => s.trim()).filter((s) => s !== '');

const program = new Command('hearth').description('Hearth: children’s social care case management');

program
  .command('migrate')
  .description('apply database migrations (PGlite in ./data, or DATABASE_URL)')
  .action(async () => {
    await withDatabase(async () => out('Database is up to date.'));
  });

program
  .command('seed')
  .description('load the demo authority into an empty database')
  .option('--seed <n>', 'random seed number', (v) => {
    const n = Number.parseInt(v, 10);
    if (!Number.isInteger(n)) throw new InvalidArgumentError('must be a whole number');
    return n;
  }, 2026)
  .action(async (options: { seed: number }) => {
    await withDatabase(async (handle) => {
      if (await hasDemoAuthority(handle.db)) return out('The demo authority is already loaded.');
      await seedDemoAuthority(handle, systemClock.now(), options.seed);
      out('Demo authority loaded.');
    });
  });

program
  .command('create-user')
  .description('create a staff account')
  .requiredOption('--username <username>', 'sign-in name, e.g. jo.bloggs')
  .requiredOption('--name <name>', 'full name')
  .requiredOption('--roles <roles>', `comma-separated: ${ROLES.join(', ')}`)
  .option('--teams <codes>', 'comma-separated team codes (see the Teams page)', '')
  .option('--manages <codes>', 'comma-separated team codes this person manages', '')
  .option('--email <email>', 'email address')
  .option('--password <password>', 'password (or set HEARTH_NEW_PASSWORD to keep it out of shell history)')
  .action(async (options: { username: string; name: string; roles: string; teams: string; manages: string; email?: string; password?: string }) => {
    await withDatabase(async (handle, deps) => {
      const codes = [...new Set([...list(options.teams), ...list(options.manages)])];
      const teams = codes.length === 0 ? [] : await handle.db.selectFrom('team').select(['id', 'code']).where('code', 'in', codes).execute();
      const missing = codes.filter((c) => !teams.some((t) => t.code === c));
      if (missing.length > 0) fail(`Unknown team code: ${missing.join(', ')}`);
      const idOf = (code: string) => teams.find((t) => t.code === code)?.id ?? '';
      const parsed = createUserInput.safeParse({
        username: options.username,
        displayName: options.name,
        email: options.email,
        password: options.password ?? process.env['HEARTH_NEW_PASSWORD'],
        roles: list(options.roles),
        teamIds: codes.map(idOf),
        managedTeamIds: list(options.manages).map(idOf),
      });
      if (!parsed.success) fail(Object.entries(fieldErrorsOf(parsed.error)).map(([k, v]) => `${k}: ${v}`).join('\n'));
      else {
        try {
          const { id } = await createUser(deps, systemContext('hearth create-user'), parsed.data);
          out(`Created ${parsed.data.username} (${id}).`);
        } catch (error) {
          if (error instanceof ValidationError) fail(Object.entries(error.fieldErrors).map(([k, v]) => `${k}: ${v}`).join('\n'));
          throw error;
        }
      }
    });
  });

program
  .command('set-password')
  .description('set a new password for a user (read from HEARTH_NEW_PASSWORD) and end their sessions')
  .requiredOption('--username <username>')
  .action(async (options: { username: string }) => {
    const password = process.env['HEARTH_NEW_PASSWORD'] ?? '';
    if (password.length < 12) fail('Set HEARTH_NEW_PASSWORD to a password of 12 characters or more.');
    await withDatabase(async (handle, deps) => {
      const user = await handle.db.selectFrom('appUser').select('id').where('username', '=', options.username.toLowerCase()).executeTakeFirst();
      if (user === undefined) fail(`No user called ${options.username}.`);
      else await setPassword(deps, systemContext('hearth set-password'), user.id, password);
      out('Password set; the user’s sessions have ended.');
    });
  });

program
  .command('verify-audit')
  .description('recompute the audit hash chain and report the first break, if any')
  .action(async () => {
    await withDatabase(async (handle) => {
      const result = await verifyAuditChain(handle.db);
      if (result.ok) out(`Audit chain intact: ${String(result.checked)} entries.`);
      else fail(`Audit chain broken at entry ${result.firstBreak?.seq ?? '?'}: ${result.firstBreak?.problem ?? ''} (${String(result.checked)} entries before it intact).`);
    });
  });

await program.parseAsync(process.argv);
