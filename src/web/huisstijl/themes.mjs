// A municipality's look (`huisstijl=<name>`), made at build time from its NL Design System
// token package on npm.
//
// NL Design System themes publish their design tokens as CSS custom properties with shared
// names (`--utrecht-document-color`, `--utrecht-link-color`, `--utrecht-focus-outline-color`,
// ...), set on a theme class or on :root, most of them referring to the municipality's own
// base tokens (`var(--utrecht-color-blue-35)`). style/main.css reads the shared names, with our
// own values as fallbacks. A package's stylesheet holds thousands of tokens (130 to 210 KB);
// this module keeps only the tokens main.css reads, each resolved to its final value, in a
// stylesheet of about half a kilobyte that the page loads only when the URL asks for it.
//
// To add a municipality: add its token package to package.json here (npm install, commit the
// lock file), and an entry to THEMES with the stylesheet in the package and its theme class.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The shipped themes: URL name, token package, its stylesheet, the selector its tokens are set on. */
export const THEMES = [
  { name: 'denhaag', label: 'Gemeente Den Haag', package: '@gemeente-denhaag/design-tokens-components', css: 'dist/index.css', selector: ':root' },
  { name: 'rotterdam', label: 'Gemeente Rotterdam', package: '@nl-design-system-unstable/rotterdam-design-tokens', css: 'dist/design-tokens.css', selector: '.rotterdam-theme' },
  { name: 'utrecht', label: 'Gemeente Utrecht', package: '@utrecht/design-tokens', css: 'dist/index.css', selector: '.utrecht-theme' },
];

/** The NL Design System tokens style/main.css reads (keep the two lists equal: a test checks). */
export const TOKENS = [
  'utrecht-document-color',
  'utrecht-document-background-color',
  'utrecht-document-font-family',
  'utrecht-document-font-size',
  'utrecht-document-line-height',
  'utrecht-link-color',
  'utrecht-link-visited-color',
  'utrecht-button-primary-action-background-color',
  'utrecht-button-primary-action-color',
  'utrecht-form-control-border-color',
  'utrecht-focus-outline-color',
  'utrecht-focus-outline-width',
  'utrecht-focus-outline-offset',
  'utrecht-focus-inverse-outline-color',
  'utrecht-space-block-2xs',
  'utrecht-space-block-xs',
  'utrecht-space-block-sm',
  'utrecht-space-block-md',
  'utrecht-space-block-xl',
  'utrecht-space-block-3xl',
  'utrecht-border-radius-md',
];

const require = createRequire(import.meta.url);

/** Every custom property set by a top-level rule on `selector` (media queries left out). */
export function declarations(css, selector) {
  const tokens = new Map();
  // Drop comments, then walk the rules at depth 0 only: tokens inside @media are variants
  // (larger headings on wide screens, a dark scheme) that the app does not follow.
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      if (depth === 0) {
        const prelude = text.slice(start, i).trim();
        const end = matching(text, i);
        const selectors = prelude.split(',').map((s) => s.trim());
        if (!prelude.startsWith('@') && selectors.includes(selector)) {
          for (const m of text.slice(i + 1, end).matchAll(/--([A-Za-z0-9_-]+)\s*:\s*([^;]*);/g)) tokens.set(m[1], m[2].trim());
        }
        i = end;
        start = end + 1;
        continue;
      }
      depth++;
    } else if (c === ';' && depth === 0) {
      start = i + 1; // @import and the like
    }
  }
  return tokens;
}

function matching(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error('huisstijl: unbalanced braces in a token stylesheet');
}

/** `value` with every var() replaced by what it refers to, or null where a name is unknown. */
export function resolve(value, tokens, seen = new Set()) {
  let out = '';
  let i = 0;
  while (i < value.length) {
    const at = value.indexOf('var(', i);
    if (at < 0) { out += value.slice(i); break; }
    out += value.slice(i, at);
    let depth = 0;
    let end = at + 3;
    for (; end < value.length; end++) {
      if (value[end] === '(') depth++;
      else if (value[end] === ')' && --depth === 0) break;
    }
    const inner = value.slice(at + 4, end);
    const comma = inner.indexOf(',');
    const name = (comma < 0 ? inner : inner.slice(0, comma)).trim().replace(/^--/, '');
    const fallback = comma < 0 ? null : inner.slice(comma + 1).trim();
    let replaced = null;
    if (tokens.has(name) && !seen.has(name)) {
      replaced = resolve(tokens.get(name), tokens, new Set([...seen, name]));
    }
    if (replaced === null && fallback !== null) replaced = resolve(fallback, tokens, seen);
    if (replaced === null) return null;
    out += replaced;
    i = end + 1;
  }
  return out.trim();
}

/** Safe to write into a stylesheet: no braces, semicolons, url() or comments. */
function plain(value) {
  return !/[{};<>]|url\(|\/\*|\\/i.test(value);
}

/** The stylesheet of one theme: `:root` with the tokens main.css reads that the package sets. */
export function themeStylesheet(theme) {
  const pkgPath = require.resolve(`${theme.package}/package.json`);
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const css = readFileSync(join(dirname(pkgPath), theme.css), 'utf8');
  const tokens = declarations(css, theme.selector);
  if (tokens.size === 0) throw new Error(`huisstijl ${theme.name}: no tokens on ${theme.selector} in ${theme.package}/${theme.css}`);
  const lines = [];
  for (const name of TOKENS) {
    if (!tokens.has(name)) continue;
    const value = resolve(tokens.get(name), tokens);
    if (value === null || !plain(value)) continue;
    lines.push(`--${name}:${value}`);
  }
  if (lines.length < 5) throw new Error(`huisstijl ${theme.name}: only ${lines.length} of the tokens the app reads found in ${theme.package}`);
  // A municipal look is a light look: the reader's dark setting would mix its colours with ours.
  const head = `/* huisstijl=${theme.name}: ${theme.label}, tokens from ${pkg.name} ${pkg.version} (${pkg.license ?? 'see its LICENSE'}) */\n`;
  return { css: `${head}:root{color-scheme:light;${lines.join(';')}}\n`, count: lines.length, version: pkg.version };
}
