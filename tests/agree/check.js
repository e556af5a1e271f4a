'use strict';
// Compares ajv's verdicts (generate.js) with our decoders' (agree_decode) and
// fails on every message where they differ (one accepts, the other rejects;
// or JSON.parse refuses the text and we report no syntax error, or the other
// way round), unless the difference is one of the intentional ones below,
// found in the message's own text at the exact place our decoder reports.
//
//   node check.js --messages FILE --verdicts FILE --ours FILE [--min-count N]
//
// The intentional differences (docs/input-contract.md, "Where we differ from a
// JSON Schema validator"), each applying only when ajv accepts and our
// decoder rejects:
//   duplicate-key   the text has a key twice in one object (JSON.parse keeps
//                   the last; we refuse the text), and our error is at that
//                   member or inside its first occurrence, which ajv never saw
//                   (for a key holding U+0000: a path that starts with the
//                   key's part before it, as a C string cannot hold the rest).
//   big-integer     WCC_ERR_RANGE or WCC_ERR_VALUE at a number of magnitude
//                   above 2^53 - 1 that JSON.parse reads as an integer: it
//                   rounds, where we read every int64 exactly (and refuse
//                   integers beyond int64), so next to a bound ajv judges
//                   another value than ours.
//   rounded-number  at a number JSON.parse changes: WCC_ERR_TYPE where the
//                   text is not an integer but its nearest double is
//                   (1.0000000000000001), WCC_ERR_RANGE where the text is not
//                   zero but its nearest double is (1e-400).
//   overflow        WCC_ERR_RANGE at a number JSON.parse reads as Infinity
//                   (1e400): the contract's ERR_RANGE. Where the schema says
//                   number or integer ajv rejects Infinity too, so this is
//                   reached only where it accepts anything: an any value ({}).
//   nul             WCC_ERR_VALUE at a string holding U+0000 (\u0000), or at
//                   an object one of whose keys holds it: a C string cannot.
//   lone-surrogate  WCC_ERR_SYNTAX at the '\' of a \uD800-\uDFFF escape that
//                   is not half of a pair: not Unicode text, which JSON.parse
//                   lets through.
//   depth-limit     WCC_ERR_DEPTH where the text nests deeper than 512.
//   size-limit      WCC_ERR_TOO_LARGE where the text is longer than 16 MiB
//                   (generate.js makes none that long).

const fs = require('fs');

const MAX_DEPTH = 512;
const MAX_INPUT_SIZE = 16 * 1024 * 1024;
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function args(argv) {
  const a = { 'min-count': '0', 'max-report': '25' };
  for (let i = 0; i < argv.length; i += 2) a[argv[i].replace(/^--/, '')] = argv[i + 1];
  for (const k of ['messages', 'verdicts', 'ours'])
    if (!a[k]) throw new Error(`missing --${k}`);
  return a;
}

function readMessages(file) {
  const buf = fs.readFileSync(file);
  const out = [];
  for (let at = 0; at < buf.length;) {
    const eol = buf.indexOf(10, at);
    const header = buf.toString('utf8', at, eol);
    const sp = header.lastIndexOf(' ');
    const len = Number(header.slice(sp + 1));
    out.push({ type: header.slice(0, sp), text: buf.toString('utf8', eol + 1, eol + 1 + len), bytes: len });
    at = eol + 1 + len + 1;
  }
  return out;
}

const readJsonl = (file) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

