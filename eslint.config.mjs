// Type-aware lint for the whole repository. The `no-restricted-imports` blocks below keep the
// architecture honest: dependencies point down (functions -> orchestration/activities ->
// source/storage -> bacpac), and the BACPAC format library imports Node built-ins only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const driverPackages = [
  '@azure/*',
  'durable-functions',
  'durable-functions/*',
  'mssql',
  'mssql/*',
  'tedious',
  'tedious/*',
  'archiver',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'eslint.config.mjs', 'scripts/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/bacpac/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: driverPackages,
              message: 'src/bacpac is a pure library: Node built-ins (and saxes for XML) only.',
            },
            {
              group: [
                '**/source/**',
                '**/storage/**',
                '**/activities/**',
                '**/orchestration/**',
                '**/functions/**',
                '**/config/**',
                '**/cli/**',
              ],
              message: 'src/bacpac must not depend on the layers above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/source/**/*.ts', 'src/storage/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'durable-functions',
                '@azure/functions',
                '**/activities/**',
                '**/orchestration/**',
                '**/functions/**',
                '**/cli/**',
              ],
              message: 'source/ and storage/ sit below the Functions layer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/activities/**/*.ts', 'src/orchestration/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/functions/**', '**/cli/**'],
              message: 'activities/ and orchestration/ must not import triggers or the CLI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
