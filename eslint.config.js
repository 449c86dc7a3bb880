import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'lib', 'node_modules', 'data', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      // the core is shared by the browser, the gateway and the CLI: no DOM, React or I/O
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*'], message: 'src/core must not use React' },
            { group: ['socket.io', 'socket.io-client'], message: 'src/core must not do I/O' },
            { group: ['node:*', 'fs', 'path', 'http'], message: 'src/core must not do I/O' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', 'test/**/*.ts', 'mocks/**/*.ts', 'src/gateway/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/views/**/*.{ts,tsx}', 'src/state/**/*.ts', 'src/main.tsx'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
