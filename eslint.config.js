// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const noNodeOrDom = [
  {
    group: ['node:*', 'fs', 'path', 'os', 'crypto'],
    message: 'shared/ runs anywhere: no Node modules.',
  },
  { group: ['electron', 'electron/*'], message: 'shared/ must not import electron.' },
  {
    group: ['react', 'react-dom', 'react/*', '@mantine/*', 'recharts'],
    message: 'shared/ is UI-free.',
  },
  {
    group: ['**/electron/**', '**/renderer/**'],
    message: 'shared/ cannot import the host or the UI.',
  },
]

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'artifacts', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: noNodeOrDom }] },
  },
  {
    files: ['electron/host/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'The host runs under plain Node: no electron import.',
            },
            { group: ['**/renderer/**'], message: 'The host does not import UI code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', 'electron/*'],
              message: 'Renderer pages run in a browser.',
            },
            {
              group: ['**/electron/**'],
              message: 'Renderer talks to the host over Socket.IO only.',
            },
          ],
        },
      ],
    },
  },
)
