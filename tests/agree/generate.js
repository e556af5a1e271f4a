'use strict';
// Generates messages for every message type of a generated library and asks
// ajv (the reference validator) about each one.
//
//   node generate.js --schemas DIR --types TYPES.jsonl --count N --seed S
//                    --messages OUT --verdicts OUT
//
// TYPES.jsonl is the library's registry as agree_decode --list prints it:
// one {"name", "schema_file", "schema_pointer"} per line. Every type with a
// standalone schema (schema_pointer not null) gets N messages, made with a
// PRNG seeded from S and the type's name, so a run is reproducible: about a
// third are built to match the schema, the rest are mutated by one to three
// of the mutations below (deleting, retyping, nulling and renaming members,
// out-of-range values, unknown keys, wrong enum and const values, number
// forms, duplicate keys, \u0000, unpaired surrogates, deep nesting, big
// messages and broken JSON text).
//
// MESSAGES: for each message a header line "<type> <byte length>\n", then the
// text and "\n". VERDICTS: one JSON line per message, in the same order:
// {"type", "kinds": [mutations], "valid": ajv's verdict, "errors": ajv's,
// "notJson": true when JSON.parse refused the text}.

const fs = require('fs');
const { SchemaSet } = require('./schemaset');

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

function codePoints(s) {
  return [...s].length;
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
  const forms = [`${t}.0`, `${t}e0`, `${t}E+0`, `${t}0e-1`, `${t}.000`];
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

// ---- valid values ----

class Generator {
  constructor(set, r) {
    this.set = set;
    this.r = r;
  }

  desc(ctxs) {
    return this.set.describe(ctxs);
  }

  gen(d) {
    const r = this.r;
    switch (d.kind) {
      case 'record': {
        const m = [];
        for (const p of d.props)
          if (p.required || r.chance(0.6)) m.push({ k: p.name, v: this.gen(this.desc(p.ctxs)) });
        if (!d.strict && r.chance(d.extras ? 0.4 : 0.2)) {
          const avoid = new Set(d.props.map((p) => p.name));
          for (let i = r.int(1, 2); i > 0; i--) {
            const k = randKey(r, avoid);
            avoid.add(k);
            m.push({ k, v: d.extras ? this.gen(this.desc(d.extras)) : this.arbitrary(2) });
          }
        }
        if (r.chance(0.25)) r.shuffle(m);
        return N.obj(m, d);
      }
      case 'map': {
        const m = [];
        const avoid = new Set();
        for (let i = r.pick([0, 1, 1, 2, 3, 5]); i > 0; i--) {
          const k = r.chance(0.2) ? r.pick(KEYS) : randString(r, r.int(0, 6));
          if (avoid.has(k)) continue;
          avoid.add(k);
          m.push({ k, v: this.gen(this.desc(d.value)) });
        }
        return N.obj(m, d);
      }
      case 'array': {
        const lo = d.minItems ?? 0;
        const hi = Math.min(d.maxItems ?? lo + 5, lo + 6);
        const n = r.pick([lo, hi, r.int(lo, hi), r.int(lo, hi)]);
        const a = [];
        for (let i = 0; i < n; i++) a.push(this.gen(this.desc(d.items)));
        return N.arr(a, d);
      }
      case 'string': {
        if (d.const !== undefined) return N.str(d.const, d);
        if (d.enum) return N.str(r.pick(d.enum), d);
        const lo = d.minLength ?? 0;
        const hi = d.maxLength ?? lo + r.pick([3, 8, 8, 40]);
        return N.str(randString(r, r.pick([lo, hi, r.int(lo, hi), r.int(lo, hi)])), d);
      }
      case 'integer':
        return genInteger(r, d);
      case 'number':
        return genNumber(r, d);
      case 'boolean':
        return N.bool(r.chance(0.5), d);
      case 'any':
        return this.arbitrary(r.int(0, 3));
      case 'oneOf': // a value of one alternative, which the mutations then see
        return this.gen(this.desc([r.pick(d.alternatives)]));
      default:
        throw new Error(`unknown kind ${d.kind}`);
    }
  }

  // Any JSON value, of nesting at most depth.
  arbitrary(depth, not = null) {
    const r = this.r;
    for (;;) {
      const t = r.pick(depth > 0 ? ['str', 'num', 'int', 'bool', 'null', 'obj', 'arr'] : ['str', 'num', 'int', 'bool', 'null']);
      if (t === not || (t === 'int' && not === 'num')) continue;
      switch (t) {
        case 'str': return N.str(randString(r, r.int(0, 6)));
        case 'num': return N.num(numText(r, r.pick([0.5, -1.25, 1e-7, 3.14159, 1e300])));
        case 'int': return N.num(intText(r, r.int(-100000, 100000)));
        case 'bool': return N.bool(r.chance(0.5));
        case 'null': return N.nul();
        case 'obj': {
          const m = [];
          const avoid = new Set();
          for (let i = r.int(0, 3); i > 0; i--) {
            const k = randKey(r, avoid);
            avoid.add(k);
            m.push({ k, v: this.arbitrary(depth - 1) });
          }
          return N.obj(m);
        }
        case 'arr': {
          const a = [];
          for (let i = r.int(0, 3); i > 0; i--) a.push(this.arbitrary(depth - 1));
          return N.arr(a);
        }
      }
    }
  }
}

// ---- mutations ----

// Every value of the tree: its node, JSON Pointer, how many arrays and
// objects enclose it, and where it sits in its parent.
function sites(node, out = [], ptr = '', depth = 0, parent = null, slot = -1) {
  out.push({ node, ptr, depth, parent, slot });
  if (node.t === 'obj') node.m.forEach((e, i) => sites(e.v, out, `${ptr}/${e.k}`, depth + 1, node, i));
  if (node.t === 'arr') node.a.forEach((v, i) => sites(v, out, `${ptr}/${i}`, depth + 1, node, i));
  return out;
}

function put(site, node, root) {
  if (!site.parent) return node;
  if (site.parent.t === 'obj') site.parent.m[site.slot].v = node;
  else site.parent.a[site.slot] = node;
  return root;
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

// Values just outside what d allows, as nodes.
function outOfRange(r, g, d) {
  switch (d.kind) {
    case 'integer': {
      const c = [];
      const add = (b) => c.push(N.num(b.toString(), d));
      if (d.minimum !== undefined) add(BigInt(Math.ceil(d.minimum)) - 1n);
      if (d.exclusiveMinimum !== undefined) add(BigInt(Math.floor(d.exclusiveMinimum)));
      if (d.maximum !== undefined) add(BigInt(Math.floor(d.maximum)) + 1n);
      if (d.exclusiveMaximum !== undefined) add(BigInt(Math.ceil(d.exclusiveMaximum)));
      if (d.format === 'int32') for (const b of [2147483648n, -2147483649n, 4294967296n, -4294967296n]) add(b);
      for (const t of ['9007199254740991', '-9007199254740991', '9007199254740992', '-9007199254740993',
        '9223372036854775807', '-9223372036854775808', '9223372036854775808', '18446744073709551616',
        '1e19', '-1e300', '1e400', '123456789012345678901234567890123456789012345678901234567890123456789'])
        c.push(N.num(t, d));
      return r.pick(c);
    }
    case 'number': {
      const c = ['1e400', '-1e400', '2e308', '1e-400', '-1e-400', '4e-324', '2.4703282292062328e-324'];
      if (d.minimum !== undefined) c.push(numText(r, nextDown(d.minimum)), numText(r, d.minimum - 1));
      if (d.exclusiveMinimum !== undefined) c.push(numText(r, d.exclusiveMinimum));
      if (d.maximum !== undefined) c.push(numText(r, nextUp(d.maximum)), numText(r, d.maximum + 1));
      if (d.exclusiveMaximum !== undefined) c.push(numText(r, d.exclusiveMaximum), numText(r, nextUp(d.exclusiveMaximum)));
      return N.num(r.pick(c), d);
    }
    case 'string': {
      if (d.enum || d.const !== undefined) return N.str(nearMiss(r, d.const ?? r.pick(d.enum)), d);
      const c = [];
      if (d.minLength) c.push(d.minLength - 1);
      if (d.maxLength !== undefined) c.push(d.maxLength + 1, d.maxLength + r.int(2, 5));
      if (!c.length) return null;
      const n = r.pick(c);
      // Often made of astral characters, so UTF-16 units and code points differ.
      let s = r.chance(0.4) ? [...Array(n)].map(() => r.pick(ASTRAL)).join('') : randString(r, n);
      if (d.maxLength !== undefined && r.chance(0.3)) // at the limit in code points, over it in UTF-16
        s = [...Array(d.maxLength)].map(() => r.pick(ASTRAL)).join('');
      return N.str(s, d);
    }
    case 'array': {
      const c = [];
      if (d.minItems) c.push(d.minItems - 1);
      if (d.maxItems !== undefined) c.push(d.maxItems + 1);
      if (!c.length) return null;
      const n = r.pick(c);
      const a = [];
      for (let i = 0; i < n; i++) a.push(g.gen(g.desc(d.items)));
      return N.arr(a, d);
    }
    default:
      return null;
  }
}

function deepValue(levels, r) {
  const open = r.chance(0.5) ? '[' : '{"d":';
  let v = r.chance(0.5) ? '0' : '[]';
  if (v === '[]') levels--;
  let s = '';
  for (let i = 0; i < levels; i++) s += r.chance(0.5) ? '[' : open;
  let t = s + v;
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i] === '[') t += ']';
    else if (s[i] === ':') t += '}';
  }
  return { t: 'raw', text: t };
}

const BOUNDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'format', 'minLength', 'maxLength',
  'minItems', 'maxItems', 'enum', 'const'];

const MUTATIONS = {
  delete(r, g, root, all) {
    const objs = all.filter((s) => s.node.t === 'obj' && s.node.m.length);
    if (!objs.length) return null;
    const o = r.pick(objs).node;
    let i = r.int(0, o.m.length - 1);
    if (o.d && o.d.kind === 'record' && r.chance(0.6)) {
      const req = o.m.map((e, j) => [e, j]).filter(([e]) => o.d.props.some((p) => p.required && p.name === e.k));
      if (req.length) i = r.pick(req)[1];
    }
    o.m.splice(i, 1);
    return root;
  },
  retype(r, g, root, all) {
    const s = r.pick(all);
    return put(s, g.arbitrary(r.int(0, 2), s.node.t), root);
  },
  null(r, g, root, all) {
    return put(r.pick(all), N.nul(), root);
  },
  rename(r, g, root, all) {
    const objs = all.filter((s) => s.node.t === 'obj' && s.node.m.length);
    if (!objs.length) return null;
    const o = r.pick(objs).node;
    const e = r.pick(o.m);
    e.k = r.chance(0.8) ? nearMiss(r, e.k) : randKey(r, new Set());
    return root;
  },
  range(r, g, root, all) {
    let c = all.filter((s) => s.node.d && ['integer', 'number', 'string', 'array'].includes(s.node.d.kind));
    const bounded = c.filter((s) => BOUNDS.some((k) => s.node.d[k] !== undefined));
    if (bounded.length && r.chance(0.7)) c = bounded;
    for (let tries = 0; tries < 5 && c.length; tries++) {
      const s = r.pick(c);
      const v = outOfRange(r, g, s.node.d);
      if (v) return put(s, v, root);
    }
    return null;
  },
  extra(r, g, root, all) {
    const objs = all.filter((s) => s.node.t === 'obj');
    if (!objs.length) return null;
    const o = r.pick(objs).node;
    const k = randKey(r, new Set(o.m.map((e) => e.k)));
    o.m.splice(r.int(0, o.m.length), 0, { k, v: g.arbitrary(2) });
    return root;
  },
  enum(r, g, root, all) {
    const c = all.filter((s) => s.node.t === 'str' && s.node.d && (s.node.d.enum || s.node.d.const !== undefined));
    if (!c.length) return null;
    const s = r.pick(c);
    const d = s.node.d;
    const other = r.chance(0.2) ? (d.enum ? 'AgentDesktopMessage' : 'red') : nearMiss(r, s.node.s);
    return put(s, N.str(other, d), root);
  },
  number(r, g, root, all) {
    const c = all.filter((s) => s.node.t === 'num');
    if (!c.length) return null;
    const s = r.pick(c);
    const forms = ['1.5', '-0.5', '1.0000000000000001', '0.99999999999999999', '4.9999999999999999',
      '9007199254740993.5', '1e-400', '-1e-400', '1E400', '1e2', '1E-2', '100e-2', '-0', '0.000001e6',
      '0.1000000000000000055511151231257827021181583404541015625',
      `1${'0'.repeat(70)}`, `0.${'0'.repeat(70)}1`, `-1${'0'.repeat(20)}e-20`, `${s.node.x}0e-1`,
      // Exponents far beyond any double, and long spellings of small values.
      '1e999999999999', '-1e-999999999999', '0e99999999999', '0.000e-99999999999', '-1E+2147483648',
      '1e2147483647', '123e-2147483649', '5e-324', '2e-324', '-2.5e-324', '1.7976931348623158e308',
      `1${'0'.repeat(400)}e-400`, `0.${'0'.repeat(399)}1e401`, `9007199254740991.${'0'.repeat(30)}1`,
      `4${'0'.repeat(500)}`, `-${'9'.repeat(30)}e-30`];
    return put(s, N.num(r.pick(forms), s.node.d), root);
  },
  dup(r, g, root, all) {
    const objs = all.filter((s) => s.node.t === 'obj' && s.node.m.length);
    if (!objs.length) return null;
    const o = r.pick(objs).node;
    const i = r.int(0, o.m.length - 1);
    const e = o.m[i];
    let v = e.v;
    if (r.chance(0.5)) v = e.v.d ? g.gen(e.v.d) : g.arbitrary(1);
    if (r.chance(0.3)) v = g.arbitrary(1);
    o.m.splice(r.int(i + 1, o.m.length), 0, { k: e.k, v });
    return root;
  },
  nul(r, g, root, all) {
    const c = all.filter((s) => s.node.t === 'str' || (s.node.t === 'obj' && s.node.m.length));
    if (!c.length) return null;
    const n = r.pick(c).node;
    const ins = (s) => { const cps = [...s]; cps.splice(r.int(0, cps.length), 0, '\u0000'); return cps.join(''); };
    if (n.t === 'str') n.s = ins(n.s);
    else { const e = r.pick(n.m); e.k = ins(e.k); }
    return root;
  },
  surrogate(r, g, root, all) {
    const c = all.filter((s) => s.node.t === 'str');
    if (!c.length) return null;
    const n = r.pick(c).node;
    const cps = [...n.s];
    cps.splice(r.int(0, cps.length), 0, r.pick(['\ud800', '\udbff', '\udc00', '\udfff', '\udc00\ud800']));
    n.s = cps.join('');
    return root;
  },
  deep(r, g, root, all) {
    const objs = all.filter((s) => s.node.t === 'obj');
    if (!objs.length) return null;
    const s = r.pick(objs);
    // Total nesting (the root object is level 1): at the limit, just over it, or far over.
    const total = r.pick([512, 512, 513, 513, 600]);
    const levels = total - (s.depth + 1);
    if (levels < 1) return null;
    s.node.m.push({ k: randKey(r, new Set(s.node.m.map((e) => e.k))), v: deepValue(levels, r) });
    return root;
  },
  // Big messages: a long string, a long array, an object with many members
  // (unknown ones, perhaps one key twice far apart).
  bulk(r, g, root, all) {
    const s = r.pick(all);
    const n = r.pick([1000, 5000, 20000]);
    if (s.node.t === 'str') s.node.s = randString(r, n * 5);
    else if (s.node.t === 'arr') {
      const one = s.node.d ? () => g.gen(g.desc(s.node.d.items)) : () => g.arbitrary(0);
      for (let i = 0; i < n; i++) s.node.a.push(one());
    } else if (s.node.t === 'obj') {
      const keys = new Set(s.node.m.map((e) => e.k));
      for (let i = 0; i < n; i++) {
        const k = `${randString(r, 3)}${i}`;
        if (!keys.has(k)) { keys.add(k); s.node.m.push({ k, v: g.arbitrary(0) }); }
      }
      if (r.chance(0.3)) s.node.m.push({ k: s.node.m[r.int(0, s.node.m.length - 1)].k, v: g.arbitrary(0) });
    } else return null;
    return root;
  },
};

