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

const hostOnly = [
  {
    group: ['electron', 'electron/*'],
    message: 'The host runs under plain Node: no electron import.',
  },
  { group: ['**/renderer/**'], message: 'The host does not import UI code.' },
]

const browserOnly = [
  {
    group: ['node:*', 'electron', 'electron/*'],
    message: 'Renderer pages run in a browser.',
  },
  {
    group: ['**/electron/**'],
    message: 'Renderer talks to the host over Socket.IO only.',
  },
]

/**
 * Every tablet in the hall loads its page over one shared Wi-Fi at 报到 (issue 31): its own
 * catalog of words, the styles of the components it uses, no code it does not run.
 */
const tabletOnly = [
  ...browserOnly,
  {
    regex: '(^|/)(common/i18n|shared/i18n(/index)?)$',
    message:
      'The tablet has its own catalog: useI18n from renderer/tablet/i18n, strings in shared/i18n/tablet.*.ts.',
  },
  {
    group: ['@mantine/core/styles.css', '@mantine/core/styles.layer.css'],
    message:
      "Mantine's whole stylesheet: the tablet imports its components' styles (renderer/tablet/styles.ts).",
  },
  {
    group: ['zod', 'recharts', 'qrcode'],
    allowTypeImports: true,
    message: 'Code the tablet does not run: the host validates, the screen draws.',
  },
]

/**
 * The ballot box's insides: electron/host/store/ballot-box/ (slots, regions, headers, keys, the
 * sealed file) and the group commit it writes through. Code for the projects' year (ratings,
 * progress, cross-year reads) reads votes and results through the meeting and the services,
 * never the box, so the box can change its format without the year noticing. The files are
 * also matched by name anywhere under store/, so that a box file moved elsewhere stays inside.
 */
const boxFiles = [
  'ballot-box*',
  'ballot-counts',
  'ballot-key',
  'box-*',
  'slot-*',
  'slots-*',
  'region-entries',
  'sealed-box',
  'group-commit',
  'vote-keys',
  'watermark-file',
]
const boxInternals = {
  group: ['**/store/ballot-box/**', ...boxFiles.map((f) => `**/store/**/${f}`)],
  message: "The year's code stays out of the ballot box: read votes through the services.",
}
/** The same files as a dynamic import() (no-restricted-imports sees static ones only). */
const boxImportExpression = {
  selector: `ImportExpression[source.value=/\\/store\\/(.*\\/)?(${boxFiles
    .map((f) => f.replace('*', '[^/]*'))
    .join('|')})(\\/|$)/]`,
  message: boxInternals.message,
}
const yearFolders = {
  host: 'electron/host/year/**/*.ts',
  shared: 'shared/year/**/*.ts',
  console: 'renderer/console/year/**/*.{ts,tsx}',
}
/**
 * 代表履职 (a deputy's attendance across meetings) reads rosters and audit logs, never a vote:
 * the ballot box's insides are further out of its reach than the year's.
 */
const dutyFolders = {
  host: 'electron/host/duty/**/*.ts',
  shared: 'shared/duty/**/*.ts',
  console: 'renderer/console/duty/**/*.{ts,tsx}',
}
const dutyBox = {
  ...boxInternals,
  message: "代表履职's code stays out of the ballot box: attendance only, never a vote.",
}
const dutyBoxExpression = { ...boxImportExpression, message: dutyBox.message }

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
    rules: { 'no-restricted-imports': ['error', { patterns: hostOnly }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: browserOnly }],
    },
  },
  {
    files: ['renderer/tablet/**/*.{ts,tsx}'],
    ignores: ['renderer/tablet/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: tabletOnly }] },
  },
  // A later block's options replace an earlier one's: each year folder repeats its own
  // folder's patterns and adds the box's insides.
  ...[
    { files: [yearFolders.host], patterns: [...hostOnly, boxInternals] },
    {
      files: [yearFolders.shared],
      ignores: ['shared/**/*.test.ts'],
      patterns: [...noNodeOrDom, boxInternals],
    },
    { files: [yearFolders.console], patterns: [...browserOnly, boxInternals] },
  ].map(({ patterns, ...where }) => ({
    ...where,
    rules: {
      'no-restricted-imports': ['error', { patterns }],
      'no-restricted-syntax': ['error', boxImportExpression],
    },
  })),
  ...[
    { files: [dutyFolders.host], patterns: [...hostOnly, dutyBox] },
    {
      files: [dutyFolders.shared],
      ignores: ['shared/**/*.test.ts'],
      patterns: [...noNodeOrDom, dutyBox],
    },
    { files: [dutyFolders.console], patterns: [...browserOnly, dutyBox] },
  ].map(({ patterns, ...where }) => ({
    ...where,
    rules: {
      'no-restricted-imports': ['error', { patterns }],
      'no-restricted-syntax': ['error', dutyBoxExpression],
    },
  })),
)
