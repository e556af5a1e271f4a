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
// Values are built for every schema shape schemac reads: records, maps,
// arrays, primitives with their bounds, nullable types, unions, open enums,
// any values, records with additionalProperties: <schema>, defaults,
// recursive $refs and oneOf dispatchers (README.md says what each makes).
//
// MESSAGES: for each message a header line "<type> <byte length>\n", then the
// text and "\n". VERDICTS: one JSON line per message, in the same order:
// {"type", "kinds": [mutations], "valid": ajv's verdict, "errors": ajv's,
// "notJson": true when JSON.parse refused the text, "expect": this test's
// own prediction of ajv's verdict when it makes one}.
//
// Every unchanged message and most messages changed by one mutation come
// with a prediction of ajv's verdict, worked out from the schema alone
// (verdict.js, oneof.js). A prediction ajv contradicts means this test reads
// the schema wrongly: generate.js then fails, printing the messages.
//
//   node generate.js --selftest DIR [--count N] [--seed S]
//
// runs the same for every record and oneOf type of the schema folder DIR (a
// file's root or a $defs entry) without any generated library: it checks the
// predictions against ajv and reports which schema shapes the values used.

const fs = require('fs');
const { SchemaSet } = require('./schemaset');
const { makeRng } = require('./values');
const { Generator } = require('./valid');
const { sites, MUTATIONS, WEIGHTS } = require('./mutations');
const { text, breakText, reference } = require('./text');
const { analysis, expectation, expectationValid } = require('./oneof');

// ---- one message ----

const oneOfSites = (all) => all.filter((s) => s.node.oneOf);

// A message of description d: valid when i is a multiple of 3, else changed
// by one to three mutations. { text, kinds, expect }.
function makeMessage(set, g, r, d, i) {
  let root = g.gen(d);
  const kinds = [];
  const done = [];
  let broken = false;
  const before = sites(root);
  if (i % 3 !== 0) {
    for (let n = r.weighted([[1, 7], [2, 2], [3, 1]]); n > 0; n--) {
      const kind = r.weighted(WEIGHTS);
      if (kind === 'text') { broken = true; kinds.push(kind); continue; }
      const all = done.length ? sites(root) : before;
      const res = MUTATIONS[kind]({ r, g, set, root, rootD: d, all });
      if (res) { root = res.root; kinds.push(kind); done.push({ res, all }); }
    }
  }
  let expect;
  if (!kinds.length) expect = expectationValid(set, oneOfSites(before));
  else if (kinds.length === 1 && done.length === 1) {
    const { res, all } = done[0];
    expect = res.notJson ? false : expectation(set, oneOfSites(all), res.local, res.touched);
  }
  const ws = r.chance(0.2) ? { rate: 0.3, escapeRate: 0.3 } : { rate: 0, escapeRate: 0.05 };
  let t = text(r, root, ws);
  if (broken) t = breakText(r, t);
  return { text: t, kinds, expect };
}

// Predictions against ajv's verdicts: counts per mutation, and the wrong ones.
class Predictions {
  constructor() {
    this.byKind = new Map();
    this.wrong = [];
  }

  add(type, m, v) {
    const key = m.kinds.length ? m.kinds.join('+') : 'none';
    const k = m.kinds.length > 1 ? 'several' : key;
    if (!this.byKind.has(k)) this.byKind.set(k, { valid: 0, invalid: 0, unknown: 0, ajvValid: 0, wrong: 0 });
    const c = this.byKind.get(k);
    if (v.valid) c.ajvValid++;
    if (m.expect === undefined) { c.unknown++; return; }
    c[m.expect ? 'valid' : 'invalid']++;
    if (m.expect !== v.valid) { c.wrong++; this.wrong.push({ type, m, v }); }
  }

  report(max = 10) {
    console.log('predictions by mutation (predicted valid / invalid / not predicted; ajv accepts; wrong):');
    for (const [k, c] of [...this.byKind].sort())
      console.log(`  ${k.padEnd(10)} ${String(c.valid).padStart(6)} ${String(c.invalid).padStart(6)} ${String(c.unknown).padStart(6)}; ${String(c.ajvValid).padStart(6)}; ${c.wrong}`);
    for (const { type, m, v } of this.wrong.slice(0, max)) {
      const t = m.text.length > 600 ? `${JSON.stringify(m.text.slice(0, 600))}... (${m.text.length} characters)` : JSON.stringify(m.text);
      console.log(`\nWRONG PREDICTION (${type}, mutations: ${m.kinds.join(' ') || 'none'}): expected ${m.expect ? 'valid' : 'invalid'}`);
      console.log(`  text: ${t}`);
      console.log(`  ajv:  ${v.valid ? 'accepts' : `rejects: ${JSON.stringify(v.errors)}`}`);
    }
    if (this.wrong.length) console.log(`\n${this.wrong.length} wrong prediction(s): this test reads a schema differently from ajv`);
    return this.wrong.length === 0;
  }
}

