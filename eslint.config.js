// @ts-check
/**
 * The house rules as a tool. Besides typescript-eslint's type-checked rules, this file holds the
 * rings' import boundaries (docs/architecture.md): the engine imports nothing outside itself, the
 * scenario ring only the engine, the store no Phaser and no DOM-facing module, and the views only
 * the engine's public face. tests/boundaries.test.ts proves each boundary still bites.
 *
 * The boundaries use ESLint's core rules, so they match import *strings*, not resolved files.
 * A relative import leaves a ring when it climbs more `../` than the file sits deep inside it,
 * so each ring's rules are written once per depth (see `ring`).
 */
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Tests and test helpers stand outside the rings: they assemble several rings to check them
 * together (an engine test loads a scenario file from disk).
 */
const TEST_FILES = ['**/*.test.ts', '**/testing.ts'];

/** How deep below a ring's directory its files may sit; deeper files would escape the boundary rules. */
const MAX_DEPTH = 4;

/** Author text is text: nothing in the page turns a string into markup or code. */
const HTML_SINKS = [
  ...['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'setHTMLUnsafe', 'createContextualFragment'].map((property) => ({
    property,
    message: 'Author text is text: build elements and set textContent (src/ui/kit.ts el()).',
  })),
  { object: 'document', property: 'write', message: 'Author text is text: build elements and set textContent.' },
  { object: 'document', property: 'writeln', message: 'Author text is text: build elements and set textContent.' },
];

/** Everything that would make a turn depend on the machine, the clock or the page instead of the seed. */
const IMPURE_GLOBALS = [
  'Date',
  'performance',
  'crypto',
  'setTimeout',
  'setInterval',
  'requestAnimationFrame',
  'fetch',
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'process',
  'console',
].map((name) => ({ name, message: 'The engine is pure: a turn depends only on the scenario, the state, the orders and the seed.' }));

/** `^(\.\./){depth}`: an import string that climbs out of a ring from a file `depth` levels inside it. */
const out = (depth) => `^(\\.\\./){${depth}}`;

/** A bare specifier (a package or node: module) that is not one of `allowed`. */
const packageOtherThan = (allowed) => `^(?!\\.\\.?/${allowed.length ? `|(${allowed.join('|')})(/|$)` : ''})`;

/**
 * One ring's import boundary for its files at every depth: each of `forbid(depth)` is a regular
 * expression over the import string with the message shown when it matches. Static imports go
 * through no-restricted-imports; `import('…')` and `typeof import('…')`, which that rule does not
 * see, through no-restricted-syntax (so no other block may set no-restricted-syntax on these files).
 */
function ring(dir, forbid) {
  return Array.from({ length: MAX_DEPTH }, (_, index) => {
    const depth = index + 1;
    const rules = forbid(depth);
    // esquery's /regex/ cannot contain a slash, even escaped.
    const selectorRegex = (regex) => `/${regex.replaceAll('/', '\\x2F')}/`;
    return {
      name: `rings/${dir.replace(/^src\//, '')} (depth ${depth})`,
      files: [`${dir}/${'*/'.repeat(depth - 1)}*.ts`],
      ignores: TEST_FILES,
      rules: {
        'no-restricted-imports': ['error', { patterns: rules.map(({ regex, message }) => ({ regex, message })) }],
        'no-restricted-syntax': [
          'error',
          ...rules.flatMap(({ regex, message }) => [
            { selector: `ImportExpression[source.value=${selectorRegex(regex)}]`, message },
            { selector: `TSImportType[source.value=${selectorRegex(regex)}]`, message },
          ]),
        ],
      },
    };
  });
}

const ENGINE_ONLY = 'The engine imports nothing outside src/engine (seedrandom aside): it is pure and runs anywhere.';
const SCENARIO_ONLY = 'The scenario ring imports only the engine and its own libraries (yaml, zod, jsep).';
const CLASS_ONLY = 'The class protocol (src/class) is shared by the page and the server: it imports only the engine (and zod, for reading messages).';
const STORE_NO_DOM = 'The store holds no Phaser and no DOM-facing module: views read the store, never the reverse.';
const VIEWS_PUBLIC = "Views import the engine's public face only: '…/engine' (its index) or '…/engine/model' (its types).";

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'test-results/', 'coverage/', 'public/', 'assets/', 'scenarios/**/*.json', '**/.vite/']),

  {
    name: 'typescript (type-checked)',
    files: ['**/*.{ts,js}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Numbers and booleans read plainly in messages (`turn ${n}`); objects and undefined stay errors.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // `_name` says "received but not needed here" (an interface's parameter, a destructured rest).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    name: 'plain javascript (not in tsconfig)',
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },

  { name: 'browser globals', files: ['src/**', 'tools/ai-bench-page/**', 'tests/e2e/map-page/**'], languageOptions: { globals: globals.browser } },
  {
    name: 'node globals',
    files: ['tools/**', 'tests/**', 'src/cli/**', 'src/server/**', ...TEST_FILES, '*.config.{ts,js}'],
    ignores: ['tools/ai-bench-page/**', 'tests/e2e/map-page/**'],
    languageOptions: { globals: globals.node },
  },

  { name: 'author text is text', files: ['src/**/*.ts'], rules: { 'no-restricted-properties': ['error', ...HTML_SINKS] } },

  {
    name: 'the engine is pure',
    files: ['src/engine/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-globals': ['error', ...IMPURE_GLOBALS],
      'no-restricted-properties': ['error', ...HTML_SINKS, { object: 'Math', property: 'random', message: 'The engine is pure: draw from the seeded random (src/engine/random.ts).' }],
    },
  },
  ...ring('src/engine', (depth) => [
    { regex: out(depth), message: ENGINE_ONLY },
    { regex: packageOtherThan(['seedrandom']), message: ENGINE_ONLY },
  ]),
  ...ring('src/scenario', (depth) => [
    { regex: `${out(depth)}(?!engine(/|$))`, message: SCENARIO_ONLY },
    { regex: packageOtherThan(['yaml', 'zod', 'jsep']), message: SCENARIO_ONLY },
  ]),
  ...ring('src/class', (depth) => [
    { regex: `${out(depth)}(?!engine(/|$))`, message: CLASS_ONLY },
    { regex: packageOtherThan(['zod']), message: CLASS_ONLY },
  ]),
  {
    name: 'the store draws nothing',
    files: ['src/store/**/*.ts'],
    ignores: TEST_FILES,
    // Browser storage and preferences are the store's to read (src/store/app.ts wires them in); the document is the views'.
    rules: { 'no-restricted-globals': ['error', { name: 'document', message: STORE_NO_DOM }] },
  },
  ...ring('src/store', (depth) => [
    { regex: `${out(depth)}(ui|world|scenes|audio)(/|$)`, message: STORE_NO_DOM },
    { regex: '^(phaser|howler)(/|$)', message: STORE_NO_DOM },
  ]),
  ...['src/ui', 'src/world', 'src/scenes'].flatMap((dir) => ring(dir, (depth) => [{ regex: `${out(depth)}(\\.\\./)*engine/(?!(index|model)$)`, message: VIEWS_PUBLIC }])),

  prettier,
]);
