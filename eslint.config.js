import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const USE_PARAMS = {
  name: 'react-router',
  importNames: ['useParams'],
  message: 'Use useRouteParams(ROUTES.x) or useOrgParam() from src/lib/route-params.ts.',
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'data'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Components never talk to the network directly: only src/api/client.ts does (and
      // src/api/early-responses.ts, for the boot script's reads that client.ts then claims).
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Use the API module in src/api/.' }],
      // Pages read their URL params one way, typed by the route patterns in src/lib/paths.ts.
      'no-restricted-imports': ['error', { paths: [USE_PARAMS] }],
    },
  },
  {
    // The API module is the bottom layer (the server imports it too): nothing of the console above it.
    files: ['src/api/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [USE_PARAMS],
          patterns: [
            { group: ['../lib/*', '../components/*', '../features/*', '../app/*'], message: 'src/api must not import the layers above it.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/api/client.ts', 'src/api/early-responses.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['src/lib/route-params.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.node } },
  },
);
