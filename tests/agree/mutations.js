'use strict';
// Mutations: changes to a valid message tree, each a way a sender gets a
// message wrong (or right in an unusual way). Each takes a context c = {r, g,
// set, root, rootD, all} and returns null (nothing to change) or
// { root, local, touched }: local is the verdict on the change where it
// happened (verdict.js: true, false, undefined), touched the paths it made
// new with the state each has now ({absent}, {value}, or null when that is
// not one value), from which oneof.js works out the verdict on the message.

const { N, ASTRAL, randString, randKey, nearMiss, intText, numText, nextUp, nextDown } = require('./values');
const { jsValue, judge, slotFor, judgeSlot, mayRemove, and3 } = require('./verdict');
const { analysis, pathKey } = require('./oneof');
const { depthOf } = require('./valid');

// Every value of the tree: its node, its path (keys and indexes), how many
// arrays and objects enclose it, and where it sits in its parent.
function sites(node, out = [], path = [], depth = 0, parent = null, slot = -1) {
  out.push({ node, path, depth, parent, slot });
  if (node.t === 'obj') node.m.forEach((e, i) => sites(e.v, out, [...path, e.k], depth + 1, node, i));
  if (node.t === 'arr') node.a.forEach((v, i) => sites(v, out, [...path, i], depth + 1, node, i));
  return out;
}

function put(site, node, root) {
  if (!site.parent) return node;
  if (site.parent.t === 'obj') site.parent.m[site.slot].v = node;
  else site.parent.a[site.slot] = node;
  return root;
}

// What the value at a site must be: { d } or { forbidden }.
function slotOf(c, s) {
  if (!s.parent) return { d: c.rootD };
  if (s.parent.t === 'obj') return slotFor(c.set, s.parent, s.parent.m[s.slot].k);
  const d = s.parent.d;
  return { d: d && d.kind === 'array' ? c.set.describe(d.items) : null };
}

const JSON_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

// The site's value replaced by node (a number text that is not JSON makes
// the whole text invalid: notJson).
function replace(c, s, node) {
  if (node.t === 'num' && !JSON_NUMBER.test(node.x)) return { root: put(s, node, c.root), notJson: true, touched: [] };
  const v = jsValue(node);
  return { root: put(s, node, c.root), local: judgeSlot(slotOf(c, s), v), touched: [{ path: s.path, state: { value: v } }] };
}

// The site's value changed in place (its node edited).
function changed(c, s) {
  const v = jsValue(s.node);
  return { root: c.root, local: judgeSlot(slotOf(c, s), v), touched: [{ path: s.path, state: { value: v } }] };
}

// The value JSON.parse keeps for key k of object node o: the last one.
const lastOf = (o, k) => o.m.filter((e) => e.k === k).pop();

// Object node o at site s got member k (set, added or duplicated): the verdict.
function memberSet(c, s, o, k) {
  const v = jsValue(lastOf(o, k).v);
  return { root: c.root, local: judgeSlot(slotFor(c.set, o, k), v), touched: [{ path: [...s.path, k], state: { value: v } }] };
}

// Member e of object node o at site s renamed to k.
function renamed(c, s, o, e, k) {
  const old = e.k;
  e.k = k;
  if (k === old) return { root: c.root, local: true, touched: [] };
  const v = jsValue(lastOf(o, k).v);
  return {
    root: c.root,
    local: and3(mayRemove(c.set, o, old), judgeSlot(slotFor(c.set, o, k), v)),
    touched: [{ path: [...s.path, old], state: { absent: true } }, { path: [...s.path, k], state: { value: v } }],
  };
}

const objects = (all) => all.filter((s) => s.node.t === 'obj' && s.node.m.length);

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

const STRING_KINDS = ['string', 'integer', 'number', 'boolean'];

// A value of JSON type t (one of STRING_KINDS, 'fraction', 'object', 'array').
function valueOfType(r, t) {
  switch (t) {
    case 'string': return N.str(randString(r, r.int(0, 8)));
    case 'integer': return N.num(intText(r, r.int(-1000, 1000)));
    case 'number': return N.num(numText(r, r.pick([0.5, -1.25, 1e-3, 3.14159, 1e300, 2 ** 53 + 2])));
    case 'fraction': return N.num(r.pick(['1.5', '-0.25', '0.1', '1e-3']));
    case 'boolean': return N.bool(r.chance(0.5));
    case 'object': return N.obj([]);
    default: return N.arr([]);
  }
}