// oneOfs whose alternatives this test does not find separated: it predicts
// nothing for them (schemac should have refused them).
function warnUnseparated(set, d, seen = new Set()) {
  if (seen.has(d)) return;
  seen.add(d);
  if (d.kind === 'oneof') {
    const an = analysis(set, d);
    an.separated.forEach((ok, i) => {
      if (!ok) console.log(`warning: ${d.where}: alternative ${i} is not told apart from every other by a const or enum`);
    });
    an.alts.forEach((x) => warnUnseparated(set, x, seen));
  }
  if (d.kind === 'record') {
    d.props.forEach((p) => warnUnseparated(set, set.describe(p.ctxs), seen));
    if (d.additional) warnUnseparated(set, set.describe(d.additional), seen);
  }
  if (d.kind === 'array') warnUnseparated(set, set.describe(d.items), seen);
  if (d.kind === 'map') warnUnseparated(set, set.describe(d.value), seen);
}

// ---- main ----

function parseArgs(argv) {
  const a = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || i + 1 >= argv.length) throw new Error(`usage: see the top of ${__filename}`);
    a[argv[i].slice(2)] = argv[i + 1];
  }
  const needed = a.selftest !== undefined ? [] : ['schemas', 'types', 'count', 'seed', 'messages', 'verdicts'];
  for (const k of needed) if (a[k] === undefined) throw new Error(`missing --${k}`);
  return a;
}

// Messages of one type: [{ text, kinds, expect, verdict }].
function messagesOf(set, seed, name, d, validate, count, preds, seen) {
  const r = makeRng(seed, name);
  const g = new Generator(set, r);
  warnUnseparated(set, d);
  const out = [];
  for (let i = 0; i < count; i++) {
    const m = makeMessage(set, g, r, d, i);
    m.verdict = reference(validate, m.text);
    preds.add(name, m, m.verdict);
    out.push(m);
  }
  for (const [k, n] of g.seen) seen.set(k, (seen.get(k) || 0) + n);
  return out;
}

function library(a) {
  const set = new SchemaSet(a.schemas);
  const count = Number(a.count);
  const types = fs.readFileSync(a.types, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
    .filter((t) => t.schema_pointer !== null);
  if (!types.length) throw new Error(`${a.types}: no message type has a standalone schema`);
  const msgs = fs.openSync(a.messages, 'w');
  const verdicts = fs.openSync(a.verdicts, 'w');
  const preds = new Predictions();
  for (const type of types) {
    const file = set.fileFor(type.schema_file);
    const d = set.describe([set.ctx(file, type.schema_pointer)]);
    const ms = messagesOf(set, a.seed, type.name, d, set.validator(file, type.schema_pointer), count, preds, new Map());
    fs.writeSync(msgs, ms.map((m) => `${type.name} ${Buffer.byteLength(m.text)}\n${m.text}\n`).join(''));
    fs.writeSync(verdicts, ms.map((m) => `${JSON.stringify({ type: type.name, kinds: m.kinds, ...m.verdict, expect: m.expect })}\n`).join(''));
    const accepted = ms.filter((m) => m.verdict.valid).length;
    const predicted = ms.filter((m) => m.expect !== undefined).length;
    console.log(`${type.name}: ${count} messages (${file}#${type.schema_pointer}), ajv accepts ${accepted}, predicted ${predicted}`);
  }
  fs.closeSync(msgs);
  fs.closeSync(verdicts);
  if (preds.wrong.length && !preds.report()) process.exit(1);
}

// Every record and oneOf type of a schema set: a file's root or a $defs entry.
function typesOf(set) {
  const out = [];
  for (const [file, doc] of set.docs) {
    const pointers = [...(Object.keys(doc).some((k) => !['$schema', '$id', '$defs', '$comment', 'title', 'description'].includes(k)) ? [''] : []),
      ...Object.keys(doc.$defs || {}).map((k) => `/$defs/${k}`)];
    for (const pointer of pointers) {
      const d = set.describe([set.ctx(file, pointer)]);
      if (d.kind === 'record' || d.kind === 'oneof') out.push({ name: `${file}#${pointer}`, file, pointer, d });
    }
  }
  return out;
}

function selftest(a) {
  const set = new SchemaSet(a.selftest);
  const count = Number(a.count || 3000);
  const preds = new Predictions();
  const seen = new Map();
  for (const t of typesOf(set)) {
    const ms = messagesOf(set, a.seed || 1, t.name, t.d, set.validator(t.file, t.pointer), count, preds, seen);
    const accepted = ms.filter((m) => m.verdict.valid).length;
    const predicted = ms.filter((m) => m.expect !== undefined).length;
    console.log(`${t.name} (${t.d.kind}): ${count} messages, ajv accepts ${accepted}, predicted ${predicted}`);
  }
  console.log('\nschema shapes the valid values used (count of values built):');
  for (const [k, n] of [...seen].sort()) console.log(`  ${k.padEnd(32)} ${n}`);
  console.log('');
  process.exit(preds.report(25) ? 0 : 1);
}

const args = parseArgs(process.argv.slice(2));
if (args.selftest !== undefined) selftest(args);
else library(args);