// Our error paths spell a key's U+0000 as the six characters \u0000.
const esc = (k) => k.replace(/~/g, '~0').replace(/\//g, '~1').replace(/\u0000/g, '\\u0000');

// What a well-formed JSON text holds that JSON.parse hides from ajv: every
// duplicate key, number token, string and key with U+0000, unpaired surrogate
// escape (by byte offset) and the deepest nesting.
function facts(text) {
  const f = { dups: [], numbers: new Map(), nulStrings: new Set(), nulKeyObjects: new Set(), lone: new Set(), depth: 0 };
  let i = 0;
  let byte = 0;
  const adv = (n = 1) => {
    for (let k = 0; k < n; k++) {
      const c = text.codePointAt(i);
      const w = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      byte += c >= 0xd800 && c <= 0xdfff ? 3 : w;
      i += c > 0xffff ? 2 : 1;
    }
  };
  const ws = () => { while (i < text.length && ' \t\r\n'.includes(text[i])) adv(); };
  const str = () => {
    adv(); // "
    let s = '';
    const units = []; // [code unit, byte offset of its escape or -1]
    while (text[i] !== '"') {
      if (text[i] === '\\') {
        const at = byte;
        const e = text[i + 1];
        if (e === 'u') {
          units.push([parseInt(text.slice(i + 2, i + 6), 16), at]);
          adv(6);
        } else {
          units.push([{ b: 8, f: 12, n: 10, r: 13, t: 9 }[e] ?? e.charCodeAt(0), -1]);
          adv(2);
        }
      } else {
        const c = text.charCodeAt(i);
        units.push([c, -1]);
        if (c >= 0xd800 && c <= 0xdbff) units.push([text.charCodeAt(i + 1), -1]);
        adv();
      }
    }
    adv();
    for (let k = 0; k < units.length; k++) {
      const [u, at] = units[k];
      const high = u >= 0xd800 && u <= 0xdbff;
      const low = u >= 0xdc00 && u <= 0xdfff;
      const next = units[k + 1];
      if (high && next && next[0] >= 0xdc00 && next[0] <= 0xdfff) { s += String.fromCharCode(u, next[0]); k++; continue; }
      if ((high || low) && at >= 0) f.lone.add(at);
      s += String.fromCharCode(u);
    }
    return s;
  };
  const value = (ptr, depth) => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      f.depth = Math.max(f.depth, depth + 1);
      adv();
      ws();
      const seen = new Set();
      let n = 0;
      while (text[i] !== (c === '{' ? '}' : ']')) {
        if (c === '{') {
          const k = str();
          const p = `${ptr}/${esc(k)}`;
          if (seen.has(k)) f.dups.push({ ptr: p });
          seen.add(k);
          if (k.includes('\u0000')) f.nulKeyObjects.add(ptr);
          ws(); adv(); // :
          value(p, depth + 1);
        } else value(`${ptr}/${n++}`, depth + 1);
        ws();
        if (text[i] === ',') { adv(); ws(); }
      }
      adv();
    } else if (c === '"') {
      if (str().includes('\u0000')) f.nulStrings.add(ptr);
    } else {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?|^true|^false|^null/.exec(text.slice(i, i + 4096));
      if (!m) throw new Error(`cannot read the text at ${i}`);
      if (m[0] !== 'true' && m[0] !== 'false' && m[0] !== 'null') {
        if (!f.numbers.has(ptr)) f.numbers.set(ptr, []);
        f.numbers.get(ptr).push(m[0]);
      }
      adv(m[0].length);
    }
  };
  if (text.startsWith('\ufeff')) adv();
  value('', 0);
  return f;
}

// What the exact value of a number token is: { zero, integer, big: |v| > 2^53-1 }.
function exact(token) {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(token);
  let digits = (m[2] + (m[3] || '')).replace(/^0+/, '');
  let exp = Number(m[4] || 0) - (m[3] || '').length;
  if (digits === '') return { zero: true, integer: true, big: false };
  const stripped = digits.replace(/0+$/, '');
  exp += digits.length - stripped.length;
  digits = stripped;
  const integer = exp >= 0;
  // The value has `whole` digits before the point; 2^53 - 1 has 16.
  const whole = digits.length + exp;
  const big = whole > 16 || (whole === 16 &&
    (exp >= 0 ? BigInt(digits) * 10n ** BigInt(exp) > MAX_SAFE : BigInt(digits) > MAX_SAFE * 10n ** BigInt(-exp)));
  return { zero: false, integer, big };
}