const WEIGHTS = [['delete', 10], ['retype', 12], ['null', 8], ['rename', 8], ['range', 16], ['extra', 8],
  ['enum', 6], ['number', 8], ['dup', 4], ['nul', 4], ['surrogate', 2], ['deep', 2], ['text', 6], ['bulk', 1]];

// ---- text ----

function hex4(r, cu, upper) {
  const h = cu.toString(16).padStart(4, '0');
  return `\\u${upper ? h.toUpperCase() : h}`;
}

function strText(r, s, ws) {
  const escapeAll = r.chance(ws.escapeRate);
  const upper = r.chance(0.5);
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0);
    const short = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' }[ch];
    if (short && (ch === '"' || ch === '\\' || r.chance(0.8))) out += short;
    else if (cp < 0x20 || (cp >= 0xd800 && cp <= 0xdfff)) out += hex4(r, cp, upper);
    else if (ch === '/' && r.chance(0.3)) out += '\\/';
    else if (escapeAll && (cp >= 0x80 || r.chance(0.2))) {
      for (let i = 0; i < ch.length; i++) out += hex4(r, ch.charCodeAt(i), upper);
    } else out += ch;
  }
  return `${out}"`;
}

function text(r, node, ws) {
  const w = () => (r.chance(ws.rate) ? r.pick([' ', '\n', '\t', '\r\n', '  ']) : '');
  switch (node.t) {
    case 'obj':
      return `{${w()}${node.m.map((e) => `${strText(r, e.k, ws)}${w()}:${w()}${text(r, e.v, ws)}`).join(`${w()},${w()}`)}${w()}}`;
    case 'arr':
      return `[${w()}${node.a.map((v) => text(r, v, ws)).join(`${w()},${w()}`)}${w()}]`;
    case 'str': return strText(r, node.s, ws);
    case 'num': return node.x;
    case 'bool': return node.b ? 'true' : 'false';
    case 'null': return 'null';
    case 'raw': return node.text;
    default: throw new Error(`unknown node ${node.t}`);
  }
}

