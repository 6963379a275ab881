import type { Command } from 'commander';
import { setPassword } from '../../app/admin/set-password.ts';
import { systemContext } from '../../app/shared/request-context.ts';
import { fail, out, withDatabase } from '../shared.ts';

export function registerSetPassword(program: Command): void {
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
}
