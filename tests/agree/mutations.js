'use strict';
// Mutations: changes to a valid message tree, each a way a sender gets a
// message wrong (or right in an unusual way).

const { N, ASTRAL, randString, randKey, numText, nextUp, nextDown } = require('./values');

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

module.exports = { sites, MUTATIONS, WEIGHTS };
