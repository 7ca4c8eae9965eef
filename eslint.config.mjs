import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/var', '**/.nx', '**/*.js', '**/*.mjs'],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // The CLI composes the apps in one process for standalone mode (`gmdb start`).
          allow: [
            '@gmdb/case-service',
            '@gmdb/consent-service',
            '@gmdb/doi-service',
            '@gmdb/inference-worker',
            '@gmdb/gateway',
            '@gmdb/platform/testing',
          ],
          depConstraints: [
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: [
                '@nestjs/*',
                'typeorm',
                'bullmq',
                'ioredis',
                'mysql2',
                'better-sqlite3',
                '@apollo/*',
                'express',
                'sharp',
                'onnxruntime-node',
                '@aws-sdk/*',
                'passport',
                'passport-*',
                'pino',
                'graphql',
              ],
            },
            {
              sourceTag: 'type:ml',
              onlyDependOnLibsWithTags: ['type:domain', 'type:ml'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'bullmq', 'ioredis', '@apollo/*', 'express'],
            },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:domain', 'type:platform'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:ml', 'type:platform'] },
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:domain', 'type:ml', 'type:platform', 'type:app'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
