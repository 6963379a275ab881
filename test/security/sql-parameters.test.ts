// SQL is built only with parameters (RELIABILITY.md §4.7): the static scan of src/ (sql-scan.ts),
// and a check that the scan itself catches what it is meant to.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALLOWED, isAllowed, scanProject, scanSource } from './sql-scan.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('SQL built only with parameters (RELIABILITY.md §4.7)', () => {
  const findings = scanProject(ROOT);

  it('finds no SQL text built from values anywhere in src/, beyond the reviewed call sites', () => {
    const unreviewed = findings.filter((f) => !ALLOWED.some((a) => isAllowed(f, a)));
    const report = unreviewed.map((f) => `${f.file}:${String(f.line)} ${f.rule}: ${f.text}`).join('\n');
    expect(
      unreviewed,
      `Build SQL with Kysely or the sql\`…\` tag (values become parameters; sql.table/sql.ref quote names). If this is safe, add it to ALLOWED in test/security/sql-scan.ts with the reason:\n${report}`,
    ).toEqual([]);
  });

  it('keeps the list of reviewed call sites current', () => {
    const stale = ALLOWED.filter((a) => !findings.some((f) => isAllowed(f, a)));
    expect(
      stale.map((a) => `${a.file}: ${a.contains}`),
      'these reviewed call sites are gone: remove them from ALLOWED',
    ).toEqual([]);
  });

  it.each([
    ['sql.raw with an interpolated value', 'db.execute(sql.raw(`select * from person where id = ${id}`))', 'raw-not-literal'],
    ['sql.raw with a variable', 'const q = sql.raw(text);', 'raw-not-literal'],
    ['CompiledQuery.raw built from input', "db.executeQuery(CompiledQuery.raw('delete from draft where user_id = ' + userId))", 'raw-not-literal'],
    ['sql.lit', 'sql`select ${sql.lit(name)}`', 'lit'],
    ['an untagged SQL template', "await client.query(`update app_user set display_name = '${name}' where id = ${id}`);", 'sql-template'],
    ['SQL joined with +', "pool.query('select * from person where family_name = ' + name);", 'sql-concatenation'],
  ])('catches %s', (_name, code, rule) => {
    expect(scanSource('example.ts', code).map((f) => f.rule)).toContain(rule);
  });

  it.each([
    ['the sql tag', 'sql`select * from person where id = ${id}`'],
    ['a literal raw', "sql.raw('analyze')"],
    ['quoted identifiers', 'sql`select count(*) from ${sql.table(name)} where ${sql.ref(column)} = ${value}`'],
    ['a message that is not SQL', 'const text = `Select a team from the list for ${name}`;'],
  ])('lets %s through', (_name, code) => {
    expect(scanSource('example.ts', code)).toEqual([]);
  });
});
