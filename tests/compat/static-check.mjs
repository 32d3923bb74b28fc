// `npm run test:static`: fails when the built site (dist/, or the folder given) uses JavaScript syntax or APIs, or
// CSS, beyond the supported browsers (browserslist in package.json) without a polyfill, a guard or a reason; when
// the polyfills are not loaded where the application runs; or when a page lacks what makes old browsers behave
// (the renderer meta tags, and on the application's pages the <noscript> and the boot watchdog).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import * as acorn from 'acorn';
import * as walk from 'acorn-walk';
import postcss from 'postcss';
import { oldestVersions } from '../../scripts/targets.mjs';
import { APIS, CSS_AT_RULES, CSS_PROPERTIES, CSS_SELECTORS, CSS_VALUES, HARMLESS, SYNTAX } from './features.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const TARGETS = oldestVersions();
const POLYFILLS = readFileSync(join(ROOT, 'src/compat/polyfills.ts'), 'utf8');
/** core-js's shared store: present in every bundle core-js polyfills. */
const CORE_JS_MARK = '__core-js_shared__';
/** What the running check found (checkDist is not re-entrant). */
let problems = [];

/** The targets that lack a feature, e.g. ['chrome 86 (from 98)'], or [] when all have it. */
function lacking(feature) {
  const out = [];
  for (const [browser, oldest] of Object.entries(TARGETS)) {
    const since = feature[browser === 'ios_saf' ? 'safari' : browser];
    if (since === null || since === undefined || since > oldest) out.push(`${browser} ${oldest} (${since == null ? 'none' : `from ${since}`})`);
  }
  return out;
}

function files(dir, ext) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(ext))
    .map((name) => join(dir, name));
}

function where(file, code, offset) {
  const before = code.slice(0, offset);
  const line = before.split('\n').length;
  const snippet = code.slice(Math.max(0, offset - 40), offset + 40).replace(/\s+/g, ' ');
  return `${relative(ROOT, file)}:${line}:${offset - before.lastIndexOf('\n')} …${snippet}…`;
}

const nameOf = (member) =>
  member.computed ? (member.property.type === 'Literal' && typeof member.property.value === 'string' ? member.property.value : null) : member.property.name;
const objectName = (member) =>
  member.object.type === 'Identifier' ? member.object.name : member.object.type === 'MemberExpression' ? nameOf(member.object) : null;

/** Is `node` (reached through `ancestors`) read as a condition: if/?:/&&/||/?? or !, possibly inside a comparison? */
function inTest(node, ancestors) {
  let child = node;
  for (let i = ancestors.length - 2; i >= 0; i--) {
    const parent = ancestors[i];
    if ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression' || parent.type === 'WhileStatement') && parent.test === child) return true;
    if (parent.type === 'LogicalExpression') {
      if (parent.left === child) return true;
      child = parent;
      continue;
    }
    if (parent.type === 'UnaryExpression' && parent.operator === '!') return true;
    if (parent.type === 'BinaryExpression' || parent.type === 'ChainExpression') {
      child = parent;
      continue;
    }
    return false;
  }
  return false;
}

/** Names tested inside each function (typeof x.F, 'F' in x, x.F?.(), if (x.F), x.F && …). */
function collectGuards(ast) {
  const guards = new Map(); // function node (or the program) → Set of names
  walk.fullAncestor(ast, (node, _state, ancestors) => {
    let name = null;
    if (node.type === 'UnaryExpression' && node.operator === 'typeof') {
      name = node.argument.type === 'Identifier' ? node.argument.name : node.argument.type === 'MemberExpression' ? nameOf(node.argument) : null;
    } else if (node.type === 'BinaryExpression' && node.operator === 'in' && node.left.type === 'Literal') {
      name = String(node.left.value);
    } else if (node.type === 'MemberExpression') {
      const parent = ancestors[ancestors.length - 2];
      if (node.optional || (parent?.type === 'CallExpression' && parent.callee === node && parent.optional) || inTest(node, ancestors)) name = nameOf(node);
    } else if (node.type === 'Identifier' && inTest(node, ancestors)) {
      name = node.name;
    }
    if (!name) return;
    for (const a of ancestors) {
      if (a.type === 'Program' || a.type.includes('Function')) {
        if (!guards.has(a)) guards.set(a, new Set());
        guards.get(a).add(name);
      }
    }
  });
  return guards;
}

