// Small helpers shared by the parts of tests/bench/page.mjs: statistics, compression, columns.

import { loadavg } from 'node:os';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The value at fraction `p` of the sorted numbers (nearest rank); NaN when there are none. */
export function quantile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
export const median = (values) => quantile(values, 0.5);
export const p95 = (values) => quantile(values, 0.95);

export const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
export const brotli = (bytes) => brotliCompressSync(bytes, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
}).length;

/** A number right-aligned in `width` columns, with `digits` decimals. */
export const num = (n, width = 9, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '-').padStart(width);
export const ms = (n, width = 8) => num(n, width, 1);

/** Prints a section heading. */
export function heading(text) {
  console.log(`\n== ${text} ${'='.repeat(Math.max(3, 96 - text.length))}`);
}

/** Runs `fn`, printing instead of throwing when it fails, so one broken part spoils no other. */
export async function part(name, fn) {
  heading(name);
  const start = Date.now();
  try {
    return await fn();
  } catch (err) {
    console.log(`COULD NOT MEASURE: ${name}: ${err?.stack ?? err}`);
    return undefined;
  } finally {
    console.log(`(${name}: ${((Date.now() - start) / 1000).toFixed(1)} s; load average ${loadavg()[0].toFixed(2)} at its end)`);
  }
}
