import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['build/', '.docusaurus/', 'generated/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { react, 'react-hooks': reactHooks },
    settings: { react: { version: 'detect' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'react/prop-types': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The reference's theme runs in the browser: it may import the plugin's pure modules (types, routes,
    // openapi, samples, artifacts/paths, entry-data, changelog/types) but nothing that needs Node or the spec pipeline.
    files: ['src/plugins/api-reference/theme/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'child_process'], message: 'Theme code runs in the browser.' },
            { group: ['@redocly/openapi-core', '@docusaurus/logger'], message: 'Node-only package.' },
            {
              regex:
                '(^|/)(spec(/(index|load|revisions|sanitize))?|artifacts(/index)?|changelog/(routes|diff)|api-reference(/index)?)$|^\\.\\./\\.\\./index$',
              message: 'Plugin modules that run in Node: import types, routes, openapi or samples instead.',
            },
          ],
        },
      ],
    },
  },
  {
    // Docusaurus theme components load Prism components with require().
    files: ['src/theme/prism-include-languages.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
