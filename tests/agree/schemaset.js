'use strict';
// A schema set: every *.yaml file under one folder, registered in ajv (draft
// 2020-12) under its own $id, plus a resolver that describes a schema the way
// schemac reads it ($ref relative to the referring file, allOf merged), so
// that generate.js can build values for it.

const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

function listYaml(dir, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel === '' ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) out.push(...listYaml(dir, r));
    else if (e.name.endsWith('.yaml')) out.push(r);
  }
  return out.sort();
}

function pointerGet(doc, pointer) {
  if (pointer === '') return doc;
  if (!pointer.startsWith('/')) throw new Error(`bad JSON Pointer '${pointer}'`);
  let v = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const k = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (v === null || typeof v !== 'object' || !(k in v)) return undefined;
    v = v[k];
  }
  return v;
}

// Keywords that say nothing about a value: a schema of only these (`{}`, or
// the schema `true`) allows any value.
const ANNOTATIONS = new Set(['description', 'title', '$comment', '$id', '$schema', '$defs']);

function pointerJoin(pointer, key) {
  return `${pointer}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

class SchemaSet {
  constructor(dir) {
    this.dir = dir;
    this.docs = new Map(); // relative file -> parsed document
    this.ids = new Map(); // relative file -> $id
    // The reference validator: ajv's draft 2020-12 class in strict mode, with
    // the OpenAPI formats int32 and int64 of ajv-formats, which are what
    // schemac's `format: int32 | int64` mean (int32: an integer in int32_t).
    this.ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(this.ajv, ['int32', 'int64']);
    for (const file of listYaml(dir)) {
      const doc = YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      const id = doc && doc.$id;
      if (typeof id !== 'string' || !id.endsWith(path.posix.basename(file)))
        throw new Error(`${file}: $id '${id}' does not end with the file's name`);
      this.docs.set(file, doc);
      this.ids.set(file, id);
      this.ajv.addSchema(doc);
    }
    this.cache = new Map();
  }

  // The loaded file a registry schema_file names: the longest loaded path
  // that ends it (schemac may have been given a path relative to elsewhere).
  fileFor(schemaFile) {
    let best = null;
    for (const file of this.docs.keys())
      if ((schemaFile === file || schemaFile.endsWith(`/${file}`)) && (!best || file.length > best.length))
        best = file;
    if (!best) throw new Error(`schema file '${schemaFile}' is not in ${this.dir}`);
    return best;
  }

  // ajv's compiled validator for the schema at file#pointer.
  validator(file, pointer) {
    const frag = pointer.split('/').map(encodeURIComponent).join('/');
    const v = this.ajv.getSchema(pointer === '' ? this.ids.get(file) : `${this.ids.get(file)}#${frag}`);
    if (!v) throw new Error(`ajv cannot find ${file}#${pointer}`);
    return v;
  }

  ctx(file, pointer) {
    const s = pointerGet(this.docs.get(file), pointer);
    if (s === undefined) throw new Error(`no schema at ${file}#${pointer}`);
    return { file, pointer, s };
  }

  // Follows $ref (relative to the referring file, as schemac resolves it).
  deref(c) {
    for (let guard = 0; c.s && typeof c.s === 'object' && typeof c.s.$ref === 'string'; guard++) {
      if (guard > 64) throw new Error(`$ref loop at ${c.file}#${c.pointer}`);
      const ref = c.s.$ref;
      const hash = ref.indexOf('#');
      const filePart = hash < 0 ? ref : ref.slice(0, hash);
      const frag = hash < 0 ? '' : decodeURIComponent(ref.slice(hash + 1));
      const file = filePart === '' ? c.file : path.posix.join(path.posix.dirname(c.file), filePart);
      if (!this.docs.has(file)) throw new Error(`${c.file}: $ref to unknown file '${ref}'`);
      c = this.ctx(file, frag);
    }
    return c;
  }

  // The schemas that together constrain a value: $ref followed, allOf flattened.
  leaves(c, out = []) {
    c = this.deref(c);
    if (Array.isArray(c.s.allOf))
      c.s.allOf.forEach((b, i) => this.leaves({ file: c.file, pointer: pointerJoin(pointerJoin(c.pointer, 'allOf'), i), s: b }, out));
    out.push(c);
    return out;
  }

  // What a value must be, from one or more schemas that all apply:
  //   { kind: 'record', props: [{name, ctxs, required}], strict, extras: [ctx] or null }
  //   { kind: 'map', value: [ctx] }     { kind: 'array', items: [ctx], minItems, maxItems }
  //   { kind: 'string' | 'integer' | 'number' | 'boolean', ...keywords }
  //   { kind: 'any' }
  //   { kind: 'oneOf', alternatives: [ctx] }
  describe(ctxs) {
    const key = ctxs.map((c) => `${c.file}#${c.pointer}`).join(' & ');
    if (this.cache.has(key)) return this.cache.get(key);
    const ls = ctxs.flatMap((c) => this.leaves(c));
    const kw = {};
    for (const l of ls) for (const [k, v] of Object.entries(l.s)) if (!(k in kw)) kw[k] = v;
    // schemac allows oneOf only alone (beside annotations), so it is the whole schema.
    const branching = ls.find((l) => Array.isArray(l.s.oneOf));
    if (branching) {
      const at = pointerJoin(branching.pointer, 'oneOf');
      const d = { kind: 'oneOf', where: key,
        alternatives: branching.s.oneOf.map((s, i) => ({ file: branching.file, pointer: pointerJoin(at, i), s })) };
      this.cache.set(key, d);
      return d;
    }
    let type = kw.type;
    if (type === undefined && (kw.enum || kw.const !== undefined)) type = 'string';
    if (type === undefined && ls.some((l) => l.s.properties || l.s.additionalProperties !== undefined)) type = 'object';
    let d;
    if (type === undefined && Object.keys(kw).every((k) => ANNOTATIONS.has(k))) {
      d = { kind: 'any' };
    } else if (type === 'object') {
      const props = new Map();
      const required = new Set();
      let additional;
      for (const l of ls) {
        for (const [name, s] of Object.entries(l.s.properties || {})) {
          if (!props.has(name)) props.set(name, []);
          props.get(name).push({ file: l.file, pointer: pointerJoin(pointerJoin(l.pointer, 'properties'), name), s });
        }
        for (const r of l.s.required || []) required.add(r);
        if (l.s.additionalProperties !== undefined)
          additional = typeof l.s.additionalProperties === 'object'
            ? { file: l.file, pointer: pointerJoin(l.pointer, 'additionalProperties'), s: l.s.additionalProperties }
            : l.s.additionalProperties;
      }
      if (props.size === 0 && additional && typeof additional === 'object') d = { kind: 'map', value: [additional] };
      else
        d = {
          kind: 'record',
          props: [...props].map(([name, c]) => ({ name, ctxs: c, required: required.has(name) })),
          strict: additional === false,
          extras: additional && typeof additional === 'object' ? [additional] : null,
        };
    } else if (type === 'array') {
      const l = ls.find((x) => x.s.items !== undefined);
      d = { kind: 'array', items: [{ file: l.file, pointer: pointerJoin(l.pointer, 'items'), s: l.s.items }], minItems: kw.minItems, maxItems: kw.maxItems };
    } else if (['string', 'integer', 'number', 'boolean'].includes(type)) {
      d = { ...kw, kind: type };
    } else {
      throw new Error(`${key}: cannot describe a schema of type ${JSON.stringify(type)}`);
    }
    d.where = key;
    this.cache.set(key, d);
    return d;
  }
}

module.exports = { SchemaSet, pointerJoin };
