'use strict';
// Valid values: builds a message tree that matches a schema description
// (schemaset.js describe), every node tagged with the description it stands
// for (d; null inside values nothing constrains). Recursive schemas are
// built to a bounded depth; chain() builds one recursion to a chosen depth.

const { N, KEYS, randString, randKey, nearMiss, genInteger, genNumber, intText, numText } = require('./values');
const { judge } = require('./verdict');

// Numbers of an any value: integer and other spellings, -0, the largest
// integers the contract reads exactly; all within what a double holds.
const ANY_NUMBERS = ['0', '-0', '1.0', '1e2', '1E-7', '-0.0', '0.5', '-1.25', '2.5e+3', '123456789.125', '42', '-7',
  '1e300', '5e-324', '1.7976931348623157e308', '9007199254740991', '-9007199254740991', '100000000000000000000e-10'];

// How often an optional member is written: at the top, and inside a schema
// that recursion has already entered.
const OPTIONAL = 0.6;
const OPTIONAL_RECURSIVE = 0.3;
// Recursion deeper than this (the same description this many times on the
// stack) writes only what is required.
const MAX_REPEATS = 3;

class Generator {
  constructor(set, r) {
    this.set = set;
    this.r = r;
    this.stack = []; // descriptions being built, outermost first
    this.minimalDepth = 0; // > 0: build only what is required
    this.cycles = new Map();
    this.seen = new Map(); // what the values built so far used, for the self-check's report
  }

  desc(ctxs) {
    return this.set.describe(ctxs);
  }

  note(what) {
    this.seen.set(what, (this.seen.get(what) || 0) + 1);
  }

  gen(d) {
    if (this.stack.length > 200) throw new Error(`${d.where}: no finite value (a required member leads back to its own type)`);
    const repeats = this.stack.filter((x) => x === d).length;
    if (repeats) this.note(`recursion level ${Math.min(repeats, MAX_REPEATS)}`);
    this.stack.push(d);
    try {
      return this.genAt(d, { minimal: this.minimalDepth > 0 || repeats >= MAX_REPEATS, recursive: repeats > 0 });
    } finally {
      this.stack.pop();
    }
  }

  // A value of d with only what is required (no null, no optional member,
  // the fewest items, no map entries).
  minimal(d) {
    this.minimalDepth++;
    try {
      return this.gen(d);
    } finally {
      this.minimalDepth--;
    }
  }

