'use strict';
// Checks the realistic wire messages against the schemas with a reference
// validator (ajv 8, draft 2020-12, strict mode), independently of schemac:
//   - every tests/messages/<type>/*.json is valid against schema/<type>.yaml
//     and against the dispatcher schema/agent_desktop_message.yaml (oneOf:
//     exactly one alternative matches);
//   - every tests/messages/invalid/*.json is rejected by the dispatcher, and
//     ajv reports an error at the JSON Pointer its README line names (the
//     code there is what the generated decoder is expected to say);
//   - each type folder holds at least 3 messages;
//   - every two alternatives of the dispatcher are told apart by the value
//     or absence of some const/enum member (the rule schemac applies);
//   - every nullable property is seen null, absent (when optional) and with
//     a value, and every open enum with a value outside its list.
// Run from anywhere, with ajv, ajv-formats and yaml resolvable, e.g. with the
// versions tests/agree pins:
//   (cd /tmp/x && cp REPO/tests/agree/package*.json . && npm ci)
//   NODE_PATH=/tmp/x/node_modules node REPO/tests/messages/validate.js

const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

const here = __dirname;
const schemaDir = path.join(here, '..', '..', 'schema');
const DISPATCHER = 'agent_desktop_message.yaml';

let failures = 0;
function fail(msg) {
  failures++;
  console.log(`FAIL ${msg}`);
}

