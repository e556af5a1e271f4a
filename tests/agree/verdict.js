'use strict';
// What ajv must say about a changed value, as far as the schema description
// alone decides it: true (valid), false (invalid) or undefined (this test
// does not say; ajv decides). generate.js compares each prediction with
// ajv's verdict, so a wrong reading of a keyword by this test shows up as a
// failure instead of as messages that test less than they seem to.

// The value JSON.parse makes of a node, as far as judge() looks at it:
// objects and arrays only by their type and length.
function jsValue(node) {
  switch (node.t) {
    case 'str': return node.s;
    case 'num': return Number(node.x);
    case 'bool': return node.b;
    case 'null': return null;
    case 'obj': return {};
    case 'arr': return new Array(node.a.length);
    case 'raw': return JSON.parse(node.text);
    default: throw new Error(`unknown node ${node.t}`);
  }
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function inBounds(d, v) {
  return !(d.minimum !== undefined && v < d.minimum) && !(d.maximum !== undefined && v > d.maximum) &&
    !(d.exclusiveMinimum !== undefined && v <= d.exclusiveMinimum) &&
    !(d.exclusiveMaximum !== undefined && v >= d.exclusiveMaximum);
}

// A primitive kind with its keywords. JSON Schema counts string lengths in
// code points (ajv counts a lone surrogate as one, as [...s] does) and the
// integer type by value (1.0 is an integer); ajv's number types exclude
// Infinity, which is what JSON.parse makes of 1e400.
function fitsPrimitive(d, v) {
  switch (d.kind) {
    case 'string': {
      if (typeof v !== 'string') return false;
      const n = [...v].length;
      return (d.const === undefined || v === d.const) && (!d.enum || d.enum.includes(v)) &&
        !(d.minLength !== undefined && n < d.minLength) && !(d.maxLength !== undefined && n > d.maxLength);
    }
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v) && inBounds(d, v) &&
        (d.format !== 'int32' || (v >= -2147483648 && v <= 2147483647));
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && inBounds(d, v);
    case 'boolean':
      return typeof v === 'boolean';
    default:
      throw new Error(`not a primitive kind: ${d.kind}`);
  }
}

// Whether v is valid where description d applies (d null: anything goes).
function judge(d, v) {
  if (!d || d.kind === 'any') return true;
  if (v === null) // enum and const apply to null too: a nullable enum needs null among its values
    return d.nullable === true && (!d.enum || d.enum.includes(null)) && (d.const === undefined || d.const === null);
  switch (d.kind) {
    case 'record': case 'map': case 'oneof':
      return isObject(v) ? undefined : false;
    case 'array':
      if (!Array.isArray(v) || (d.minItems !== undefined && v.length < d.minItems) ||
          (d.maxItems !== undefined && v.length > d.maxItems)) return false;
      return v.length === 0 ? true : undefined;
    case 'union':
      return d.members.some((m) => fitsPrimitive({ kind: m }, v));
    case 'open':
      return typeof v === 'string';
    default:
      return fitsPrimitive(d, v);
  }
}

// What a member with key k of object node o must be: { d } (d null:
// anything), or { forbidden } for a strict record's undeclared key.
function slotFor(set, o, k) {
  const d = o.d;
  if (!d || d.kind === 'any') return { d: null };
  if (d.kind === 'map') return { d: set.describe(d.value) };
  if (d.kind !== 'record') throw new Error(`an object node described as ${d.kind}`);
  const p = d.props.find((q) => q.name === k);
  if (p) return { d: set.describe(p.ctxs), prop: p };
  if (d.strict) return { forbidden: true };
  return { d: d.additional ? set.describe(d.additional) : null };
}

const judgeSlot = (slot, v) => (slot.forbidden ? false : judge(slot.d, v));

// Whether object node o may lose its member k.
function mayRemove(set, o, k) {
  const slot = slotFor(set, o, k);
  return !(slot.prop && slot.prop.required);
}

// Three-valued and: false wins, then undefined.
function and3(...vs) {
  if (vs.some((v) => v === false)) return false;
  return vs.every((v) => v === true) ? true : undefined;
}

module.exports = { jsValue, judge, slotFor, judgeSlot, mayRemove, and3 };
