import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const upwardsOutOfFeature = {
  // From src/features/<f>/<dir>/file, two levels up is outside the feature.
  regex: '^(\\.\\./){2,}',
  message: 'Import code outside this feature via "@/…", not a relative path.',
};
const featureBarrel = {
  regex: '^@/features/[^/]+/?$',
  message: 'Features have no barrel files; import the file itself.',
};

export default defineConfig(
  globalIgnores(['dist', 'coverage', 'src/api/schema.d.ts']),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    // UI text belongs in src/locales; catch words typed straight into markup.
    files: ['src/**/*.tsx'],
    ignores: ['src/**/*.test.tsx', 'src/testing/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXText[value=/\\p{L}/u]',
          message: 'UI strings go in src/locales/*.json, used through t().',
        },
        {
          selector:
            'JSXAttribute[name.name=/^(aria-label|title|placeholder|alt)$/] > Literal[value=/\\p{L}/u]',
          message: 'UI strings go in src/locales/*.json, used through t().',
        },
      ],
    },
  },
  // Dependencies point one way: app → features → shared (components, lib, api).
  ...features.map((feature) => ({
    files: [`src/features/${feature}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^@/features/(?!${feature}/)`,
              message: 'Features never import each other; compose them in src/app/routes.',
            },
            { regex: '^@/app(/|$)', message: 'Features must not depend on the app wiring.' },
            upwardsOutOfFeature,
            featureBarrel,
          ],
        },
      ],
    },
  })),
  {
    files: ['src/components/**', 'src/lib/**', 'src/locales/**', 'src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(@/|(\\.\\./)+)(features|app)(/|$)',
              message: 'Shared code must not depend on features or the app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [featureBarrel] }] },
  },
);
