// The `hearth` command. Each command lives in commands/<name>.ts and is registered here.
import { Command } from 'commander';
import { registerBackup } from './commands/backup.ts';
import { registerCreateUser } from './commands/create-user.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerRestore } from './commands/restore.ts';
import { registerReturns } from './commands/returns.ts';
import { registerSeed } from './commands/seed.ts';
import { registerSetPassword } from './commands/set-password.ts';
import { registerSweep } from './commands/sweep.ts';
import { registerVerifyAudit } from './commands/verify-audit.ts';
import { CliError } from './shared.ts';

const program = new Command('hearth').description('Hearth: children’s social care case management');
registerMigrate(program);
registerSeed(program);
registerCreateUser(program);
registerSetPassword(program);
registerVerifyAudit(program);
registerBackup(program);
registerRestore(program);
registerReturns(program);
registerSweep(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
