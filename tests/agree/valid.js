'use strict';
// Valid values: builds a message tree that matches a schema description
// (schemaset.js describe), every node tagged with the description it stands for.

const { N, KEYS, randString, randKey, genInteger, genNumber, intText, numText } = require('./values');

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
        if (!d.strict && r.chance(0.2)) {
          const avoid = new Set(d.props.map((p) => p.name));
          for (let i = r.int(1, 2); i > 0; i--) {
            const k = randKey(r, avoid);
            avoid.add(k);
            m.push({ k, v: this.arbitrary(2) });
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

module.exports = { Generator };
