import type { Command } from 'commander';
import { createUser } from '../../app/admin/create-user.ts';
import { createUserInput } from '../../app/admin/user-input.ts';
import { ValidationError } from '../../app/shared/errors.ts';
import { systemContext } from '../../app/shared/request-context.ts';
import { fieldErrorsOf } from '../../app/shared/safe-text.ts';
import { ROLES } from '../../domain/shared/access/roles.ts';
import { fail, list, out, withDatabase } from '../shared.ts';

export function registerCreateUser(program: Command): void {
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
        if (!parsed.success)
          fail(
            Object.entries(fieldErrorsOf(parsed.error))
              .map(([k, v]) => `${k}: ${v}`)
              .join('\n'),
          );
        else {
          try {
            const { id } = await createUser(deps, systemContext('hearth create-user'), parsed.data);
            out(`Created ${parsed.data.username} (${id}).`);
          } catch (error) {
            if (error instanceof ValidationError)
              fail(
                Object.entries(error.fieldErrors)
                  .map(([k, v]) => `${k}: ${v}`)
                  .join('\n'),
              );
            throw error;
          }
        }
      });
    });
}