function loadSchemas() {
  // allowUnionTypes: strict mode otherwise refuses `type: [string, number]`,
  // which the schema language now allows (nullable `[T, "null"]` is fine
  // either way).
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
  addFormats(ajv, ['int32', 'int64']);
  const docs = new Map();
  for (const file of fs.readdirSync(schemaDir).filter((f) => f.endsWith('.yaml')).sort()) {
    const doc = YAML.parse(fs.readFileSync(path.join(schemaDir, file), 'utf8'));
    if (doc.$id !== file) fail(`${file}: $id '${doc.$id}' is not the file's name`);
    docs.set(file, doc);
    ajv.addSchema(doc);
  }
  for (const file of docs.keys()) ajv.getSchema(file); // compile all: strict errors throw here
  return { ajv, docs };
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function jsonFiles(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
}

function errorText(errors) {
  return (errors || []).map((e) => `    ${e.instancePath || '""'} ${e.keyword}: ${e.message}`).join('\n');
}

// ---- coverage of nullable properties and open enums ----

// The schema a $ref names, relative to the file it appears in.
function resolveRef(docs, file, ref) {
  const [target, frag] = ref.split('#');
  const f = target === '' ? file : target;
  let node = docs.get(f);
  for (const part of (frag || '').split('/').filter(Boolean)) node = node[part];
  return { file: f, node };
}

// Properties (name -> [{file, node}], one per allOf branch declaring it),
// required names and additionalProperties of an object schema, with $ref
// followed and allOf branches gathered.
function objectShape(docs, file, node, shape = { props: new Map(), required: new Set(), extra: null }) {
  if (node.$ref) {
    const r = resolveRef(docs, file, node.$ref);
    return objectShape(docs, r.file, r.node, shape);
  }
  for (const branch of node.allOf || []) objectShape(docs, file, branch, shape);
  for (const [name, sub] of Object.entries(node.properties || {})) {
    if (!shape.props.has(name)) shape.props.set(name, []);
    shape.props.get(name).push({ file, node: sub });
  }
  for (const name of node.required || []) shape.required.add(name);
  if (node.additionalProperties !== undefined && typeof node.additionalProperties === 'object')
    shape.extra = { file, node: node.additionalProperties };
  return shape;
}

function deref(docs, file, node) {
  while (node && node.$ref) ({ file, node } = resolveRef(docs, file, node.$ref));
  return { file, node };
}

// Places are named by schema location (the $defs entry a $ref leads to,
// then property names, `*` for map values and array items), so that one
// $defs type used at two places (interaction, task) is counted once.
function walk(docs, file, node, value, at, seen) {
  if (node && node.$ref) {
    const r = resolveRef(docs, file, node.$ref);
    const frag = node.$ref.includes('#') ? node.$ref.split('#')[1] : '';
    return walk(docs, r.file, r.node, value, `${r.file}#${frag}`, seen);
  }
  ({ file, node } = deref(docs, file, node));
  if (!node || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    if (node.items) value.forEach((v, i) => walk(docs, file, node.items, v, `${at}/*`, seen));
    return;
  }
  const shape = objectShape(docs, file, node);
  for (const [name, parts] of shape.props) {
    const where = `${at}/${name}`;
    for (const part of parts) {
      const { file: pf, node: pn } = deref(docs, part.file, part.node);
      if (Array.isArray(pn.type) && pn.type.includes('null')) {
        const state = !(name in value) ? 'absent' : value[name] === null ? 'null' : 'value';
        record(seen.nullable, where, state, !shape.required.has(name));
      }
      if (pn.anyOf && name in value && typeof value[name] === 'string') {
        const known = pn.anyOf.find((b) => b.enum).enum;
        record(seen.open, where, known.includes(value[name]) ? 'known' : 'unknown', false);
      }
      if (name in value) walk(docs, part.file, part.node, value[name], where, seen);
    }
  }
  if (shape.extra)
    for (const [k, v] of Object.entries(value))
      if (!shape.props.has(k)) walk(docs, shape.extra.file, shape.extra.node, v, `${at}/*`, seen);
}

function record(map, where, state, optional) {
  if (!map.has(where)) map.set(where, { states: new Set(), optional });
  map.get(where).states.add(state);
}

function checkCoverage(seen) {
  for (const [where, { states, optional }] of seen.nullable) {
    const want = optional ? ['null', 'absent', 'value'] : ['null', 'value'];
    const missing = want.filter((s) => !states.has(s));
    if (missing.length) fail(`coverage: nullable ${where} never ${missing.join(', ')}`);
  }
  for (const [where, { states }] of seen.open)
    if (!states.has('unknown')) fail(`coverage: open enum ${where} never has an unknown value`);
  console.log(`coverage: ${seen.nullable.size} nullable and ${seen.open.size} open-enum places checked`);
}

// ---- dispatcher separability (spec section 9) ----
// For each alternative, what it allows at each discriminator path (a member
// holding const or enum, possibly nested through object members): a set of
// strings, plus absence when the member or a parent is optional or when a
// strict record does not declare it; a path it does not constrain allows
// anything. Every two alternatives must be separated by a path where both
// allow a set and the sets (absence included) are disjoint.

const ANY = null;

function discriminators(docs, file, node, prefix, out, optional) {
  const shape = objectShape(docs, file, node);
  for (const [name, parts] of shape.props) {
    const where = `${prefix}/${name}`;
    const opt = optional || !shape.required.has(name);
    for (const part of parts) {
      const { file: pf, node: pn } = deref(docs, part.file, part.node);
      const values = pn.const !== undefined ? [pn.const] : pn.enum;
      if (values) out.set(where, { values: new Set(values), absent: opt });
      else if (pn.type === 'object' || pn.properties || pn.allOf) discriminators(docs, pf, pn, where, out, opt);
    }
  }
  out.strictAt = out.strictAt || new Set();
  if (node.additionalProperties === false) out.strictAt.add(prefix);
  return out;
}

function allowed(alt, where) {
  const d = alt.paths.get(where);
  if (d) return d;
  // Undeclared: only absence if the record holding the first undeclared
  // segment is strict, else anything.
  const segs = where.split('/').slice(1);
  for (let i = 0; i < segs.length; i++) {
    const parent = i === 0 ? '' : `/${segs.slice(0, i).join('/')}`;
    if (alt.paths.strictAt.has(parent)) return { values: new Set(), absent: true };
  }
  return ANY;
}

function separated(a, b, allPaths) {
  for (const where of allPaths) {
    const x = allowed(a, where);
    const y = allowed(b, where);
    if (x === ANY || y === ANY) continue;
    if (x.absent && y.absent) continue;
    if ([...x.values].some((v) => y.values.has(v))) continue;
    return where;
  }
  return null;
}

function checkDispatcher(docs) {
  const alts = docs.get(DISPATCHER).oneOf.map((r) => {
    const { file, node } = resolveRef(docs, DISPATCHER, r.$ref);
    return { file, paths: discriminators(docs, file, node, '', new Map(), false) };
  });
  const allPaths = [...new Set(alts.flatMap((a) => [...a.paths.keys()]))].sort();
  for (let i = 0; i < alts.length; i++)
    for (let j = i + 1; j < alts.length; j++) {
      const by = separated(alts[i], alts[j], allPaths);
      if (!by) fail(`dispatcher: ${alts[i].file} and ${alts[j].file} are not separated by any discriminator`);
    }
  console.log(`dispatcher: ${alts.length} alternatives, discriminator paths ${allPaths.join(', ')}`);
}

// ---- main ----

function checkValid(ajv, docs, seen) {
  const dispatcher = ajv.getSchema(DISPATCHER);
  let count = 0;
  for (const dir of fs.readdirSync(here, { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name === 'invalid' || dir.name === 'node_modules') continue;
    const schemaFile = `${dir.name}.yaml`;
    const own = ajv.getSchema(schemaFile);
    if (!own) {
      fail(`${dir.name}/: no schema/${schemaFile}`);
      continue;
    }
    const files = jsonFiles(path.join(here, dir.name));
    if (files.length < 3) fail(`${dir.name}/: ${files.length} messages, want at least 3`);
    for (const f of files) {
      const msg = readJson(path.join(here, dir.name, f));
      count++;
      if (!own(msg)) fail(`${dir.name}/${f} rejected by ${schemaFile}:\n${errorText(own.errors)}`);
      if (!dispatcher(msg)) fail(`${dir.name}/${f} rejected by ${DISPATCHER}:\n${errorText(dispatcher.errors)}`);
      walk(docs, schemaFile, docs.get(schemaFile), msg, '', seen);
    }
  }
  console.log(`valid: ${count} messages checked`);
}

// README lines: - `name.json`: WCC_ERR_X at `/json/pointer` ...
function readExpectations(dir) {
  const out = new Map();
  const re = /^- `([^`]+\.json)`: (WCC_ERR_[A-Z_]+) at `([^`]*)`/;
  for (const line of fs.readFileSync(path.join(dir, 'README.md'), 'utf8').split('\n')) {
    const m = re.exec(line);
    if (m) out.set(m[1], { code: m[2], path: m[3] });
  }
  return out;
}

// Where ajv puts an error, as the JSON Pointer of the offending (or missing)
// member, the way our error paths name it.
function errorPointers(errors) {
  return new Set((errors || []).map((e) => {
    if (e.keyword === 'required') return `${e.instancePath}/${e.params.missingProperty}`;
    if (e.keyword === 'additionalProperties') return `${e.instancePath}/${e.params.additionalProperty}`;
    return e.instancePath;
  }));
}

function checkInvalid(ajv) {
  const dir = path.join(here, 'invalid');
  const expected = readExpectations(dir);
  const dispatcher = ajv.getSchema(DISPATCHER);
  const files = jsonFiles(dir);
  for (const f of files) {
    const exp = expected.get(f);
    if (!exp) {
      fail(`invalid/${f}: no line in invalid/README.md`);
      continue;
    }
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const msg = JSON.parse(text);
    if (dispatcher(msg)) {
      fail(`invalid/${f} accepted by ${DISPATCHER}`);
      continue;
    }
    const at = errorPointers(dispatcher.errors);
    if (!at.has(exp.path))
      fail(`invalid/${f}: ajv reports no error at '${exp.path}':\n${errorText(dispatcher.errors)}`);
  }
  for (const f of expected.keys()) if (!files.includes(f)) fail(`invalid/README.md names missing ${f}`);
  console.log(`invalid: ${files.length} messages checked`);
}

function main() {
  const { ajv, docs } = loadSchemas();
  console.log(`schemas: ${docs.size} files compiled (ajv 2020-12, strict)`);
  checkDispatcher(docs);
  const seen = { nullable: new Map(), open: new Map() };
  checkValid(ajv, docs, seen);
  checkCoverage(seen);
  checkInvalid(ajv);
  console.log(failures ? `${failures} failure(s)` : 'all ok');
  process.exit(failures ? 1 : 0);
}

main();