// The intentional difference that explains our rejecting a message ajv
// accepts, or null.
function explain(msg, ours) {
  if (ours.status.endsWith('_ERR_TOO_LARGE')) return msg.bytes > MAX_INPUT_SIZE ? 'size-limit' : null;
  const f = facts(msg.text);
  const p = ours.path;
  const at = (q) => (ours.truncated ? q.startsWith(p.slice(0, -3)) : q === p);
  const st = ours.status.replace(/^[A-Z0-9]+_(ERR_)?/, '');
  if (st === 'DEPTH') return f.depth > MAX_DEPTH ? 'depth-limit' : null;
  if (st === 'SYNTAX') return f.lone.has(ours.offset) ? 'lone-surrogate' : null;
  if (f.dups.some((d) => at(d.ptr) || p.startsWith(`${d.ptr}/`)))
    return 'duplicate-key';
  if (st === 'VALUE' && ([...f.nulStrings].some(at) || [...f.nulKeyObjects].some(at))) return 'nul';
  for (const [ptr, tokens] of f.numbers) {
    if (!at(ptr)) continue;
    for (const t of tokens) {
      const x = exact(t);
      const d = Number(t);
      if ((st === 'RANGE' || st === 'VALUE') && x.big && x.integer && Number.isInteger(d)) return 'big-integer';
      if (st === 'TYPE' && !x.integer && Number.isInteger(d)) return 'rounded-number';
      if (st === 'RANGE' && !x.zero && d === 0) return 'rounded-number';
      if (st === 'RANGE' && !Number.isFinite(d)) return 'overflow';
    }
  }
  return null;
}

function show(s, max = 600) {
  const j = JSON.stringify(s);
  return j.length > max ? `${j.slice(0, max)}... (${s.length} characters)` : j;
}

function main() {
  const a = args(process.argv.slice(2));
  const messages = readMessages(a.messages);
  const verdicts = readJsonl(a.verdicts);
  const ours = readJsonl(a.ours);
  if (messages.length !== verdicts.length || messages.length !== ours.length)
    throw new Error(`${messages.length} messages, ${verdicts.length} ajv verdicts, ${ours.length} of ours`);
  const stats = new Map();
  const bad = [];
  messages.forEach((msg, n) => {
    const v = verdicts[n];
    const o = ours[n];
    if (v.type !== msg.type) throw new Error(`message ${n}: verdict for ${v.type}, message of ${msg.type}`);
    if (!stats.has(msg.type)) stats.set(msg.type, { count: 0, ajv: 0, ours: 0, exceptions: {} });
    const s = stats.get(msg.type);
    s.count++;
    const accepted = /_OK$/.test(o.status);
    if (v.valid) s.ajv++;
    if (accepted) s.ours++;
    // The text layer must agree too, even where both reject: JSON.parse
    // refuses a text exactly when we report a syntax error.
    const syntax = /_ERR_SYNTAX$/.test(o.status);
    if (v.valid === accepted && Boolean(v.notJson) === syntax) return;
    const why = (v.valid && !accepted) || (!v.notJson && syntax) ? explain(msg, o) : null;
    if (why) s.exceptions[why] = (s.exceptions[why] || 0) + 1;
    else bad.push({ n, msg, v, o });
  });
  let failed = false;
  for (const [type, s] of stats) {
    const ex = Object.entries(s.exceptions).map(([k, c]) => `${k} ${c}`).join(', ') || 'none';
    console.log(`${type}: ${s.count} messages, ajv accepts ${s.ajv}, we accept ${s.ours}; intentional differences: ${ex}`);
    if (s.count < Number(a['min-count'])) { console.log(`  FAIL: fewer than ${a['min-count']} messages`); failed = true; }
    if (s.ajv < s.count / 10 || s.count - s.ajv < s.count / 10) {
      console.log('  FAIL: less than a tenth of the messages are valid, or invalid: the generator is off');
      failed = true;
    }
  }
  for (const { n, msg, v, o } of bad.slice(0, Number(a['max-report']))) {
    console.log(`\nDISAGREEMENT, message ${n} (${msg.type}, mutations: ${v.kinds.join(' ') || 'none'})`);
    console.log(`  text: ${show(msg.text)}`);
    console.log(`  ajv:  ${v.valid ? 'accepts' : `rejects: ${JSON.stringify(v.errors)}`}`);
    console.log(`  ours: ${/_OK$/.test(o.status) ? 'accepts' : `rejects: ${o.status} at "${o.path}" (offset ${o.offset}): ${o.message}`}`);
  }
  if (bad.length) console.log(`\n${bad.length} disagreement(s)${bad.length > Number(a['max-report']) ? `, the first ${a['max-report']} shown` : ''}`);
  process.exit(failed || bad.length ? 1 : 0);
}

main();