// The object node at path under node (the last member of each key), or null.
function nodeAt(node, path) {
  for (const k of path) {
    if (node.t !== 'obj') return null;
    const e = lastOf(node, k);
    if (!e) return null;
    node = e.v;
  }
  return node.t === 'obj' ? node : null;
}

const MUTATIONS = {
  delete(c) {
    const { r, set } = c;
    const objs = objects(c.all);
    if (!objs.length) return null;
    const s = r.pick(objs);
    const o = s.node;
    let i = r.int(0, o.m.length - 1);
    if (o.d && o.d.kind === 'record' && r.chance(0.6)) {
      const req = o.m.map((e, j) => [e, j]).filter(([e]) => o.d.props.some((p) => p.required && p.name === e.k));
      if (req.length) i = r.pick(req)[1];
    }
    const [e] = o.m.splice(i, 1);
    return { root: c.root, local: mayRemove(set, o, e.k), touched: [{ path: [...s.path, e.k], state: { absent: true } }] };
  },
  retype(c) {
    const s = c.r.pick(c.all);
    return replace(c, s, c.g.arbitrary(c.r.int(0, 2), s.node.t));
  },
  null(c) {
    return replace(c, c.r.pick(c.all), N.nul());
  },
  rename(c) {
    const { r } = c;
    const objs = objects(c.all);
    if (!objs.length) return null;
    const s = r.pick(objs);
    const e = r.pick(s.node.m);
    return renamed(c, s, s.node, e, r.chance(0.8) ? nearMiss(r, e.k) : randKey(r, new Set()));
  },
  range(c) {
    const { r, g } = c;
    let cands = c.all.filter((s) => s.node.d && ['integer', 'number', 'string', 'array'].includes(s.node.d.kind));
    const bounded = cands.filter((s) => BOUNDS.some((k) => s.node.d[k] !== undefined));
    if (bounded.length && r.chance(0.7)) cands = bounded;
    for (let tries = 0; tries < 5 && cands.length; tries++) {
      const s = r.pick(cands);
      const v = outOfRange(r, g, s.node.d);
      if (v) return replace(c, s, v);
    }
    return null;
  },
  extra(c) {
    const { r } = c;
    const objs = c.all.filter((s) => s.node.t === 'obj');
    if (!objs.length) return null;
    const s = r.pick(objs);
    const o = s.node;
    const k = randKey(r, new Set(o.m.map((e) => e.k)));
    o.m.splice(r.int(0, o.m.length), 0, { k, v: c.g.arbitrary(2) });
    return memberSet(c, s, o, k);
  },
  // Wrong enum and const values; other values of an open enum (valid).
  enum(c) {
    const { r } = c;
    const cands = c.all.filter((s) => s.node.t === 'str' && s.node.d && (s.node.d.enum || s.node.d.const !== undefined));
    if (!cands.length) return null;
    const s = r.pick(cands);
    const d = s.node.d;
    let other = r.chance(0.2) ? (d.enum ? 'AgentDesktopMessage' : 'red') : nearMiss(r, s.node.s);
    if (d.kind === 'open' && r.chance(0.3)) other = r.chance(0.5) ? r.pick(d.enum) : randString(r, r.int(0, 10));
    return replace(c, s, N.str(other, d));
  },
  number(c) {
    const { r } = c;
    const cands = c.all.filter((s) => s.node.t === 'num');
    if (!cands.length) return null;
    const s = r.pick(cands);
    const forms = ['1.5', '-0.5', '1.0000000000000001', '0.99999999999999999', '4.9999999999999999',
      '9007199254740993.5', '1e-400', '-1e-400', '1E400', '1e2', '1E-2', '100e-2', '-0', '0.000001e6',
      '0.1000000000000000055511151231257827021181583404541015625',
      `1${'0'.repeat(70)}`, `0.${'0'.repeat(70)}1`, `-1${'0'.repeat(20)}e-20`, `${s.node.x}0e-1`,
      // Exponents far beyond any double, and long spellings of small values.
      '1e999999999999', '-1e-999999999999', '0e99999999999', '0.000e-99999999999', '-1E+2147483648',
      '1e2147483647', '123e-2147483649', '5e-324', '2e-324', '-2.5e-324', '1.7976931348623158e308',
      `1${'0'.repeat(400)}e-400`, `0.${'0'.repeat(399)}1e401`, `9007199254740991.${'0'.repeat(30)}1`,
      `4${'0'.repeat(500)}`, `-${'9'.repeat(30)}e-30`];
    return replace(c, s, N.num(r.pick(forms), s.node.d));
  },
  dup(c) {
    const { r, g } = c;
    const objs = objects(c.all);
    if (!objs.length) return null;
    const s = r.pick(objs);
    const o = s.node;
    const i = r.int(0, o.m.length - 1);
    const e = o.m[i];
    let v = e.v;
    if (r.chance(0.5)) v = e.v.d ? g.gen(e.v.d) : g.arbitrary(1);
    if (r.chance(0.3)) v = g.arbitrary(1);
    o.m.splice(r.int(i + 1, o.m.length), 0, { k: e.k, v });
    return memberSet(c, s, o, e.k);
  },
  nul(c) {
    const { r } = c;
    const cands = c.all.filter((s) => s.node.t === 'str' || (s.node.t === 'obj' && s.node.m.length));
    if (!cands.length) return null;
    const s = r.pick(cands);
    const ins = (str) => { const cps = [...str]; cps.splice(r.int(0, cps.length), 0, '\u0000'); return cps.join(''); };
    if (s.node.t === 'str') {
      s.node.s = ins(s.node.s);
      return changed(c, s);
    }
    const e = r.pick(s.node.m);
    return renamed(c, s, s.node, e, ins(e.k));
  },
  surrogate(c) {
    const { r } = c;
    const cands = c.all.filter((s) => s.node.t === 'str');
    if (!cands.length) return null;
    const s = r.pick(cands);
    const cps = [...s.node.s];
    cps.splice(r.int(0, cps.length), 0, r.pick(['\ud800', '\udbff', '\udc00', '\udfff', '\udc00\ud800']));
    s.node.s = cps.join('');
    return changed(c, s);
  },
  deep(c) {
    const { r } = c;
    const objs = c.all.filter((s) => s.node.t === 'obj');
    if (!objs.length) return null;
    const s = r.pick(objs);
    // Total nesting (the root object is level 1): at the limit, just over it, or far over.
    const total = r.pick([512, 512, 513, 513, 600]);
    const levels = total - (s.depth + 1);
    if (levels < 1) return null;
    const k = randKey(r, new Set(s.node.m.map((e) => e.k)));
    s.node.m.push({ k, v: deepValue(levels, r) });
    return memberSet(c, s, s.node, k);
  },
  // Big messages: a long string, a long array, an object with many members
  // (unknown ones, perhaps one key twice far apart).
  bulk(c) {
    const { r, g } = c;
    const s = r.pick(c.all);
    const n = r.pick([1000, 5000, 20000]);
    const d = s.node.d && s.node.d.kind === 'array' ? s.node.d : null;
    if (s.node.t === 'str') {
      s.node.s = randString(r, n * 5);
      return changed(c, s);
    }
    if (s.node.t === 'arr') {
      const one = d ? () => g.gen(g.desc(d.items)) : () => g.arbitrary(0);
      for (let i = 0; i < n; i++) s.node.a.push(one());
      // Every item is valid where it is; only the count can be wrong.
      const local = judgeSlot(slotOf(c, s), jsValue(s.node)) === false ? false : true;
      return { root: c.root, local, touched: [{ path: s.path, state: null }] };
    }
    if (s.node.t !== 'obj') return null;
    const keys = new Set(s.node.m.map((e) => e.k));
    const added = [];
    for (let i = 0; i < n; i++) {
      const k = `${randString(r, 3)}${i}`;
      if (!keys.has(k)) { keys.add(k); added.push(k); s.node.m.push({ k, v: g.arbitrary(0) }); }
    }
    if (r.chance(0.3)) {
      const k = s.node.m[r.int(0, s.node.m.length - 1)].k;
      added.push(k);
      s.node.m.push({ k, v: g.arbitrary(0) });
    }
    const last = new Map(s.node.m.map((e) => [e.k, e.v])); // what JSON.parse keeps
    const touched = added.map((k) => ({ path: [...s.path, k], state: { value: jsValue(last.get(k)) } }));
    const local = and3(...touched.map((t) => judgeSlot(slotFor(c.set, s.node, t.path[t.path.length - 1]), t.state.value)));
    return { root: c.root, local, touched };
  },
  // Unions and nullable primitives: a value of a member type (valid), null,
  // a value of another type, a fraction where only integers are allowed.
  union(c) {
    const { r, g } = c;
    const cands = c.all.filter((s) => s.node.d && (s.node.d.kind === 'union' || (s.node.d.nullable && STRING_KINDS.includes(s.node.d.kind))));
    if (!cands.length) return null;
    const s = r.pick(cands);
    const d = s.node.d;
    const members = d.kind === 'union' ? d.members : [d.kind];
    const others = ['fraction', 'object', 'array', ...STRING_KINDS.filter((k) => !members.includes(k))];
    const x = r.next();
    const node = x < 0.45 ? g.genAt({ kind: r.pick(members), where: d.where }, {}) : x < 0.55 ? N.nul() : valueOfType(r, r.pick(others));
    return replace(c, s, node);
  },
  // A record with additionalProperties: <schema> gets an extra member, valid
  // for that schema or anything.
  addl(c) {
    const { r, g, set } = c;
    const cands = c.all.filter((s) => s.node.t === 'obj' && s.node.d && s.node.d.kind === 'record' && s.node.d.additional);
    if (!cands.length) return null;
    const s = r.pick(cands);
    const o = s.node;
    const k = randKey(r, new Set([...o.m.map((e) => e.k), ...o.d.props.map((p) => p.name)]));
    const good = r.chance(0.6);
    o.m.splice(r.int(0, o.m.length), 0, { k, v: good ? g.gen(set.describe(o.d.additional)) : g.arbitrary(2) });
    const res = memberSet(c, s, o, k);
    if (good) res.local = true;
    return res;
  },
  // A oneOf's discriminator: a value no alternative has, removed, or the
  // value of another alternative.
  oneof(c) {
    const { r, set } = c;
    const cands = c.all.filter((s) => s.node.oneOf);
    if (!cands.length) return null;
    const s = r.pick(cands);
    const an = analysis(set, s.node.oneOf.d);
    const a = s.node.oneOf.alt;
    for (let tries = 0; tries < 5 && an.paths.length; tries++) {
      const p = r.pick(an.paths);
      const o = nodeAt(s.node, p.slice(0, -1));
      if (!o) continue;
      const k = p[p.length - 1];
      const site = { path: [...s.path, ...p.slice(0, -1)] };
      const how = r.pick(['unknown', 'remove', 'swap']);
      const allValues = an.cons.flatMap((m) => [...((m.get(pathKey(p)) || { values: [] }).values)]);
      let v;
      if (how === 'remove') {
        const i = o.m.findIndex((e) => e.k === k);
        if (i < 0) continue;
        o.m.splice(i, 1);
        return { root: c.root, local: mayRemove(set, o, k), touched: [{ path: [...site.path, k], state: { absent: true } }] };
      }
      if (how === 'unknown') {
        v = r.pick([...allValues.map((x) => nearMiss(r, x)), 'Unknown', '']);
        if (allValues.includes(v)) continue;
      } else {
        const own = an.cons[a].get(pathKey(p));
        const theirs = allValues.filter((x) => !own || !own.values.has(x));
        if (!theirs.length) continue;
        v = r.pick(theirs);
      }
      const e = lastOf(o, k);
      if (e) e.v = N.str(v);
      else o.m.push({ k, v: N.str(v) });
      return memberSet(c, site, o, k);
    }
    return null;
  },
  // A recursive schema followed round its cycle to a nesting of 64 to 600
  // levels: valid for ajv at any depth, too deep for our decoder past 512.
  deeprec(c) {
    const { r, g } = c;
    const cands = c.all.filter((s) => !s.node.oneOf && s.node.d && ['record', 'array', 'map'].includes(s.node.d.kind) && g.cycle(s.node.d));
    if (!cands.length) return null;
    const s = r.pick(cands);
    const d = s.node.d;
    const steps = g.cycle(d);
    const one = depthOf(g.chain(d, steps, 1));
    const per = depthOf(g.chain(d, steps, 2)) - one;
    if (per < 1) return null;
    const reps = 1 + Math.floor((r.pick([64, 300, 512, 512, 513, 600]) - s.depth - one) / per);
    if (reps < 1) return null;
    return { root: put(s, g.chain(d, steps, reps), c.root), local: true, touched: [{ path: s.path, state: null }] };
  },
};

const WEIGHTS = [['delete', 10], ['retype', 12], ['null', 8], ['rename', 8], ['range', 16], ['extra', 8],
  ['enum', 6], ['number', 8], ['dup', 4], ['nul', 4], ['surrogate', 2], ['deep', 2], ['text', 6], ['bulk', 1],
  ['union', 6], ['addl', 4], ['oneof', 8], ['deeprec', 2]];

module.exports = { sites, MUTATIONS, WEIGHTS };
