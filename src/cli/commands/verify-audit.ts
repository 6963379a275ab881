import type { Command } from 'commander';
import { verifyAuditChain } from '../../db/shared/audit-repository.ts';
import { fail, out, withDatabase } from '../shared.ts';

export function registerVerifyAudit(program: Command): void {
  program
    .command('verify-audit')
    .description('recompute the audit hash chain and report the first break, if any')
    .action(async () => {
      await withDatabase(async (handle) => {
        const result = await verifyAuditChain(handle.db);
        if (result.ok) out(`Audit chain intact: ${String(result.checked)} entries.`);
        else
          fail(
            `Audit chain broken at entry ${result.firstBreak?.seq ?? '?'}: ${result.firstBreak?.problem ?? ''} (${String(result.checked)} entries before it intact).`,
          );
      });
    });
}
