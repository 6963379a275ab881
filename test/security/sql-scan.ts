// A static check that SQL is only built with parameters (RELIABILITY.md §4.7, ASVS 1.2.4): it parses
// every TypeScript file under src/ and reports
//  - sql.raw(…) and CompiledQuery.raw(…) given anything but a plain string literal,
//  - sql.lit(…) anywhere (it inlines a value into the SQL text),
//  - an untagged template literal that looks like SQL and interpolates values,
//  - a string that looks like SQL joined to something with `+`.
// Kysely's sql`…` tag, sql.table(), sql.ref() and sql.id() are parameterised or quoted, and fine.
// A finding that has been reviewed and is safe goes in ALLOWED with the reason.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly rule: 'raw-not-literal' | 'lit' | 'sql-template' | 'sql-concatenation';
  readonly text: string;
}

export interface Allowance {
  readonly file: string;
  /** Text the flagged code contains. */
  readonly contains: string;
  readonly reason: string;
}

/** Reviewed call sites that build SQL text safely. */
export const ALLOWED: readonly Allowance[] = [
  {
    file: 'src/db/migrate.ts',
    contains: 'insert into schema_migration',
    reason:
      'the migration name is one listMigrations() matched against ^\\d{4}_[a-z0-9_]+\\.sql$ and the checksum is SHA-256 hex; the script is the migration file itself',
  },
  {
    file: 'src/db/seed/synthetic/bulk-insert.ts',
    contains: 'sql.raw(type)',
    reason: 'column types come from the seed table specs and checkSpec() matches them against ^[a-z][a-z0-9_ ]*(\\[\\])?$ first',
  },
  {
    file: 'src/db/seed/synthetic/bulk-insert.ts',
    contains: 'sql.raw(`c${String(c)}`)',
    reason: 'a column alias made from a loop index',
  },
  {
    file: 'src/db/seed/synthetic/bulk-insert.ts',
    contains: 'sql.raw(cast === undefined',
    reason: 'a loop-index alias and a cast that checkSpec() matched against ^[a-z][a-z0-9_ ]*(\\[\\])?$',
  },
  {
    file: 'src/db/people/merge-repository.ts',
    contains: 'sql.raw(`(${index.predicate})`)',
    reason:
      "a partial unique index's own predicate, read with pg_get_expr from this schema's catalogue (migrations written by Hearth), never from input; it is wrapped in brackets and used only as a where clause",
  },
  {
    file: 'src/db/people/merge-repository.ts',
    contains: 'savepoint ${name}',
    reason: 'savepoint names are string literals at every call of the module-private trying()',
  },
];

const SQL_LIKE =
  /\b(select\s[\s\S]*?\bfrom\s+("?[a-z_][\w."]*"?)?\s*(\bwhere\b|\bjoin\b|\border\b|\bgroup\b|\blimit\b|\bas\b|[;),]|$)|insert\s+into\b|update\s+[\w."]+\s+set\b|delete\s+from\b|(create|drop|alter)\s+(table|index|database|function|trigger|role)\b|truncate\s+\w|grant\s+\w+\s+on\b|savepoint\b|where\s+[\w."]+\s*(=|<|>|\bin\b|\blike\b|\bis\b))/gi;

/**
 * SQL as written in code opens with a keyword in lower case or in capitals; GOV.UK messages such as
 * "Select a team from the list" open with a capital and are not mistaken for it.
 */
function looksLikeSql(text: string): boolean {
  return [...text.matchAll(SQL_LIKE)].some((match) => {
    const keyword = /^[A-Za-z]+/.exec(match[0])?.[0] ?? '';
    return keyword === keyword.toLowerCase() || keyword === keyword.toUpperCase();
  });
}

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return null;
}

const isPlainLiteral = (node: ts.Node | undefined): boolean => node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node));

/** Findings in one file's source text. */
export function scanSource(file: string, source: string): Finding[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.ES2023, true, ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const add = (node: ts.Node, rule: Finding['rule']) => {
    const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
    findings.push({ file, line, rule, text: node.getText(sourceFile).replace(/\s+/g, ' ').slice(0, 200) });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const callee = node.expression.getText(sourceFile);
      if ((callee === 'sql.raw' || callee === 'CompiledQuery.raw') && !isPlainLiteral(node.arguments[0])) add(node, 'raw-not-literal');
      if (callee === 'sql.lit') add(node, 'lit');
    }
    if (ts.isTemplateExpression(node) && !ts.isTaggedTemplateExpression(node.parent) && looksLikeSql(literalText(node) ?? '')) add(node, 'sql-template');
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const sides = [node.left, node.right].map(literalText);
      if (sides.some((text) => text !== null && looksLikeSql(text))) add(node, 'sql-concatenation');
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return findings;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every finding under `root`/src, with paths relative to `root`. */
export function scanProject(root: string): Finding[] {
  return tsFiles(join(root, 'src')).flatMap((path) => scanSource(relative(root, path), readFileSync(path, 'utf8')));
}

export const isAllowed = (finding: Finding, allowance: Allowance): boolean => finding.file === allowance.file && finding.text.includes(allowance.contains);