// Damage to the text itself: it is (almost always) no longer JSON.
function breakText(r, t) {
  const cps = [...t];
  const at = r.int(0, cps.length);
  const junk = ['', '{', '}', '[', ']', ',', ':', '"', '\\', ' ', '0', '-', '+', '.', 'e', 'x', '\u0000', '\u0001',
    '\u000b', '\u000c', '\u00a0', '\ufeff', 'NaN', 'Infinity', '-Infinity', '01', '1.', '.5', '0x10', 'tru', 'nul',
    "'a'", '\\x41', '"\\u12"', '"\\U0041"', '"\\a"', '/* c */', '{} {}', ',]'];
  switch (r.int(0, 3)) {
    case 0: return cps.slice(0, at).join(''); // truncated
    case 1: cps.splice(at, 1); return cps.join('');
    case 2: cps.splice(at, 0, r.pick(junk)); return cps.join('');
    default: return `${t}${r.pick([' x', ',', ' {}', '\u0000', ' ', '\n'])}`;
  }
}

// ---- the reference verdict ----

function reference(validate, t) {
  let value;
  try {
    // RFC 8259 section 8.1 lets a parser ignore a leading byte order mark, as
    // our decoders do; JSON.parse does not, so it is dropped here.
    value = JSON.parse(t.startsWith('\ufeff') ? t.slice(1) : t);
  } catch (e) {
    return { valid: false, notJson: true, errors: [{ message: `JSON.parse: ${e.message}` }] };
  }
  const valid = validate(value);
  return valid ? { valid: true } : { valid: false, errors: validate.errors.slice(0, 5) };
}

