import path from 'node:path';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * Layers of src/, lowest first (bulletproof-react's unidirectional architecture):
 *   shared  — lib/, components/, styles: used by everyone, imports no feature and not the app;
 *   feature — features/<name>/: imports shared code and its own files, never another feature;
 *   app     — app/ and main.ts: composes features.
 * The rule resolves each relative import to a file, so `../cabinet/x` and
 * `../../features/cabinet/x` are caught alike.
 */
const srcDir = path.join(import.meta.dirname, 'src');

/** @param {string} file */
function placeOf(file) {
  const relative = path.relative(srcDir, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const [top, name] = relative.split(path.sep);
  if (top === 'features' && name) return { layer: 'feature', feature: name };
  if (top === 'app' || top === 'main.ts') return { layer: 'app' };
  return { layer: 'shared' };
}

/** @type {import('eslint').Rule.RuleModule} */
const featureBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep features independent: no imports between features or upwards.' },
    schema: [],
  },
  create(context) {
    const from = placeOf(context.filename);
    if (!from) return {};
    /** @param {import('estree').Node} node @param {unknown} source */
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = placeOf(path.resolve(path.dirname(context.filename), source));
      if (!to) return;
      if (from.layer === 'shared' && to.layer !== 'shared') {
        context.report({ node, message: `Shared code must not import from ${to.layer} code.` });
      } else if (from.layer === 'feature' && to.layer === 'app') {
        context.report({ node, message: 'A feature must not import from the app layer.' });
      } else if (
        from.layer === 'feature' &&
        to.layer === 'feature' &&
        to.feature !== from.feature
      ) {
        context.report({
          node,
          message: `Feature "${from.feature}" must not import from feature "${to.feature}"; compose them in src/app.`,
        });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default defineConfig(
  { ignores: ['target/', 'node_modules/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // The app itself: type-aware rules (floating promises are the classic DOM-app bug).
    files: ['src/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { bloom: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: {
      'bloom/feature-boundaries': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Node-side tooling: the configs and the browser end-to-end script.
    files: ['*.{js,ts}', 'e2e/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // The end-to-end script also holds functions that Playwright runs inside the page.
    files: ['e2e/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // The service worker (copied as it is to the root of the site, ADR 0043).
    files: ['public/sw.js'],
    languageOptions: { globals: globals.serviceworker, sourceType: 'script' },
  },
);
