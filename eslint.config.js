// ESLint flat config. Its main job is the layering of the app:
//   renderer/**                 no electron, better-sqlite3 or Node builtins; from electron/ only
//                               the contract, the model and the pure text helpers
//   electron/core/**, api/**    plain Node: no electron
//   electron/core/**             owns the model and result types; never imports the API layer
//                                (the contract imports the core, not the other way round)
// Otherwise the recommended TypeScript and Vue rules, with style left to the authors.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));

const rendererRestrictions = {
  paths: [
    { name: 'electron', message: 'Renderer chạy trong sandbox: không được import electron (dùng window.traCuu / api client).' },
    { name: 'better-sqlite3', message: 'Renderer không truy cập SQLite trực tiếp: dùng API (contract).' },
    ...nodeBuiltins.map((name) => ({ name, message: 'Renderer không được dùng module của Node.' })),
  ],
  patterns: [
    { group: ['node:*'], message: 'Renderer không được dùng module của Node.' },
    { group: ['electron/*', 'better-sqlite3/*'], message: 'Renderer không được import electron/better-sqlite3.' },
    {
      regex: '(^|/)electron/(?!(api/contract|core/model)(\\.ts)?$|core/text/)',
      message: 'Renderer chỉ được import từ electron/ các tệp contract, model và text (thuần TypeScript).',
    },
  ],
};

const coreRestrictions = {
  paths: [{ name: 'electron', message: 'Lõi tri thức và API là Node thuần: không import electron.' }],
  patterns: [{ group: ['electron/*'], message: 'Lõi tri thức và API là Node thuần: không import electron.' }],
};

// The core is used by the main process, the server, the CLI, scripts and tests: it knows nothing of
// how it is carried (contract, IPC, HTTP). Types the contract needs live in core/results.ts.
const coreOnlyRestrictions = {
  paths: coreRestrictions.paths,
  patterns: [
    ...coreRestrictions.patterns,
    { regex: '(^|/)api/', message: 'Lõi không import lớp API: kiểu dữ liệu đặt trong core (results.ts), contract import lại từ core.' },
  ],
};

export default tseslint.config(
  {
    ignores: ['.*/**', 'build/**', 'dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.userdata/**'],
  },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/essential'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
  },
  {
    rules: {
      // Style is the authors' business; unused names are worth a warning, not a failed build.
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,vue,js}'],
    rules: { 'no-restricted-imports': ['error', rendererRestrictions] },
  },
  {
    files: ['electron/api/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', coreRestrictions] },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', coreOnlyRestrictions] },
  },
);