// ---- main ----

function parseArgs(argv) {
  const a = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || i + 1 >= argv.length) throw new Error(`usage: see the top of ${__filename}`);
    a[argv[i].slice(2)] = argv[i + 1];
  }
  for (const k of ['schemas', 'types', 'count', 'seed', 'messages', 'verdicts'])
    if (a[k] === undefined) throw new Error(`missing --${k}`);
  return a;
}

function main() {
  const a = parseArgs(process.argv.slice(2));
  const set = new SchemaSet(a.schemas);
  const count = Number(a.count);
  const types = fs.readFileSync(a.types, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
    .filter((t) => t.schema_pointer !== null);
  if (!types.length) throw new Error(`${a.types}: no message type has a standalone schema`);
  const msgs = fs.openSync(a.messages, 'w');
  const verdicts = fs.openSync(a.verdicts, 'w');
  for (const type of types) {
    const file = set.fileFor(type.schema_file);
    const validate = set.validator(file, type.schema_pointer);
    const r = makeRng(a.seed, type.name);
    const g = new Generator(set, r);
    const d = set.describe([set.ctx(file, type.schema_pointer)]);
    const out = [];
    const vout = [];
    let accepted = 0;
    for (let i = 0; i < count; i++) {
      let root = g.gen(d);
      const kinds = [];
      let broken = false;
      if (i % 3 !== 0) {
        for (let n = r.weighted([[1, 7], [2, 2], [3, 1]]); n > 0; n--) {
          const kind = r.weighted(WEIGHTS);
          if (kind === 'text') { broken = true; kinds.push(kind); continue; }
          const next = MUTATIONS[kind](r, g, root, sites(root));
          if (next) { root = next; kinds.push(kind); }
        }
      }
      const ws = r.chance(0.2) ? { rate: 0.3, escapeRate: 0.3 } : { rate: 0, escapeRate: 0.05 };
      let t = text(r, root, ws);
      if (broken) t = breakText(r, t);
      const v = reference(validate, t);
      if (v.valid) accepted++;
      out.push(`${type.name} ${Buffer.byteLength(t)}\n${t}\n`);
      vout.push(`${JSON.stringify({ type: type.name, kinds, ...v })}\n`);
    }
    fs.writeSync(msgs, out.join(''));
    fs.writeSync(verdicts, vout.join(''));
    console.log(`${type.name}: ${count} messages (${file}#${type.schema_pointer}), ajv accepts ${accepted}`);
  }
  fs.closeSync(msgs);
  fs.closeSync(verdicts);
}

main();
