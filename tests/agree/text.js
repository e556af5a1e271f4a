'use strict';
// The JSON text of a message tree (random whitespace and escapes), damage to
// that text, and ajv's verdict on it.

function hex4(r, cu, upper) {
  const h = cu.toString(16).padStart(4, '0');
  return `\\u${upper ? h.toUpperCase() : h}`;
}

function strText(r, s, ws) {
  const escapeAll = r.chance(ws.escapeRate);
  const upper = r.chance(0.5);
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0);
    const short = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' }[ch];
    if (short && (ch === '"' || ch === '\\' || r.chance(0.8))) out += short;
    else if (cp < 0x20 || (cp >= 0xd800 && cp <= 0xdfff)) out += hex4(r, cp, upper);
    else if (ch === '/' && r.chance(0.3)) out += '\\/';
    else if (escapeAll && (cp >= 0x80 || r.chance(0.2))) {
      for (let i = 0; i < ch.length; i++) out += hex4(r, ch.charCodeAt(i), upper);
    } else out += ch;
  }
  return `${out}"`;
}

function text(r, node, ws) {
  const w = () => (r.chance(ws.rate) ? r.pick([' ', '\n', '\t', '\r\n', '  ']) : '');
  switch (node.t) {
    case 'obj':
      return `{${w()}${node.m.map((e) => `${strText(r, e.k, ws)}${w()}:${w()}${text(r, e.v, ws)}`).join(`${w()},${w()}`)}${w()}}`;
    case 'arr':
      return `[${w()}${node.a.map((v) => text(r, v, ws)).join(`${w()},${w()}`)}${w()}]`;
    case 'str': return strText(r, node.s, ws);
    case 'num': return node.x;
    case 'bool': return node.b ? 'true' : 'false';
    case 'null': return 'null';
    case 'raw': return node.text;
    default: throw new Error(`unknown node ${node.t}`);
  }
}

// Damage to the text itself: it is (almost always) no longer JSON.
function breakText(r, t) {
  const cps = [...t];
  const at = r.int(0, cps.length);
  const junk = ['', '{', '}', '[', ']', ',', ':', '"', '\\', ' ', '0', '-', '+', '.', 'e', 'x', '\u0000', '\u0001',
    '\u000b', '\u000c', '\u00a0', '\ufeff', 'NaN', 'Infinity', '-Infinity', '01', '1.', '.5', '0x10', 'tru', 'nul',
    "'a'", '\\x41', '"\\u12"', '"\\U0041"', '"\\a"', '/* c */', '{} {}', ',]'];
  switch (r.int(0, 3)) {
    case 0: return cps.slice(0, at).join(''); // truncated
    case 1: cps.splice(at, 1); return cps.join('');
    case 2: cps.splice(at, 0, r.pick(junk)); return cps.join('');
    default: return `${t}${r.pick([' x', ',', ' {}', '\u0000', ' ', '\n'])}`;
  }
}

// ---- the reference verdict ----

function reference(validate, t) {
  let value;
  try {
    // RFC 8259 section 8.1 lets a parser ignore a leading byte order mark, as
    // our decoders do; JSON.parse does not, so it is dropped here.
    value = JSON.parse(t.startsWith('\ufeff') ? t.slice(1) : t);
  } catch (e) {
    return { valid: false, notJson: true, errors: [{ message: `JSON.parse: ${e.message}` }] };
  }
  const valid = validate(value);
  return valid ? { valid: true } : { valid: false, errors: validate.errors.slice(0, 5) };
}

module.exports = { text, breakText, reference };
