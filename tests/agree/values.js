'use strict';
// The raw material of messages: a reproducible PRNG, the tree a message is
// built as, and random strings, keys and numbers (with their JSON text).

// ---- reproducible randomness ----

function makeRng(seed, name) {
  let h = 2166136261;
  for (const ch of `${seed}:${name}`) h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
  let a = h;
  const next = () => { // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (a) => a[Math.floor(next() * a.length)],
    weighted(pairs) {
      let x = next() * pairs.reduce((s, p) => s + p[1], 0);
      for (const [v, w] of pairs) if ((x -= w) < 0) return v;
      return pairs[pairs.length - 1][0];
    },
    shuffle(a) {
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
  };
  return r;
}

// ---- the tree of one message: JSON values with the schema they stand for ----
// Numbers keep their text, strings may hold anything (U+0000, lone surrogates).

const N = {
  obj: (m, d = null) => ({ t: 'obj', m, d }), // m: [{k, v}] in text order, duplicates allowed
  arr: (a, d = null) => ({ t: 'arr', a, d }),
  str: (s, d = null) => ({ t: 'str', s, d }),
  num: (x, d = null) => ({ t: 'num', x, d }),
  bool: (b, d = null) => ({ t: 'bool', b, d }),
  nul: (d = null) => ({ t: 'null', d }),
};

// ---- strings ----

const ASCII = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.:';
const SPECIAL = ['"', '\\', '/', '~', '\n', '\t', '\r', '\b', '\f', '\u0001', '\u001f', '\u007f'];
const BMP = ['é', 'ß', 'Ω', 'ж', '中', '€', '\u00a0', '\u0300', '\u200b', '\u2028', '\u2029', '\ufeff', '\ufffd', '\uffff'];
const ASTRAL = ['😀', '𝄞', '🇫', '\u{10000}', '\u{20000}', '\u{10ffff}'];

function randChar(r) {
  const x = r.next();
  if (x < 0.6) return ASCII[r.int(0, ASCII.length - 1)];
  if (x < 0.72) return r.pick(SPECIAL);
  if (x < 0.88) return r.pick(BMP);
  return r.pick(ASTRAL);
}

// A string of exactly n code points.
function randString(r, n) {
  let s = '';
  for (let i = 0; i < n; i++) s += randChar(r);
  return s;
}

const KEYS = ['extra', 'x-unknown', '', ' ', 'a/b', 'm~n', '~1', 'ünï', '😀', 'TYPE', 'Data', 'constructor',
  '__proto__', 'toString', 'hasOwnProperty', '0', 'null', 'true', 'k"q', 'back\\slash'];

function randKey(r, avoid) {
  for (let i = 0; i < 20; i++) {
    const k = r.chance(0.5) ? r.pick(KEYS) : randString(r, r.int(1, 8));
    if (!avoid.has(k)) return k;
  }
  return `unknown-${r.int(0, 1e9)}`;
}

// A near miss of a string: what a sender gets wrong in an enum, const or key.
function nearMiss(r, s) {
  const cps = [...s];
  const c = [s.toUpperCase(), s.toLowerCase(), `${s} `, ` ${s}`, cps.slice(0, -1).join(''), `${s}x`, '',
    s.replace(/a/, 'а' /* Cyrillic */), s.normalize('NFD') === s ? `${s}\u0301` : s.normalize('NFD'),
    s.charAt(0).toUpperCase() + s.slice(1), s.charAt(0).toLowerCase() + s.slice(1)];
  const d = c.filter((x) => x !== s);
  return d.length ? r.pick(d) : `${s}x`;
}

// ---- numbers ----

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);

function nextUp(x) {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === 0) return Number.MIN_VALUE;
  f64[0] = x;
  u64[0] += x > 0 ? 1n : -1n;
  return f64[0];
}
const nextDown = (x) => -nextUp(-x);

// JSON text of a double; "-0" for negative zero.
function numText(r, x) {
  let t = Object.is(x, -0) ? '-0' : String(x);
  if (r.chance(0.15)) {
    const e = Object.is(x, -0) ? '-0e0' : x.toExponential();
    t = r.pick([e, e.replace('e', 'E'), e.replace('e+', 'e'), t]);
  }
  return t;
}

// JSON text of an integer (a Number within ±2^53 or a BigInt), sometimes in
// another form of the same value: 5.0, 5e0, 50e-1, 0.5E1, -0.
function intText(r, n) {
  const b = BigInt(n);
  const t = b.toString();
  if (!r.chance(0.15)) return t;
  // (50e-1, not 00e-1 for 0: JSON has no leading zeros.)
  const forms = [`${t}.0`, `${t}e0`, `${t}E+0`, b === 0n ? '0e-1' : `${t}0e-1`, `${t}.000`];
  if (b === 0n) forms.push('-0', '-0.0', '0e5', '0.0');
  if (b % 10n === 0n && b !== 0n) forms.push(`${b / 10n}e1`, `${b / 10n}E+1`);
  const neg = b < 0n;
  const digits = (neg ? -b : b).toString();
  forms.push(`${neg ? '-' : ''}0.${digits}e${digits.length}`);
  return r.pick(forms);
}

function intRange(d) {
  let lo = d.format === 'int32' ? -2147483648 : -MAX_SAFE;
  let hi = d.format === 'int32' ? 2147483647 : MAX_SAFE;
  if (d.minimum !== undefined) lo = Math.max(lo, Math.ceil(d.minimum));
  if (d.exclusiveMinimum !== undefined) lo = Math.max(lo, Math.floor(d.exclusiveMinimum) + 1);
  if (d.maximum !== undefined) hi = Math.min(hi, Math.floor(d.maximum));
  if (d.exclusiveMaximum !== undefined) hi = Math.min(hi, Math.ceil(d.exclusiveMaximum) - 1);
  return [lo, hi];
}

function genInteger(r, d) {
  const [lo, hi] = intRange(d);
  const c = [lo, hi, lo + 1, hi - 1, 0, 1, -1, r.int(-1000, 1000), lo + Math.floor(r.next() * (hi - lo))]
    .filter((n) => n >= lo && n <= hi);
  return N.num(intText(r, r.pick(c)), d);
}

function genNumber(r, d) {
  const lo = d.minimum ?? (d.exclusiveMinimum !== undefined ? nextUp(d.exclusiveMinimum) : undefined);
  const hi = d.maximum ?? (d.exclusiveMaximum !== undefined ? nextDown(d.exclusiveMaximum) : undefined);
  let c;
  if (lo === undefined && hi === undefined)
    c = [0, -0, 0.5, -2.5, 0.1, 1e-300, 5e-324, -5e-324, 1.7976931348623157e308, 123.456, 1e21, 2 ** 53,
      2 ** 53 + 2, -(2 ** 63), r.next() * 1e6 - 5e5, r.int(-1000, 1000)];
  else {
    const a = lo ?? hi - 1000;
    const b = hi ?? lo + 1000;
    c = [a, b, (a + b) / 2, a + (b - a) * r.next(), nextUp(a), nextDown(b)];
  }
  return N.num(numText(r, r.pick(c)), d);
}

module.exports = { makeRng, N, ASTRAL, KEYS, randString, randKey, nearMiss, MAX_SAFE, nextUp, nextDown, numText,
  intText, intRange, genInteger, genNumber };
