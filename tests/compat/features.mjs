// What the static check (static-check.mjs) looks for in the built JavaScript and CSS: features some supported
// browser lacks, with the first version of each engine that has them (MDN browser-compat-data; null = none yet).
// A feature beyond the targets (browserslist in package.json) must be polyfilled (`polyfill`: the core-js module
// that src/compat/polyfills.ts imports), tested before each use in the same function (`guard`: typeof, `in`,
// optional chaining, an if or && on it), or be harmless where missing (`harmless`: why).

/** Syntax, found in the parse tree. */
export const SYNTAX = {
  'class static block': { chrome: 94, firefox: 93, safari: 16.4 },
  'private field brand check (#x in obj)': { chrome: 91, firefox: 90, safari: 15 },
  'top-level await': { chrome: 89, firefox: 89, safari: 15 },
  'RegExp look-behind': { chrome: 62, firefox: 78, safari: 16.4 },
  'RegExp flag d': { chrome: 90, firefox: 88, safari: 15 },
  'RegExp flag v': { chrome: 112, firefox: 116, safari: 17 },
};

/**
 * APIs, found as property names (obj.name, obj['name']) or global names. `on`: the object the name must be read
 * from (for names too common to match alone).
 */
export const APIS = {
  structuredClone: { chrome: 98, firefox: 94, safari: 15.4, polyfill: 'core-js/modules/web.structured-clone.js' },
  hasOwn: { on: 'Object', chrome: 93, firefox: 92, safari: 15.4, polyfill: 'core-js/modules/es.object.has-own.js' },
  at: { call: true, chrome: 92, firefox: 90, safari: 15.4, polyfill: 'core-js/modules/es.array.at.js' },
  throwIfAborted: { chrome: 100, firefox: 97, safari: 15.4, polyfill: './throwIfAborted' },
  // Secure contexts only (https, localhost): never there on a site served over plain http.
  randomUUID: { chrome: 92, firefox: 95, safari: 15.4, secureContext: true },
  subtle: { on: 'crypto', chrome: 37, firefox: 34, safari: 11, secureContext: true },
  serviceWorker: { chrome: 40, firefox: 44, safari: 11.1, secureContext: true },
  persist: { on: 'storage', chrome: 55, firefox: 57, safari: 15.2, secureContext: true },
  caches: { global: true, chrome: 43, firefox: 41, safari: 11.1, secureContext: true },
  findLast: { chrome: 97, firefox: 104, safari: 15.4 },
  findLastIndex: { chrome: 97, firefox: 104, safari: 15.4 },
  toSorted: { chrome: 110, firefox: 115, safari: 16 },
  toReversed: { chrome: 110, firefox: 115, safari: 16 },
  toSpliced: { chrome: 110, firefox: 115, safari: 16 },
  groupBy: { on: 'Object', chrome: 117, firefox: 119, safari: 17.4 },
  withResolvers: { chrome: 119, firefox: 121, safari: 17.4 },
  fromAsync: { chrome: 121, firefox: 115, safari: 16.4 },
  isWellFormed: { chrome: 111, firefox: 119, safari: 16.4 },
  toWellFormed: { chrome: 111, firefox: 119, safari: 16.4 },
  canParse: { on: 'URL', chrome: 120, firefox: 115, safari: 17 },
  timeout: { on: 'AbortSignal', chrome: 103, firefox: 100, safari: 16 },
  any: { on: 'AbortSignal', chrome: 116, firefox: 124, safari: 17.4 },
  Segmenter: { chrome: 87, firefox: 125, safari: 14.1 },
  union: { call: true, chrome: 122, firefox: 127, safari: 17 },
  symmetricDifference: { chrome: 122, firefox: 127, safari: 17 },
  isSubsetOf: { chrome: 122, firefox: 127, safari: 17 },
  requestIdleCallback: { chrome: 47, firefox: 55, safari: null },
  CompressionStream: { chrome: 80, firefox: 113, safari: 16.4 },
  DecompressionStream: { chrome: 80, firefox: 113, safari: 16.4 },
  showSaveFilePicker: { chrome: 86, firefox: null, safari: null },
  queryLocalFonts: { chrome: 103, firefox: null, safari: null },
  userAgentData: { chrome: 90, firefox: null, safari: null },
  checkVisibility: { chrome: 105, firefox: 106, safari: 17.4 },
  showPopover: { chrome: 114, firefox: 125, safari: 17 },
};

/**
 * Uses in libraries that look beyond the targets but are not: each says where it is and why it is fine.
 * Keyed by API name; `context` is a piece of the minified code around the use.
 */
export const HARMLESS = [
  {
    name: 'Segmenter',
    context: 'SUPPORT_NATIVE_TEXT_SEGMENTATION',
    why: 'html2canvas (in jsPDF, for its html() method, which this site never calls) tests Intl.Segmenter once in a feature getter and splits text itself without it',
  },
];

/** CSS: selectors and at-rules drop the whole rule where unknown; properties and values only themselves. */
export const CSS_SELECTORS = {
  ':has(': { chrome: 105, firefox: 121, safari: 15.4 },
  ':is(': { chrome: 88, firefox: 78, safari: 14 },
  ':where(': { chrome: 88, firefox: 78, safari: 14 },
  ':focus-visible': { chrome: 86, firefox: 85, safari: 15.4 },
  '&': { chrome: 112, firefox: 117, safari: 16.5 },
};
export const CSS_AT_RULES = {
  layer: { chrome: 99, firefox: 97, safari: 15.4 },
  container: { chrome: 105, firefox: 110, safari: 16 },
  scope: { chrome: 118, firefox: 128, safari: 17.4 },
  'starting-style': { chrome: 117, firefox: 129, safari: 17.5 },
};
export const CSS_PROPERTIES = {
  inset: { chrome: 87, firefox: 66, safari: 14.1 },
  'aspect-ratio': { chrome: 88, firefox: 89, safari: 15 },
  'accent-color': { chrome: 93, firefox: 92, safari: 15.4, harmless: 'the native colour of checkboxes and radios instead' },
  'text-wrap': { chrome: 114, firefox: 121, safari: 17.4, harmless: 'ordinary line breaking instead of balanced' },
  'scrollbar-gutter': { chrome: 94, firefox: 97, safari: null, harmless: 'no reserved scrollbar space' },
  'content-visibility': { chrome: 85, firefox: 125, safari: 18, harmless: 'everything is rendered' },
  'overscroll-behavior': { chrome: 63, firefox: 59, safari: 16, harmless: 'scroll chaining as usual' },
};
export const CSS_VALUES = {
  'dvh/svh/lvh units': { pattern: /\b\d*\.?\d+(?:dvh|svh|lvh|dvw|svw|lvw)\b/, chrome: 108, firefox: 101, safari: 15.4 },
  'color-mix()': { pattern: /color-mix\(/, chrome: 111, firefox: 113, safari: 16.2 },
  'clip (overflow)': { pattern: /^clip$/, property: /^overflow/, chrome: 90, firefox: 81, safari: 16 },
};