  genAt(d, mode) {
    const r = this.r;
    if (d.nullable && !mode.minimal && judge(d, null) && r.chance(0.15)) {
      this.note(`null for a nullable ${d.kind}`);
      return N.nul(d);
    }
    switch (d.kind) {
      case 'record': return this.record(d, mode);
      case 'map': {
        const m = [];
        const avoid = new Set();
        const n = mode.minimal ? 0 : mode.recursive ? r.pick([0, 1, 2]) : r.pick([0, 1, 1, 2, 3, 5]);
        for (let i = n; i > 0; i--) {
          const k = r.chance(0.2) ? r.pick(KEYS) : randString(r, r.int(0, 6));
          if (avoid.has(k)) continue;
          avoid.add(k);
          m.push({ k, v: this.gen(this.desc(d.value)) });
        }
        return N.obj(m, d);
      }
      case 'array': {
        const lo = d.minItems ?? 0;
        const hi = Math.min(d.maxItems ?? lo + 5, lo + (mode.recursive ? 2 : 6));
        const n = mode.minimal ? lo : r.pick([lo, hi, r.int(lo, hi), r.int(lo, hi)]);
        const a = [];
        for (let i = 0; i < n; i++) a.push(this.gen(this.desc(d.items)));
        return N.arr(a, d);
      }
      case 'oneof': {
        const alt = r.int(0, d.alts.length - 1);
        const node = this.gen(this.desc(d.alts[alt]));
        if (node.t !== 'obj') throw new Error(`${d.where}: alternative ${alt} is not an object`);
        node.oneOf = { d, alt };
        this.note('oneOf alternative');
        return node;
      }
      case 'union': {
        const kind = r.pick(d.members);
        this.note(`union member ${kind}`);
        const node = this.genAt({ kind, where: d.where }, mode);
        node.d = d;
        return node;
      }
      case 'open': {
        const known = r.chance(0.65);
        this.note(`open enum ${known ? 'known' : 'other'} value`);
        if (known) return N.str(r.pick(d.enum), d);
        return N.str(r.chance(0.5) ? nearMiss(r, r.pick(d.enum)) : randString(r, r.int(0, 12)), d);
      }
      case 'any': {
        this.note('any value');
        const node = this.arbitrary(r.chance(0.05) ? r.int(5, 12) : r.pick([0, 1, 1, 2, 2, 3, 4]), null, true);
        node.d = d;
        return node;
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
      default:
        throw new Error(`unknown kind ${d.kind}`);
    }
  }

  record(d, mode) {
    const r = this.r;
    const m = [];
    for (const p of d.props) {
      const pd = this.desc(p.ctxs);
      if (p.required) m.push({ k: p.name, v: this.gen(pd) });
      else if (mode.minimal) continue;
      else if (pd.default !== undefined && r.chance(0.5)) {
        // Left out, the decoder fills in the default; ajv (no useDefaults) just accepts.
        const write = r.chance(0.3);
        this.note(`default ${write ? 'written' : 'left out'}`);
        if (write) m.push({ k: p.name, v: defaultNode(pd) });
      } else if (r.chance(mode.recursive ? OPTIONAL_RECURSIVE : OPTIONAL)) m.push({ k: p.name, v: this.gen(pd) });
    }
    if (!mode.minimal) {
      const avoid = new Set(d.props.map((p) => p.name));
      const n = d.additional ? (r.chance(0.4) ? r.int(1, 3) : 0) : !d.strict && r.chance(0.2) ? r.int(1, 2) : 0;
      for (let i = n; i > 0; i--) {
        const k = randKey(r, avoid);
        avoid.add(k);
        if (d.additional) this.note('additional member');
        m.push({ k, v: d.additional ? this.gen(this.desc(d.additional)) : this.arbitrary(2) });
      }
    }
    if (r.chance(0.25)) r.shuffle(m);
    return N.obj(m, d);
  }

  // Any JSON value, of nesting at most depth (rich: the numbers of ANY_NUMBERS).
  arbitrary(depth, not = null, rich = false) {
    const r = this.r;
    for (;;) {
      const t = r.pick(depth > 0 ? ['str', 'num', 'int', 'bool', 'null', 'obj', 'arr'] : ['str', 'num', 'int', 'bool', 'null']);
      if (t === not || (t === 'int' && not === 'num')) continue;
      switch (t) {
        case 'str': return N.str(randString(r, r.int(0, 6)));
        case 'num': return N.num(rich ? r.pick(ANY_NUMBERS) : numText(r, r.pick([0.5, -1.25, 1e-7, 3.14159, 1e300])));
        case 'int': return N.num(intText(r, r.int(-100000, 100000)));
        case 'bool': return N.bool(r.chance(0.5));
        case 'null': return N.nul();
        case 'obj': {
          const m = [];
          const avoid = new Set();
          for (let i = r.int(0, 3); i > 0; i--) {
            const k = randKey(r, avoid);
            avoid.add(k);
            m.push({ k, v: this.arbitrary(depth - 1, null, rich) });
          }
          return N.obj(m);
        }
        case 'arr': {
          const a = [];
          for (let i = r.int(0, 3); i > 0; i--) a.push(this.arbitrary(depth - 1, null, rich));
          return N.arr(a);
        }
      }
    }
  }

  // The ways from a description to the descriptions of its parts.
  edges(x) {
    switch (x.kind) {
      case 'record':
        return [...x.props.map((p) => ({ kind: 'prop', name: p.name, to: this.desc(p.ctxs) })),
          ...(x.additional ? [{ kind: 'value', to: this.desc(x.additional) }] : [])];
      case 'array': return x.maxItems === 0 ? [] : [{ kind: 'item', to: this.desc(x.items) }];
      case 'map': return [{ kind: 'value', to: this.desc(x.value) }];
      default: return [];
    }
  }

  // The shortest way (at most 4 steps) from d back to d, or null.
  cycle(d) {
    if (this.cycles.has(d)) return this.cycles.get(d);
    let found = null;
    for (let frontier = [[d, []]], n = 0; frontier.length && !found && n < 4; n++) {
      const next = [];
      for (const [x, steps] of frontier)
        for (const e of this.edges(x)) {
          if (e.to === d && !found) found = [...steps, e];
          next.push([e.to, [...steps, e]]);
        }
      frontier = next;
    }
    this.cycles.set(d, found);
    return found;
  }

  // A valid value of d that goes round its cycle `reps` times, each part
  // otherwise minimal.
  chain(d, steps, reps) {
    let inner = this.minimal(d);
    for (let i = 0; i < reps; i++) inner = this.along(d, steps, 0, inner);
    return inner;
  }

  along(cur, steps, i, inner) {
    if (i === steps.length) return inner;
    const node = this.minimal(cur);
    const child = this.along(steps[i].to, steps, i + 1, inner);
    const st = steps[i];
    if (st.kind === 'prop') {
      const e = node.m.find((x) => x.k === st.name);
      if (e) e.v = child;
      else node.m.push({ k: st.name, v: child });
    } else if (st.kind === 'item') {
      if (cur.maxItems !== undefined && node.a.length >= cur.maxItems) node.a[0] = child;
      else node.a.push(child);
    } else {
      const avoid = new Set([...node.m.map((e) => e.k), ...(cur.kind === 'record' ? cur.props.map((p) => p.name) : [])]);
      node.m.push({ k: randKey(this.r, avoid), v: child });
    }
    return node;
  }
}

// A property's default as a node, written as YAML read it.
function defaultNode(d) {
  const v = d.default;
  if (typeof v === 'string') return N.str(v, d);
  if (typeof v === 'number') return N.num(Object.is(v, -0) ? '-0' : String(v), d);
  if (typeof v === 'boolean') return N.bool(v, d);
  if (v === null) return N.nul(d);
  throw new Error(`${d.where}: a default of type ${typeof v}`);
}

// How deeply arrays and objects nest in a node (a scalar: 0).
function depthOf(node) {
  if (node.t === 'obj') return 1 + Math.max(0, ...node.m.map((e) => depthOf(e.v)));
  if (node.t === 'arr') return 1 + Math.max(0, ...node.a.map(depthOf));
  return 0;
}

module.exports = { Generator, depthOf };
