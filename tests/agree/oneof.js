'use strict';
// oneOf: the discriminators each alternative constrains, which of them tell
// two alternatives apart, and what that means for the verdict on a changed
// message.
//
// A discriminator is a path of property names, through records only, to a
// string with `const` or `enum`. An alternative constrains it to a set of
// values, plus "absent" when the property or a parent is optional, or to
// "absent" alone when a strict record on the way does not declare it; or it
// does not constrain it (null: anything may be there). Two alternatives are
// separated by a path where both constrain and the sets are disjoint: a
// message valid for one is then invalid for the other, whatever else it
// holds. schemac refuses a oneOf with two alternatives that no path
// separates; this test reads the schema itself and predicts nothing for
// alternatives it does not find separated.

const analyses = new WeakMap();

const pathKey = (p) => JSON.stringify(p.map(String));

function isPrefix(a, b) {
  return a.length <= b.length && a.every((k, i) => String(k) === String(b[i]));
}

function collect(set, rec, prefix, out) {
  if (rec.kind !== 'record' || prefix.length > 8) return;
  for (const p of rec.props) {
    const pd = set.describe(p.ctxs);
    const path = [...prefix, p.name];
    if (pd.kind === 'record' && !pd.nullable) collect(set, pd, path, out);
    else if (pd.kind === 'string' && (pd.enum || pd.const !== undefined)) out.set(pathKey(path), path);
  }
}

// What alternative alt allows at path: { values: Set, absent } or null.
function constraint(set, alt, path) {
  let cur = alt;
  let optional = false;
  for (let i = 0; i < path.length; i++) {
    if (cur.kind !== 'record' || cur.nullable) return null;
    const p = cur.props.find((q) => q.name === path[i]);
    if (!p) return cur.strict ? { values: new Set(), absent: true } : null;
    optional = optional || !p.required;
    const pd = set.describe(p.ctxs);
    if (i === path.length - 1) {
      if (pd.kind !== 'string' || (!pd.enum && pd.const === undefined)) return null;
      const values = (pd.enum || [pd.const]).filter((v) => pd.const === undefined || v === pd.const);
      return { values: new Set(values), absent: optional };
    }
    cur = pd;
  }
  return null;
}

const disjoint = (a, b) => a !== null && b !== null && !(a.absent && b.absent) && ![...a.values].some((v) => b.values.has(v));

// The analysis of oneOf description d, made once.
function analysis(set, d) {
  if (analyses.has(d)) return analyses.get(d);
  const alts = d.alts.map((a) => set.describe(a));
  const found = new Map();
  for (const a of alts) collect(set, a, [], found); // an alternative other than a record constrains nothing
  const paths = [...found.values()];
  const cons = alts.map((a) => new Map(paths.map((p) => [pathKey(p), constraint(set, a, p)])));
  const sep = alts.map((_, i) => alts.map((__, j) =>
    (i === j ? [] : paths.filter((p) => disjoint(cons[i].get(pathKey(p)), cons[j].get(pathKey(p)))))));
  const separated = alts.map((_, i) => alts.every((__, j) => j === i || sep[i][j].length > 0));
  const a = { d, alts, paths, cons, sep, separated };
  analyses.set(d, a);
  return a;
}

// Whether the path's new state ({absent} or {value}) is allowed by
// constraint c: true, false, or undefined when c does not constrain it.
function allows(c, state) {
  if (!c || !state) return undefined;
  if (state.absent) return c.absent;
  return typeof state.value === 'string' && c.values.has(state.value);
}

// Alternative b rejects a message that was valid for alternative a before
// the change at `touched` ([{path, state}] relative to the oneOf): a path
// that separates them is untouched, or a touched path has a state b refuses.
function rejects(an, a, b, touched) {
  if (an.sep[a][b].some((p) => !touched.some((t) => isPrefix(t.path, p)))) return true;
  return touched.some((t) => allows(an.cons[b].get(pathKey(t.path)), t.state) === false);
}

// The verdict on the oneOf, given the verdict on its chosen alternative a.
function combine(an, a, verdict, touched) {
  if (verdict === undefined) return undefined;
  if (verdict === true) return an.separated[a] ? true : undefined;
  return an.alts.every((_, b) => b === a || rejects(an, a, b, touched)) ? false : undefined;
}

// The verdict on a whole message after one mutation: `local` is the verdict
// on the change where it happened, with every oneOf held to the alternative
// the message was built from; each enclosing oneOf (innermost first) then
// decides whether another alternative could take over. `oneOfs` are the
// sites (before the change) of nodes built from a oneOf, `touched` the paths
// the change made new, each with the state it left there (null: not simple).
function expectation(set, oneOfs, local, touched) {
  let v = local;
  for (const s of [...oneOfs].sort((x, y) => y.path.length - x.path.length)) {
    const under = touched.filter((t) => t.path.length > s.path.length && isPrefix(s.path, t.path));
    if (!under.length) continue;
    if (under.length < touched.length) return undefined;
    const rel = under.map((t) => ({ path: t.path.slice(s.path.length), state: t.state }));
    v = combine(analysis(set, s.node.oneOf.d), s.node.oneOf.alt, v, rel);
  }
  return v;
}

// The verdict on an unchanged message: valid, when every oneOf in it is
// separated from the others.
function expectationValid(set, oneOfs) {
  return oneOfs.every((s) => analysis(set, s.node.oneOf.d).separated[s.node.oneOf.alt]) ? true : undefined;
}

module.exports = { analysis, constraint, pathKey, expectation, expectationValid };
