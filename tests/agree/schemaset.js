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
    // allowUnionTypes: strict mode refuses a type list of two types other
    // than "null" unless told; schemac's unions (`type: [string, number]`)
    // are such lists.
    this.ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
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
    if (c.s && Array.isArray(c.s.allOf))
      c.s.allOf.forEach((b, i) => this.leaves({ file: c.file, pointer: pointerJoin(pointerJoin(c.pointer, 'allOf'), i), s: b }, out));
    out.push(c);
    return out;
  }

  // What a value must be, from one or more schemas that all apply. Every
  // kind may carry `nullable` (a type list with "null") and `default`:
  //   { kind: 'record', props: [{name, ctxs, required}], strict, additional: [ctx] | null }
  //   { kind: 'map', value: [ctx] }     { kind: 'array', items: [ctx], minItems, maxItems }
  //   { kind: 'string' | 'integer' | 'number' | 'boolean', ...keywords }
  //   { kind: 'union', members: ['string', 'integer', ...] }  (a type list of primitives)
  //   { kind: 'open', enum: [...] }     (anyOf of an enum and any string)
  //   { kind: 'any' }                   ({}, true, or only annotations)
  //   { kind: 'oneof', alts: [[ctx]] }
  // One schema is described once (keyed by the schemas left after $ref and
  // allOf), so a recursive schema gives a cyclic graph of descriptions.
  describe(ctxs) {
    const ls = ctxs.flatMap((c) => this.leaves(c));
    const key = ls.map((c) => `${c.file}#${c.pointer}`).join(' & ');
    if (this.cache.has(key)) return this.cache.get(key);
    const kw = {};
    for (const l of ls) if (l.s && typeof l.s === 'object') for (const [k, v] of Object.entries(l.s)) if (!(k in kw)) kw[k] = v;
    const d = { where: key };
    this.cache.set(key, d); // before the parts, which may lead back here
    Object.assign(d, this.describeKeywords(ls, kw, key));
    return d;
  }

  describeKeywords(ls, kw, key) {
    let types = kw.type === undefined ? [] : [].concat(kw.type);
    const nullable = types.includes('null');
    types = types.filter((t) => t !== 'null');
    const common = { ...(nullable ? { nullable } : {}), ...('default' in kw ? { default: kw.default } : {}) };
    if (kw.oneOf) return { ...common, kind: 'oneof', alts: kw.oneOf.map((_, i) => [this.branch(ls, 'oneOf', i)]) };
    if (kw.anyOf) return { ...common, kind: 'open', enum: this.openEnum(ls, kw.anyOf, key) };
    if (types.length > 1) return { ...common, kind: 'union', members: types };
    let type = types[0];
    if (type === undefined && (kw.enum || kw.const !== undefined)) type = 'string';
    if (type === undefined && ls.some((l) => l.s.properties || l.s.additionalProperties !== undefined)) type = 'object';
    if (type === undefined && kw.items !== undefined) type = 'array';
    if (type === undefined) return { ...common, kind: 'any' };
    if (type === 'object') return { ...common, ...this.describeObject(ls) };
    if (type === 'array') {
      const l = ls.find((x) => x.s.items !== undefined);
      return { ...common, kind: 'array', items: [{ file: l.file, pointer: pointerJoin(l.pointer, 'items'), s: l.s.items }], minItems: kw.minItems, maxItems: kw.maxItems };
    }
    if (['string', 'integer', 'number', 'boolean'].includes(type)) return { ...kw, ...common, kind: type };
    throw new Error(`${key}: cannot describe a schema of type ${JSON.stringify(kw.type)}`);
  }

  // The ctx of branch i of the keyword (oneOf, anyOf) of the leaf that has it.
  branch(ls, keyword, i) {
    const l = ls.find((x) => x.s && Array.isArray(x.s[keyword]));
    return { file: l.file, pointer: pointerJoin(pointerJoin(l.pointer, keyword), i), s: l.s[keyword][i] };
  }

  // anyOf: [{enum}, {type: string}] in either order: the enum's values.
  openEnum(ls, anyOf, key) {
    const e = anyOf.map((b, i) => this.deref(this.branch(ls, 'anyOf', i)).s).find((b) => b && Array.isArray(b.enum));
    if (anyOf.length !== 2 || !e) throw new Error(`${key}: an anyOf other than an open enum`);
    return e.enum;
  }

  describeObject(ls) {
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
    if (props.size === 0 && additional && typeof additional === 'object') return { kind: 'map', value: [additional] };
    return {
      kind: 'record',
      props: [...props].map(([name, c]) => ({ name, ctxs: c, required: required.has(name) })),
      strict: additional === false,
      // Extra members must match this schema (properties plus additionalProperties: <schema>).
      additional: additional && typeof additional === 'object' ? [additional] : null,
    };
  }
}

module.exports = { SchemaSet, pointerJoin };