/** `secureOnly`: the code runs only in a secure context (the service worker), so secure-context APIs are there. */
function checkScript(file, code, sourceType, secureOnly) {
  let ast;
  try {
    ast = acorn.parse(code, { ecmaVersion: 2022, sourceType, allowHashBang: true });
  } catch (error) {
    problems.push(`${relative(ROOT, file)}: does not parse as ES2022 (${error.message}): syntax newer than every target`);
    return;
  }
  const syntax = (name, node) => {
    const missing = lacking(SYNTAX[name]);
    if (missing.length > 0) problems.push(`${where(file, code, node.start)}: ${name}, which ${missing.join(', ')} cannot parse`);
  };
  const guards = collectGuards(ast);
  const used = new Set();
  const api = (name, node, ancestors) => {
    const feature = APIS[name];
    used.add(name);
    const missing = feature.secureContext && !secureOnly ? ['plain http (secure contexts only)', ...lacking(feature)] : lacking(feature);
    if (missing.length === 0) return;
    if (feature.polyfill && POLYFILLS.includes(`'${feature.polyfill}'`)) return;
    const functions = ancestors.filter((a) => a.type.includes('Function'));
    const scopes = functions.length > 0 ? functions : ancestors.slice(0, 1);
    if (scopes.some((f) => guards.get(f)?.has(name))) return;
    const context = code.slice(Math.max(0, node.start - 60), node.end + 60);
    if (HARMLESS.some((h) => h.name === name && context.includes(h.context))) return;
    problems.push(`${where(file, code, node.start)}: ${name} without polyfill or guard, missing in ${missing.join(', ')}`);
  };
  walk.fullAncestor(ast, (node, _state, ancestors) => {
    switch (node.type) {
      case 'StaticBlock':
        syntax('class static block', node);
        break;
      case 'BinaryExpression':
        if (node.operator === 'in' && node.left.type === 'PrivateIdentifier') syntax('private field brand check (#x in obj)', node);
        break;
      case 'AwaitExpression':
      case 'ForOfStatement':
        if ((node.type === 'AwaitExpression' || node.await) && !ancestors.some((a) => a.type.includes('Function'))) syntax('top-level await', node);
        break;
      case 'Literal':
        if (node.regex) {
          if (/\(\?<[=!]/.test(node.regex.pattern)) syntax('RegExp look-behind', node);
          if (node.regex.flags.includes('d')) syntax('RegExp flag d', node);
          if (node.regex.flags.includes('v')) syntax('RegExp flag v', node);
        } else if (typeof node.value === 'string' && /\(\?<[=!]/.test(node.value)) {
          // A pattern built at run time with new RegExp('(?<=…') fails the same way, but only when it runs.
          syntax('RegExp look-behind', node);
        }
        break;
      case 'MemberExpression': {
        const name = nameOf(node);
        if (!name || !Object.hasOwn(APIS, name)) break;
        const feature = APIS[name];
        if (feature.on && objectName(node) !== feature.on) break;
        const parent = ancestors[ancestors.length - 2];
        if (feature.call && !(parent?.type === 'CallExpression' && parent.callee === node)) break;
        api(name, node, ancestors);
        break;
      }
      case 'Identifier': {
        const name = node.name;
        if (!Object.hasOwn(APIS, name) || APIS[name].on || APIS[name].call || (name.length < 8 && !APIS[name].global)) break;
        const parent = ancestors[ancestors.length - 2];
        const isReference =
          !(parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) &&
          !(parent?.type === 'Property' && parent.key === node) &&
          !(parent?.type === 'MethodDefinition' || parent?.type === 'PropertyDefinition');
        if (isReference) api(name, node, ancestors);
        break;
      }
    }
  });
  return used;
}

function checkCss(file, code) {
  const root = postcss.parse(code, { from: file });
  const inSupports = (node) => {
    for (let p = node.parent; p; p = p.parent) if (p.type === 'atrule' && p.name === 'supports') return true;
    return false;
  };
  root.walkRules((rule) => {
    if (rule.parent?.type === 'rule') {
      const missing = lacking(CSS_SELECTORS['&']);
      if (missing.length > 0) problems.push(`${relative(ROOT, file)}: nested rule “${rule.selector}”, which ${missing.join(', ')} drop`);
    }
    for (const [selector, feature] of Object.entries(CSS_SELECTORS)) {
      if (selector === '&' || !rule.selector.includes(selector)) continue;
      const missing = lacking(feature);
      if (missing.length > 0 && !inSupports(rule)) problems.push(`${relative(ROOT, file)}: “${rule.selector}” uses ${selector}, so ${missing.join(', ')} drop the whole rule`);
    }
  });
  root.walkAtRules((at) => {
    const feature = CSS_AT_RULES[at.name];
    const missing = feature ? lacking(feature) : [];
    if (missing.length > 0) problems.push(`${relative(ROOT, file)}: @${at.name}, which ${missing.join(', ')} ignore`);
  });
  root.walkDecls((decl) => {
    const property = CSS_PROPERTIES[decl.prop];
    if (property && !property.harmless && !inSupports(decl)) {
      const missing = lacking(property);
      // A fallback before it in the same rule (e.g. top/left before inset) keeps the layout.
      if (missing.length > 0) problems.push(`${relative(ROOT, file)}: ${decl.prop} in “${decl.parent.selector ?? ''}”, ignored by ${missing.join(', ')}`);
    }
    for (const [name, value] of Object.entries(CSS_VALUES)) {
      if (!value.pattern.test(decl.value) || (value.property && !value.property.test(decl.prop)) || inSupports(decl)) continue;
      const missing = lacking(value);
      const fallback = decl.parent.nodes.some((d) => d !== decl && d.type === 'decl' && d.prop === decl.prop && !value.pattern.test(d.value));
      if (missing.length > 0 && !fallback) problems.push(`${relative(ROOT, file)}: ${decl.prop}: ${decl.value} (${name}) without a fallback, ignored by ${missing.join(', ')}`);
    }
  });
}

/** The static imports of a built module, as files in dist/. */
function importsOf(file) {
  const code = readFileSync(file, 'utf8');
  const ast = acorn.parse(code, { ecmaVersion: 2022, sourceType: 'module' });
  return ast.body
    .filter((n) => (n.type === 'ImportDeclaration' || n.type === 'ExportAllDeclaration' || n.type === 'ExportNamedDeclaration') && n.source)
    .map((n) => join(file, '..', n.source.value));
}

function staticGraph(entry) {
  const seen = new Set();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    queue.push(...importsOf(file));
  }
  return seen;
}

/**
 * The problems of the built site in `dist`; `requireUses` also reports polyfills the built code never needs
 * (off for the small made-up sites of the unit test).
 */
export function checkDist(dist, { requireUses = true } = {}) {
  problems = [];

  const used = new Set();
  for (const file of files(dist, '.js')) {
    const code = readFileSync(file, 'utf8');
    // Classic scripts: the service worker (workbox) and the boot watchdog, which must run even in IE.
    const classic = file.endsWith('/sw.js') || file.includes('/compat/') || file.includes('/workbox-');
      const names = checkScript(file, code, classic ? 'script' : 'module', file.endsWith('/sw.js') || file.includes('/workbox-')) ?? [];
    if (!file.endsWith('/compat/polyfills.js')) for (const name of names) used.add(name);
    if (/\/compat\/(?:boot-watchdog|load-polyfills)\.js$/.test(file)) {
      try {
        acorn.parse(code, { ecmaVersion: 5, sourceType: 'script' });
      } catch (error) {
        problems.push(`${relative(ROOT, file)}: not ES5 (${error.message}), so IE 兼容模式 could not run it`);
      }
    }
  }
  for (const file of files(dist, '.css')) checkCss(file, readFileSync(file, 'utf8'));

  // Every polyfill has a use in the built code (else it is dead weight), and the polyfills load in every worker and,
  // where needed, on every page with islands.
  for (const [name, feature] of Object.entries(APIS)) {
    if (requireUses && feature.polyfill && POLYFILLS.includes(`'${feature.polyfill}'`) && !used.has(name)) {
      problems.push(`src/compat/polyfills.ts loads ${feature.polyfill}, but the built code never uses ${name}: remove it`);
    }
  }
  const polyfilled = (file) => [...staticGraph(file)].some((f) => readFileSync(f, 'utf8').includes(CORE_JS_MARK));
  for (const worker of files(join(dist, '_astro'), '.js').filter((f) => /\.worker-[^/]+\.js$/.test(f))) {
    if (!polyfilled(worker)) problems.push(`${relative(ROOT, worker)}: a worker without the polyfills (import '../compat/polyfills' first)`);
  }
  let appPages = 0;
  for (const html of files(dist, '.html')) {
    const text = readFileSync(html, 'utf8');
    const page = relative(dist, html);
    for (const meta of ['<meta name="renderer" content="webkit">', '<meta name="force-rendering" content="webkit">']) {
      if (!text.includes(meta)) problems.push(`${page}: lacks ${meta}`);
    }
    if (!text.includes('<astro-island')) continue;
    if (!text.includes('id="boot-failed"') || !/<noscript>[\s\S]*?class="boot-failed"/.test(text) || !text.includes('compat/boot-watchdog.js')) {
      problems.push(`${page}: runs the application but lacks the <noscript>, #boot-failed or the boot watchdog (Base.astro app)`);
    }
    // The polyfills load before the first island, where a feature they fill is missing.
    appPages += 1;
    const loader = text.search(/<script[^>]*compat\/load-polyfills\.js/);
    if (loader < 0 || loader > text.indexOf('<astro-island')) problems.push(`${page}: runs the application but does not load compat/load-polyfills.js before its islands (Base.astro app)`);
  }
  const bundle = join(dist, 'compat/polyfills.js');
  const loader = join(dist, 'compat/load-polyfills.js');
  if (appPages > 0 && (!existsSync(bundle) || !readFileSync(bundle, 'utf8').includes(CORE_JS_MARK))) problems.push('compat/polyfills.js is missing or holds no core-js (scripts/build-polyfills.mjs)');
  if (existsSync(loader)) {
    const tests = readFileSync(loader, 'utf8');
    for (const [name, feature] of Object.entries(APIS)) {
      if (feature.polyfill && POLYFILLS.includes(`'${feature.polyfill}'`) && !tests.includes(name)) problems.push(`compat/load-polyfills.js does not test for ${name}, which src/compat/polyfills.ts fills`);
    }
  }
  return problems;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const dist = resolve(ROOT, process.argv[2] ?? 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`${relative(ROOT, dist)}/index.html not found: build the site first (npm run build).`);
    process.exit(1);
  }
  const found = checkDist(dist);
  if (found.length > 0) {
    console.error(`static compat check of ${relative(ROOT, dist)}/ against ${JSON.stringify(TARGETS)}: ${found.length} problem(s)\n${found.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`static compat check of ${relative(ROOT, dist)}/: syntax, APIs and CSS within ${JSON.stringify(TARGETS)}; polyfills in every worker and loaded where needed on every application page; renderer meta on every page`);
}
