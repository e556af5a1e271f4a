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
const { makeRng } = require('./values');
const { Generator } = require('./valid');
const { sites, MUTATIONS, WEIGHTS } = require('./mutations');
const { text, breakText, reference } = require('./text');

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
