// typescript-eslint strictTypeChecked, plus the layer rules of DESIGN.md and CONVENTIONS.md 21.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', 'bin/**', '**/*.js'] },
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: false }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Fastify's hooks and plugins are async functions by contract, with or without an await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      // The domain is pure: no clock, no I/O ("now" and "today" are parameters).
      'no-restricted-globals': ['error', { name: 'Date', message: 'src/domain never reads the clock: take "now" or "today" as a parameter.' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='LocalDate'][callee.property.name='now']", message: 'src/domain never reads the clock.' },
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'fs', 'path', 'kysely', 'pg', '@electric-sql/*', 'fastify*', '**/db/**', '**/app/**', '**/web/**'], message: 'src/domain imports nothing but itself and pure libraries.' }] },
      ],
    },
  },
  {
    files: ['src/web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/db/**', 'kysely', 'pg', '@electric-sql/*'], message: 'The web layer reaches the database only through app use cases.' }] }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
