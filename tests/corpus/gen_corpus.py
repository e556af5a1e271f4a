#!/usr/bin/env python3
"""Writes the decode corpus: tests/corpus/valid/<type>/*.json,
tests/corpus/malformed/<type>/*.json and tests/corpus/malformed/expected.txt.

The files are committed (they also seed the fuzz targets, one per decode
function); this script is only needed to change them. Run it from anywhere:
it rewrites every .json file below valid/ and malformed/.

A malformed case is raw bytes. In text-level cases (SYNTAX, DEPTH) the mark
<@> stands just before the byte the error must be reported at; it is removed
and its position becomes the expected offset. Other cases have no offset.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MARK = b"<@>"
TEXT_LEVEL = {"SYNTAX", "DEPTH", "TOO_LARGE"}
CODES = TEXT_LEVEL | {"TYPE", "MISSING", "VALUE", "DUPLICATE", "UNKNOWN_KEY", "RANGE"}


def b(text):
    return text.encode("utf-8") if isinstance(text, str) else text


def sub(base, old, new):
    """base with the one occurrence of old replaced by new."""
    base, old, new = b(base), b(old), b(new)
    assert base.count(old) == 1, (base, old)
    return base.replace(old, new)


# ---- Base messages ----

MSG = b'{"type":"t","orgId":"o","trackingId":"k","data":{}}'

SLS = b(
    '{"type":"StationLogin","orgId":"org-env","trackingId":"trk-env",'
    '"data":{"agentId":"agent-1","agentSessionId":"sess-1","auxCodeId":"aux-0",'
    '"channelsMap":{"chat":["c1"],"email":[]},"dialNumber":"+1408",'
    '"eventType":"AgentDesktopMessage","interactionIds":["i1","i2"],'
    '"lastIdleCodeChangeTimestamp":1733211616959,'
    '"lastStateChangeTimestamp":1733211617012,"orgId":"org-data",'
    '"profileType":"BLENDED","roles":["agent"],"siteId":"site-1",'
    '"status":"LoggedIn","subStatus":"Available","supervisorSessionId":"sup-1",'
    '"teamId":"team-1","trackingId":"trk-data","type":"AgentStationLoginSuccess"}}')

SLS_DATA = SLS[SLS.index(b'{"agentId"'):-1]

KW = b'{"text":"t","small":0,"kind":"keywords","color":"red","origin":{"x":0,"y":0}}'


def msg_type(value):
    """MSG with the root "type" member's value replaced by raw text."""
    return sub(MSG, b'"type":"t"', b'"type":' + b(value))


def msg_extra(member):
    """MSG with one more member (raw text) after data."""
    return MSG[:-1] + b"," + b(member) + b"}"


def sls(old, new):
    return sub(SLS, old, new)


def sls_data(key, value):
    """SLS with data member key's value replaced (raw text)."""
    start = SLS.index(b'{"agentId"')
    at = SLS.index(b'"' + b(key) + b'":', start) + len(key) + 3
    end = at
    depth = 0
    while True:
        c = SLS[end:end + 1]
        if c in (b"[", b"{"):
            depth += 1
        elif c in (b"]", b"}"):
            if depth == 0:
                break
            depth -= 1
        elif c == b"," and depth == 0:
            break
        elif c == b'"':
            end = SLS.index(b'"', end + 1)
        end += 1
    return SLS[:at] + b(value) + SLS[end:]


def sls_drop(key):
    """SLS without data member key."""
    text = sls_data(key, b"@@")
    return sub(text, b'"' + b(key) + b'":@@,', b"") if b'"' + b(key) + b'":@@,' in text \
        else sub(text, b',"' + b(key) + b'":@@', b"")


def kw(extra):
    """KW with extra members (raw text, starting with a comma) at the end."""
    return KW[:-1] + b(extra) + b"}"


def kw_set(key, value):
    """KW with a required member's value replaced (raw text)."""
    values = {"text": b'"t"', "small": b"0", "kind": b'"keywords"', "color": b'"red"',
              "origin": b'{"x":0,"y":0}'}
    return sub(KW, b'"' + b(key) + b'":' + values[key], b'"' + b(key) + b'":' + b(value))


def kw_drop(key):
    text = kw_set(key, b"@@")
    if text.startswith(b'{"' + b(key)):
        return sub(text, b'"' + b(key) + b'":@@,', b"")
    return sub(text, b',"' + b(key) + b'":@@', b"")


def nest(n, open_=b"[", close=b"]"):
    return open_ * n + close * n


# ---- Malformed cases: (type, what, text with <@> for text-level, code, path) ----

CASES = []


def case(type_, what, text, code, path=""):
    CASES.append((type_, what, b(text), code, path))


def syntax(type_, what, text):
    case(type_, what, text, "SYNTAX")


def grammar():
    t = "wcc_msg"
    syntax(t, "empty", b"<@>")
    syntax(t, "whitespace_only", b" \r\n\t<@>")
    syntax(t, "open_brace_only", b"{<@>")
    syntax(t, "key_then_end", b'{"type"<@>')
    syntax(t, "colon_then_end", b'{"type":<@>')
    syntax(t, "value_then_end", b'{"type":"t"<@>')
    syntax(t, "comma_then_end", b'{"type":"t",<@>')
    syntax(t, "trailing_comma_object", b'{"type":"t",<@>}')
    syntax(t, "double_comma", b'{"type":"t",<@>,"orgId":"o"}')
    syntax(t, "missing_colon", b'{"type" <@>"t"}')
    syntax(t, "missing_comma", b'{"type":"t" <@>"orgId":"o"}')
    syntax(t, "unquoted_key", b"{<@>type:1}")
    syntax(t, "single_quoted_key", b"{<@>'type':1}")
    syntax(t, "single_quoted_value", b'{"type":<@>\'t\'}')
    syntax(t, "number_key", b"{<@>1:1}")
    syntax(t, "missing_value", b'{"type":<@>}')
    syntax(t, "trailing_comma_array", b'{"x":[1,2,<@>]}')
    syntax(t, "array_missing_comma", b'{"x":[1 <@>2]}')
    syntax(t, "array_closed_by_brace", b'{"x":[<@>}')
    syntax(t, "object_closed_by_bracket", b'{"x":{<@>]}')
    syntax(t, "array_unclosed_then_brace", b'{"x":[1<@>}')
    syntax(t, "literal_tru", b'{"x":tru<@>}')
    syntax(t, "literal_nul_end", b'{"x":nul<@>')
    syntax(t, "literal_True", b'{"x":<@>True}')
    syntax(t, "literal_falsey", b'{"x":false<@>y}')
    syntax(t, "literal_undefined", b'{"x":<@>undefined}')
    syntax(t, "literal_None", b'{"x":<@>None}')
    syntax(t, "comment_block", b'{"x":1 <@>/*c*/}')
    syntax(t, "comment_line_before", b"<@>// c\n{}")
    syntax(t, "extra_close_brace", MSG + b"<@>}")
    syntax(t, "extra_close_bracket", MSG + b"<@>]")
    syntax(t, "trailing_letter", MSG + b"<@>x")
    syntax(t, "trailing_second_object", MSG + b" <@>{}")
    syntax(t, "trailing_comma", MSG + b"<@>,")
    syntax(t, "trailing_nul", MSG + b"<@>\x00")
    syntax(t, "leading_nul", b"<@>\x00" + MSG)
    syntax(t, "nul_between_tokens", sub(MSG, b'"type":', b'"type":<@>\x00'))
    syntax(t, "form_feed_whitespace", sub(MSG, b'"type":', b'"type":<@>\x0c'))
    syntax(t, "vertical_tab_whitespace", sub(MSG, b'"type":', b'"type":<@>\x0b'))
    syntax(t, "nbsp_whitespace", sub(MSG, b'"type":', b'"type":<@>\xc2\xa0'))
    syntax(t, "u2028_whitespace", sub(MSG, b'"type":', b'"type":<@>\xe2\x80\xa8'))
    syntax(t, "bom_twice", b"\xef\xbb\xbf<@>\xef\xbb\xbf" + MSG)
    syntax(t, "bom_after_space", b" <@>\xef\xbb\xbf" + MSG)
    syntax(t, "bom_inside_object", b"{<@>\xef\xbb\xbf" + MSG[1:])
    syntax(t, "bom_at_end", MSG + b"<@>\xef\xbb\xbf")
    syntax(t, "bom_partial", b"<@>\xef\xbb" + MSG)
    syntax(t, "utf16le_bom", b"<@>\xff\xfe" + MSG)
    syntax(t, "root_bare_word", b"<@>hello")
    syntax("wcc_station_login_success", "cut_before_last_brace", SLS[:-1] + b"<@>")
    syntax("kw_keywords", "unterminated_object_in_array",
           kw(b',"points":[{"at":{"x":0,"y":0}<@>]'))


def strings():
    t = "wcc_msg"
    syntax(t, "unterminated_string", b'{"type":"abc<@>')
    syntax(t, "unterminated_key", b'{"typ<@>')
    syntax(t, "raw_newline_in_key", b'{"ty<@>\npe":"t"}')
    syntax(t, "raw_tab_in_key", b'{"ty<@>\tpe":"t"}')
    syntax(t, "raw_control_in_ignored", msg_extra(b'"x":["a<@>\x1f"]'))
    syntax(t, "escape_x", msg_type(b'"a\\<@>x41"'))
    syntax(t, "escape_U", msg_type(b'"a\\<@>U0041"'))
    syntax(t, "escape_single_quote", msg_type(b'"a\\<@>\'"'))
    syntax(t, "escape_a", msg_type(b'"\\<@>a"'))
    syntax(t, "escape_digit", msg_type(b'"\\<@>0"'))
    syntax(t, "escape_raw_nul", msg_type(b'"\\<@>\x00"'))
    syntax(t, "escape_at_end", b'{"type":"ab\\<@>')
    syntax(t, "escape_u_bad_hex", msg_type(b'"\\u12<@>G4"'))
    syntax(t, "escape_u_short", msg_type(b'"\\u12<@>"'))
    syntax(t, "escape_u_at_end", b'{"type":"\\u0<@>')
    syntax(t, "escape_in_key", b'{"ty\\<@>qpe":"t"}')
    syntax(t, "lone_high_surrogate", msg_type(b'"a<@>\\ud800"'))
    syntax(t, "lone_low_surrogate", msg_type(b'"a<@>\\udc00b"'))
    syntax(t, "high_then_letter", msg_type(b'"<@>\\uD800x"'))
    syntax(t, "high_then_non_low", msg_type(b'"<@>\\ud800\\u0041"'))
    syntax(t, "high_then_high", msg_type(b'"<@>\\ud83d\\ud83d"'))
    syntax(t, "low_then_high", msg_type(b'"<@>\\udc00\\ud800"'))
    syntax(t, "high_then_escape_n", msg_type(b'"<@>\\ud800\\n"'))
    syntax(t, "lone_surrogate_in_key", b'{"<@>\\udfff":1}')
    syntax(t, "lone_surrogate_in_ignored", msg_extra(b'"x":{"y":"<@>\\ud800"}'))
    syntax(t, "high_surrogate_at_end", b'{"type":"\\ud800<@>')


def controls():
    for c in range(0x20):
        syntax("wcc_msg", "raw_control_%02x" % c, msg_type(b'"a<@>' + bytes([c]) + b'b"'))


UTF8_CLASSES = [
    ("lone_continuation_80", b"\x80"),
    ("lone_continuation_bf", b"\xbf"),
    ("continuations_after_ascii", b"\x80\x80"),
    ("overlong2_c0_80", b"\xc0\x80"),
    ("overlong2_c1_bf", b"\xc1\xbf"),
    ("overlong3_e0_80_80", b"\xe0\x80\x80"),
    ("overlong3_e0_9f_bf", b"\xe0\x9f\xbf"),
    ("overlong4_f0_80_80_80", b"\xf0\x80\x80\x80"),
    ("overlong4_f0_8f_bf_bf", b"\xf0\x8f\xbf\xbf"),
    ("surrogate_ed_a0_80", b"\xed\xa0\x80"),
    ("surrogate_ed_bf_bf", b"\xed\xbf\xbf"),
    ("surrogate_pair_cesu8", b"\xed\xa0\xbd\xed\xb8\x80"),
    ("above_max_f4_90", b"\xf4\x90\x80\x80"),
    ("above_max_f5", b"\xf5\x80\x80\x80"),
    ("above_max_f7", b"\xf7\xbf\xbf\xbf"),
    ("five_byte_f8", b"\xf8\x88\x80\x80\x80"),
    ("six_byte_fc", b"\xfc\x84\x80\x80\x80\x80"),
    ("invalid_byte_c0", b"\xc0a"),
    ("invalid_byte_c1", b"\xc1a"),
    ("invalid_byte_fe", b"\xfe"),
    ("invalid_byte_ff", b"\xff"),
    ("truncated2_mid", b"\xc3A"),
    ("truncated3_mid", b"\xe2\x82A"),
    ("truncated4_mid", b"\xf0\x9f\x98A"),
    ("truncated3_bad_second", b"\xe2\xc3\xa9"),
    ("truncated2_at_quote", b"\xc3"),
    ("truncated3_at_quote", b"\xe2\x82"),
    ("truncated4_at_quote", b"\xf0\x9f\x98"),
]

KEY_CLASSES = {"lone_continuation_80", "overlong2_c0_80", "overlong3_e0_80_80",
               "overlong4_f0_80_80_80", "surrogate_ed_a0_80", "above_max_f4_90",
               "above_max_f5", "invalid_byte_ff", "truncated2_mid", "truncated3_mid",
               "truncated4_at_quote", "invalid_byte_c1"}


def utf8():
    for name, seq in UTF8_CLASSES:
        syntax("wcc_msg", "utf8_value_" + name, msg_type(b'"ok<@>' + seq + b'"'))
    for name, seq in UTF8_CLASSES:
        if name in KEY_CLASSES:
            syntax("wcc_msg", "utf8_key_" + name, msg_extra(b'"k<@>' + seq + b'":1'))
    syntax("wcc_msg", "utf8_ignored_overlong", msg_extra(b'"x":["<@>\xc0\xaf"]'))
    syntax("wcc_msg", "utf8_ignored_surrogate", msg_extra(b'"x":{"<@>\xed\xb0\x80":0}'))
    syntax("wcc_msg", "utf8_bare_byte_outside_string", b"{<@>\xc3\xa9" + MSG[1:])
    syntax("wcc_msg", "utf8_truncated2_at_end", b'{"type":"\xc3<@>')
    syntax("wcc_msg", "utf8_truncated4_at_end", b'{"type":"\xf0\x9f\x98<@>')
    syntax("wcc_station_login_success", "utf8_in_map_key",
           sls_data("channelsMap", b'{"c<@>\xff":[]}'))
    syntax("kw_keywords", "utf8_in_enum", kw_set("color", b'"re<@>\xe4"'))


def numbers():
    def num(what, text):
        syntax("kw_keywords", "number_" + what, kw_set("small", text))
    num("leading_zero", b"0<@>1")
    num("leading_zero_negative", b"-0<@>1")
    num("double_zero", b"0<@>0")
    num("leading_zero_fraction", b"0<@>0.5")
    num("hex", b"0<@>x1F")
    num("hex_upper", b"0<@>X1f")
    num("trailing_dot", b"1.<@>")
    num("leading_dot", b"<@>.5")
    num("plus_sign", b"<@>+1")
    num("minus_alone", b"-<@>")
    num("double_minus", b"-<@>-1")
    num("exponent_empty", b"1e<@>")
    num("exponent_sign_only", b"1e+<@>")
    num("dot_then_exponent", b"1.<@>e1")
    num("exponent_fraction", b"1e5<@>.5")
    num("two_dots", b"0.5<@>.1")
    num("NaN", b"<@>NaN")
    num("minus_NaN", b"-<@>NaN")
    num("nan_lower", b"n<@>an")
    num("Infinity", b"<@>Infinity")
    num("minus_Infinity", b"-<@>Infinity")
    num("plus_Infinity", b"<@>+Infinity")
    num("inf_lower", b"<@>inf")
    num("underscore", b"1<@>_000")
    num("arabic_digit", b"<@>\xd9\xa1")
    num("fullwidth_digit", b"<@>\xef\xbc\x91")
    syntax("wcc_msg", "number_leading_zero_ignored", msg_extra(b'"x":[0<@>07]'))
    syntax("wcc_msg", "number_hex_ignored", msg_extra(b'"x":0<@>xFF'))


def depth():
    # The root object is level 1, so the 512th '[' opens level 513.
    syntax_like = "wcc_msg"
    deep = b"[" * 511 + b"<@>[" + b"]" * 512
    case(syntax_like, "depth_513_arrays_ignored", msg_extra(b'"x":' + deep), "DEPTH")
    deep_obj = b'{"a":' * 511 + b'<@>{"a":1' + b"}" * 512
    case(syntax_like, "depth_513_objects_ignored", msg_extra(b'"x":' + deep_obj), "DEPTH")
    case(syntax_like, "depth_513_mixed_in_data",
         sub(MSG, b'"data":{}', b'"data":{"x":' + b'[{"a":' * 255 + b"<@>[]" +
             b"}]" * 255 + b"}"), "DEPTH")
    # A syntax error after the depth error still wins.
    syntax(syntax_like, "depth_then_syntax",
           msg_extra(b'"x":' + b"[" * 600 + b"]" * 599 + b"<@>}"))
    # A schema error before the depth error loses to it (text-level first).
    case(syntax_like, "type_error_then_depth",
         sub(msg_extra(b'"x":' + b"[" * 511 + b"<@>[" + b"]" * 512), b'"type":"t"', b'"type":1'),
         "DEPTH")
    case(syntax_like, "nul_escape_then_depth",
         sub(msg_extra(b'"x":' + b"[" * 511 + b"<@>[" + b"]" * 512), b'"type":"t"',
             b'"type":"\\u0000"'), "DEPTH")
    case("kw_keywords", "depth_in_grid",
         kw(b',"grid":[' + b"[" * 510 + b"<@>[" + b"]" * 511 + b"]"), "DEPTH")


def precedence():
    t = "wcc_msg"
    syntax(t, "type_error_then_syntax", sub(MSG, b'"type":"t"', b'"type":1') + b"<@>x")
    syntax(t, "missing_then_syntax", b'{"data":{}}<@>,')
    syntax(t, "nul_escape_then_syntax", msg_type(b'"\\u0000"') + b"<@>]")
    syntax(t, "duplicate_then_syntax", b'{"type":"a","type":"b",<@>}')
    syntax("kw_keywords", "unknown_key_then_syntax", kw(b',"bogus":1 <@>"x"'))
    syntax("kw_keywords", "range_then_syntax", kw_set("small", b"2147483648") + b"<@>\x01")


def wcc_msg_schema():
    t = "wcc_msg"
    for what, text in [("array", b"[]"), ("string", b'"s"'), ("number", b"1"),
                       ("null", b"null"), ("true", b"true")]:
        case(t, "root_" + what, text, "TYPE", "")
    case(t, "root_array_of_objects", b"[" + MSG + b"]", "TYPE", "")
    case(t, "empty_object", b"{}", "MISSING", "/type")
    case(t, "missing_orgId", sub(MSG, b'"orgId":"o",', b""), "MISSING", "/orgId")
    case(t, "missing_trackingId", sub(MSG, b'"trackingId":"k",', b""), "MISSING", "/trackingId")
    case(t, "missing_data", sub(MSG, b',"data":{}', b""), "MISSING", "/data")
    case(t, "missing_all_but_data", b'{"data":{}}', "MISSING", "/type")
    case(t, "type_number", msg_type(b"1"), "TYPE", "/type")
    case(t, "type_null", msg_type(b"null"), "TYPE", "/type")
    case(t, "type_true", msg_type(b"true"), "TYPE", "/type")
    case(t, "type_array", msg_type(b'["t"]'), "TYPE", "/type")
    case(t, "type_object", msg_type(b'{"t":1}'), "TYPE", "/type")
    case(t, "data_array", sub(MSG, b'"data":{}', b'"data":[]'), "TYPE", "/data")
    case(t, "data_string", sub(MSG, b'"data":{}', b'"data":"{}"'), "TYPE", "/data")
    case(t, "data_null", sub(MSG, b'"data":{}', b'"data":null'), "TYPE", "/data")
    case(t, "type_nul_escape", msg_type(b'"\\u0000"'), "VALUE", "/type")
    case(t, "type_nul_escape_inside", msg_type(b'"ab\\u0000cd"'), "VALUE", "/type")
    case(t, "orgId_nul_escape", sub(MSG, b'"orgId":"o"', b'"orgId":"o\\u0000"'), "VALUE",
         "/orgId")
    case(t, "dup_type", sub(MSG, b'"orgId"', b'"type":"u","orgId"'), "DUPLICATE", "/type")
    case(t, "dup_type_escaped", sub(MSG, b'"orgId"', b'"typ\\u0065":"u","orgId"'),
         "DUPLICATE", "/type")
    case(t, "dup_data", msg_extra(b'"data":{}'), "DUPLICATE", "/data")
    case(t, "dup_unknown_top", msg_extra(b'"x":1,"x":2'), "DUPLICATE", "/x")
    case(t, "dup_in_data", sub(MSG, b'"data":{}', b'"data":{"k":1,"k":2}'), "DUPLICATE",
         "/data/k")
    case(t, "dup_in_ignored_nested", msg_extra(b'"x":{"a":{"b":1,"c":2,"b":3}}'),
         "DUPLICATE", "/x/a/b")
    case(t, "dup_in_ignored_array", msg_extra(b'"x":[{"k":1},{"l":1,"k":2,"k":3}]'),
         "DUPLICATE", "/x/1/k")
    case(t, "dup_escaped_slash", msg_extra(b'"a/b":1,"a\\/b":2'), "DUPLICATE", "/a~1b")
    case(t, "dup_tilde", msg_extra(b'"~":1,"\\u007e":2'), "DUPLICATE", "/~0")
    case(t, "dup_empty_key", msg_extra(b'"":1,"":2'), "DUPLICATE", "/")
    case(t, "dup_unicode_key", msg_extra(b'"\xc3\xa9":1,"\\u00e9":2'), "DUPLICATE",
         "/\u00e9")
    case(t, "dup_in_ignored_deep_first", msg_extra(b'"x":[[{"a":{"k":0,"k":0}}],{"z":0,"z":0}]'),
         "DUPLICATE", "/x/0/0/a/k")
    # Document order between schema errors.
    case(t, "type_error_before_dup", b'{"type":1,"type":"a"}', "TYPE", "/type")
    case(t, "dup_before_type_error", b'{"x":1,"x":2,"type":1}', "DUPLICATE", "/x")
    case(t, "ignored_dup_before_type_error",
         b'{"type":"a","x":{"k":1,"k":2},"orgId":5}', "DUPLICATE", "/x/k")
    case(t, "type_error_before_ignored_dup",
         b'{"type":"a","orgId":5,"x":{"k":1,"k":2}}', "TYPE", "/orgId")
    case(t, "dup_in_data_before_missing", b'{"data":{"k":1,"k":2}}', "DUPLICATE", "/data/k")
    case(t, "nul_key_not_type", b'{"type\\u0000":"t","orgId":"o","trackingId":"k","data":{}}',
         "MISSING", "/type")


def wcc_data_schema():
    t = "wcc_msg_data"
    case(t, "root_array", b"[{}]", "TYPE", "")
    case(t, "root_string", b'"{}"', "TYPE", "")
    case(t, "dup_key", b'{"a":1,"a":2}', "DUPLICATE", "/a")
    t = "wcc_station_login_success_data"
    case(t, "empty_object", b"{}", "MISSING", "/agentId")
    case(t, "root_null", b"null", "TYPE", "")
    case(t, "type_const_mismatch", sub(SLS_DATA, b'"AgentStationLoginSuccess"', b'"X"'),
         "VALUE", "/type")


def sls_schema():
    t = "wcc_station_login_success"
    case(t, "missing_env_trackingId", sls(b'"trackingId":"trk-env",', b""), "MISSING",
         "/trackingId")
    for key in ["agentId", "channelsMap", "eventType", "interactionIds",
                "lastStateChangeTimestamp", "subStatus", "type"]:
        case(t, "missing_data_" + key, sls_drop(key), "MISSING", "/data/" + key)
    case(t, "data_empty", sls_data_replace_all(b"{}"), "MISSING", "/data/agentId")
    case(t, "data_array", sls_data_replace_all(b"[]"), "TYPE", "/data")
    case(t, "eventType_mismatch", sls_data("eventType", b'"AgentDesktopMessag"'), "VALUE",
         "/data/eventType")
    case(t, "eventType_number", sls_data("eventType", b"1"), "TYPE", "/data/eventType")
    case(t, "eventType_null", sls_data("eventType", b"null"), "TYPE", "/data/eventType")
    case(t, "type_const_trailing_space", sls_data("type", b'"AgentStationLoginSuccess "'),
         "VALUE", "/data/type")
    case(t, "type_const_case", sls_data("type", b'"agentstationloginsuccess"'), "VALUE",
         "/data/type")
    case(t, "type_const_nul", sls_data("type", b'"AgentStationLoginSuccess\\u0000"'), "VALUE",
         "/data/type")
    case(t, "subStatus_case", sls_data("subStatus", b'"available"'), "VALUE", "/data/subStatus")
    case(t, "subStatus_other", sls_data("subStatus", b'"Busy"'), "VALUE", "/data/subStatus")
    case(t, "subStatus_empty", sls_data("subStatus", b'""'), "VALUE", "/data/subStatus")
    case(t, "subStatus_number", sls_data("subStatus", b"1"), "TYPE", "/data/subStatus")
    case(t, "subStatus_array", sls_data("subStatus", b'["Idle"]'), "TYPE", "/data/subStatus")
    ts = "lastIdleCodeChangeTimestamp"
    case(t, "timestamp_string", sls_data(ts, b'"1733211616959"'), "TYPE", "/data/" + ts)
    case(t, "timestamp_fraction", sls_data(ts, b"1733211616959.5"), "TYPE", "/data/" + ts)
    case(t, "timestamp_true", sls_data(ts, b"true"), "TYPE", "/data/" + ts)
    case(t, "timestamp_1e400", sls_data(ts, b"1e400"), "RANGE", "/data/" + ts)
    case(t, "timestamp_minus_2p63_minus_1", sls_data(ts, b"-9223372036854775809"), "RANGE",
         "/data/" + ts)
    case(t, "timestamp_2p63", sls_data(ts, b"9223372036854775808"), "RANGE", "/data/" + ts)
    case(t, "timestamp_30_digits", sls_data(ts, b"123456789012345678901234567890"), "RANGE",
         "/data/" + ts)
    case(t, "timestamp_near_integer", sls_data(ts, b"1.0000000000000001"), "TYPE",
         "/data/" + ts)
    case(t, "interactionIds_string", sls_data("interactionIds", b'"i1"'), "TYPE",
         "/data/interactionIds")
    case(t, "interactionIds_object", sls_data("interactionIds", b"{}"), "TYPE",
         "/data/interactionIds")
    case(t, "interactionIds_item_number", sls_data("interactionIds", b'[1]'), "TYPE",
         "/data/interactionIds/0")
    case(t, "interactionIds_item_null", sls_data("interactionIds", b'["a",null]'), "TYPE",
         "/data/interactionIds/1")
    case(t, "interactionIds_item_nul", sls_data("interactionIds", b'["a","\\u0000"]'),
         "VALUE", "/data/interactionIds/1")
    case(t, "roles_null", sls_data("roles", b"null"), "TYPE", "/data/roles")
    case(t, "dialNumber_number", sls_data("dialNumber", b"5"), "TYPE", "/data/dialNumber")
    case(t, "agentId_nul", sls_data("agentId", b'"a\\u0000"'), "VALUE", "/data/agentId")
    case(t, "channelsMap_array", sls_data("channelsMap", b"[]"), "TYPE", "/data/channelsMap")
    case(t, "channelsMap_value_string", sls_data("channelsMap", b'{"chat":"c1"}'), "TYPE",
         "/data/channelsMap/chat")
    case(t, "channelsMap_item_number", sls_data("channelsMap", b'{"chat":["c",1]}'), "TYPE",
         "/data/channelsMap/chat/1")
    case(t, "channelsMap_escaped_key", sls_data("channelsMap", b'{"a/b~":[2]}'), "TYPE",
         "/data/channelsMap/a~1b~0/0")
    case(t, "channelsMap_dup", sls_data("channelsMap", b'{"chat":[],"email":[],"chat":[]}'),
         "DUPLICATE", "/data/channelsMap/chat")
    case(t, "channelsMap_key_nul", sls_data("channelsMap", b'{"ch\\u0000at":[]}'), "VALUE",
         "/data/channelsMap")
    case(t, "orgId_null", sls(b'"orgId":"org-env"', b'"orgId":null'), "TYPE", "/orgId")
    case(t, "dup_agentId", sls_data("agentId", b'"a","agentId":"b"'), "DUPLICATE",
         "/data/agentId")
    case(t, "dup_in_unknown_data_member", sls_data("agentId", b'"a","u":{"k":[{"d":1,"d":1}]}'),
         "DUPLICATE", "/data/u/k/0/d")
    case(t, "data_error_before_env_missing",
         sls(b'"trackingId":"trk-env",', b"").replace(b'"agentId":"agent-1"', b'"agentId":7'),
         "TYPE", "/data/agentId")


def sls_data_replace_all(value):
    return SLS[:SLS.index(b'{"agentId"')] + value + b"}"


def kw_schema():
    t = "kw_keywords"
    for what, text in [("array", b"[]"), ("null", b"null")]:
        case(t, "root_" + what, text, "TYPE", "")
    case(t, "empty_object", b"{}", "MISSING", "/text")
    for key in ["text", "small", "kind", "color", "origin"]:
        case(t, "missing_" + key, kw_drop(key), "MISSING", "/" + key)
    case(t, "type_error_before_missing", b'{"small":"x"}', "TYPE", "/small")
    case(t, "unknown_key", kw(b',"bogus":1'), "UNKNOWN_KEY", "/bogus")
    case(t, "unknown_key_case", kw(b',"Text":"t"'), "UNKNOWN_KEY", "/Text")
    case(t, "unknown_key_escaped", kw(b',"a/b~c":1'), "UNKNOWN_KEY", "/a~1b~0c")
    case(t, "unknown_key_before_its_dup", kw(b',"bogus":{"a":1,"a":2}'), "UNKNOWN_KEY", "/bogus")
    case(t, "unknown_key_first", b'{"zzz":1,"text":5}', "UNKNOWN_KEY", "/zzz")
    case(t, "dup_kind", kw(b',"kind":"keywords"'), "DUPLICATE", "/kind")
    case(t, "small_below", kw_set("small", b"-6"), "VALUE", "/small")
    case(t, "small_above", kw_set("small", b"6"), "VALUE", "/small")
    case(t, "small_1e2", kw_set("small", b"1e2"), "VALUE", "/small")
    case(t, "small_int32_max_plus_1", kw_set("small", b"2147483648"), "RANGE", "/small")
    case(t, "small_int32_min_minus_1", kw_set("small", b"-2147483649"), "RANGE", "/small")
    case(t, "small_fraction", kw_set("small", b"1.5"), "TYPE", "/small")
    case(t, "small_near_integer", kw_set("small", b"1.0000000000000001"), "TYPE", "/small")
    case(t, "small_exp_fraction", kw_set("small", b"1e-2"), "TYPE", "/small")
    case(t, "small_huge_negative_exponent", kw_set("small", b"1e-99999999999999999999"),
         "TYPE", "/small")
    case(t, "small_string", kw_set("small", b'"1"'), "TYPE", "/small")
    case(t, "small_null", kw_set("small", b"null"), "TYPE", "/small")
    case(t, "small_true", kw_set("small", b"true"), "TYPE", "/small")
    case(t, "big_zero", kw(b',"big":0'), "VALUE", "/big")
    case(t, "big_minus_zero", kw(b',"big":-0'), "VALUE", "/big")
    case(t, "big_minus_one", kw(b',"big":-1'), "VALUE", "/big")
    case(t, "big_fraction", kw(b',"big":2.5'), "TYPE", "/big")
    case(t, "big_2p63", kw(b',"big":9223372036854775808'), "RANGE", "/big")
    case(t, "big_1e19", kw(b',"big":1e19'), "RANGE", "/big")
    case(t, "big_1e400", kw(b',"big":1e400'), "RANGE", "/big")
    case(t, "big_huge_exponent", kw(b',"big":1e99999999999999999999'), "RANGE", "/big")
    case(t, "big_100_digits", kw(b',"big":' + b"9" * 100), "RANGE", "/big")
    case(t, "ratio_max_excluded", kw(b',"ratio":1.5'), "VALUE", "/ratio")
    case(t, "ratio_negative", kw(b',"ratio":-0.001'), "VALUE", "/ratio")
    case(t, "ratio_1e400", kw(b',"ratio":1e400'), "RANGE", "/ratio")
    case(t, "ratio_minus_1e400", kw(b',"ratio":-1e400'), "RANGE", "/ratio")
    case(t, "ratio_1e_minus_400", kw(b',"ratio":1e-400'), "RANGE", "/ratio")
    case(t, "ratio_2e_minus_324", kw(b',"ratio":2e-324'), "RANGE", "/ratio")
    case(t, "ratio_1_8e308", kw(b',"ratio":1.8e308'), "RANGE", "/ratio")
    case(t, "ratio_huge_exponent", kw(b',"ratio":1e99999999999999999999'), "RANGE", "/ratio")
    case(t, "ratio_tiny_long", kw(b',"ratio":0.' + b"0" * 400 + b"1"), "RANGE", "/ratio")
    case(t, "ratio_string", kw(b',"ratio":"0.5"'), "TYPE", "/ratio")
    case(t, "ratio_true", kw(b',"ratio":true'), "TYPE", "/ratio")
    case(t, "flag_string", kw(b',"flag":"true"'), "TYPE", "/flag")
    case(t, "flag_one", kw(b',"flag":1'), "TYPE", "/flag")
    case(t, "flag_null", kw(b',"flag":null'), "TYPE", "/flag")
    case(t, "text_number", kw_set("text", b"5"), "TYPE", "/text")
    case(t, "text_null", kw_set("text", b"null"), "TYPE", "/text")
    case(t, "text_object", kw_set("text", b"{}"), "TYPE", "/text")
    case(t, "text_nul", kw_set("text", b'"a\\u0000b"'), "VALUE", "/text")
    case(t, "shortText_one", kw(b',"shortText":"a"'), "VALUE", "/shortText")
    case(t, "shortText_empty", kw(b',"shortText":""'), "VALUE", "/shortText")
    case(t, "shortText_five", kw(b',"shortText":"abcde"'), "VALUE", "/shortText")
    case(t, "shortText_five_multibyte", kw(b',"shortText":"\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac'
                                           b'\xe2\x82\xac\xe2\x82\xac"'), "VALUE", "/shortText")
    case(t, "shortText_one_escaped_pair", kw(b',"shortText":"\\ud83d\\ude00"'), "VALUE",
         "/shortText")
    case(t, "name_empty", kw(b',"name":""'), "VALUE", "/name")
    case(t, "name_nine", kw(b',"name":"123456789"'), "VALUE", "/name")
    case(t, "name_number", kw(b',"name":1'), "TYPE", "/name")
    case(t, "kind_other", kw_set("kind", b'"keyword"'), "VALUE", "/kind")
    case(t, "kind_case", kw_set("kind", b'"Keywords"'), "VALUE", "/kind")
    case(t, "kind_trailing_space", kw_set("kind", b'"keywords "'), "VALUE", "/kind")
    case(t, "kind_nul", kw_set("kind", b'"keywords\\u0000"'), "VALUE", "/kind")
    case(t, "kind_number", kw_set("kind", b"1"), "TYPE", "/kind")
    case(t, "kind_null", kw_set("kind", b"null"), "TYPE", "/kind")
    case(t, "color_other", kw_set("color", b'"blue"'), "VALUE", "/color")
    case(t, "color_underscore", kw_set("color", b'"dark_blue"'), "VALUE", "/color")
    case(t, "color_empty", kw_set("color", b'""'), "VALUE", "/color")
    case(t, "color_nul", kw_set("color", b'"red\\u0000"'), "VALUE", "/color")
    case(t, "color_number", kw_set("color", b"1"), "TYPE", "/color")
    case(t, "shade_other", kw(b',"shade":"medium"'), "VALUE", "/shade")
    case(t, "shade_null", kw(b',"shade":null'), "TYPE", "/shade")
    case(t, "origin_array", kw_set("origin", b"[0,0]"), "TYPE", "/origin")
    case(t, "origin_null", kw_set("origin", b"null"), "TYPE", "/origin")
    case(t, "origin_no_x", kw_set("origin", b'{"y":0}'), "MISSING", "/origin/x")
    case(t, "origin_no_y", kw_set("origin", b'{"x":1}'), "MISSING", "/origin/y")
    case(t, "origin_x_range", kw_set("origin", b'{"x":2147483648,"y":0}'), "RANGE", "/origin/x")
    case(t, "origin_y_range", kw_set("origin", b'{"x":0,"y":-2147483649}'), "RANGE", "/origin/y")
    case(t, "origin_x_fraction", kw_set("origin", b'{"x":0.5,"y":0}'), "TYPE", "/origin/x")
    case(t, "origin_unknown", kw_set("origin", b'{"x":0,"y":0,"z":0}'), "UNKNOWN_KEY",
         "/origin/z")
    case(t, "origin_dup", kw_set("origin", b'{"x":0,"x":1,"y":0}'), "DUPLICATE", "/origin/x")
    case(t, "tags_empty", kw(b',"tags":[]'), "VALUE", "/tags")
    case(t, "tags_four", kw(b',"tags":["a","b","c","d"]'), "VALUE", "/tags")
    case(t, "tags_item_long", kw(b',"tags":["a","abcd"]'), "VALUE", "/tags/1")
    case(t, "tags_item_number", kw(b',"tags":[1]'), "TYPE", "/tags/0")
    case(t, "tags_string", kw(b',"tags":"a"'), "TYPE", "/tags")
    case(t, "points_object", kw(b',"points":{}'), "TYPE", "/points")
    case(t, "points_item_number", kw(b',"points":[1]'), "TYPE", "/points/0")
    case(t, "points_item_no_at", kw(b',"points":[{"at":{"x":0,"y":0}},{}]'), "MISSING",
         "/points/1/at")
    case(t, "points_item_color", kw(b',"points":[{"at":{"x":0,"y":0},"color":"blue"}]'),
         "VALUE", "/points/0/color")
    case(t, "points_at_strict", kw(b',"points":[{"at":{"x":0,"y":0,"w":1}}]'), "UNKNOWN_KEY",
         "/points/0/at/w")
    case(t, "grid_row_number", kw(b',"grid":[[1],2]'), "TYPE", "/grid/1")
    case(t, "grid_cell_fraction", kw(b',"grid":[[1],[2,2.5]]'), "TYPE", "/grid/1/1")
    case(t, "grid_cell_range", kw(b',"grid":[[18446744073709551616]]'), "RANGE", "/grid/0/0")
    case(t, "grid_cell_array", kw(b',"grid":[[[1]]]'), "TYPE", "/grid/0/0")
    case(t, "grid_object", kw(b',"grid":{}'), "TYPE", "/grid")
    case(t, "scores_array", kw(b',"scores":[1]'), "TYPE", "/scores")
    case(t, "scores_value_string", kw(b',"scores":{"a":1,"b":"2"}'), "TYPE", "/scores/b")
    case(t, "scores_value_null", kw(b',"scores":{"a":null}'), "TYPE", "/scores/a")
    case(t, "scores_value_range", kw(b',"scores":{"a":-1e400}'), "RANGE", "/scores/a")
    case(t, "scores_dup", kw(b',"scores":{"a":1,"b":2,"a":3}'), "DUPLICATE", "/scores/a")
    case(t, "scores_key_slash", kw(b',"scores":{"x/y":true}'), "TYPE", "/scores/x~1y")
    case(t, "scores_key_tilde", kw(b',"scores":{"~1":true}'), "TYPE", "/scores/~01")
    case(t, "scores_key_empty", kw(b',"scores":{"":true}'), "TYPE", "/scores/")
    case(t, "scores_key_unicode_escape", kw(b',"scores":{"\\u00e9":true}'), "TYPE",
         "/scores/\u00e9")
    case(t, "scores_key_nul", kw(b',"scores":{"a":1,"b\\u0000":2}'), "VALUE", "/scores")
    case(t, "nested_null", kw(b',"nested":null'), "TYPE", "/nested")
    case(t, "nested_empty", kw(b',"nested":{}'), "MISSING", "/nested/default")
    case(t, "nested_default_number", kw(b',"nested":{"default":1}'), "TYPE", "/nested/default")
    case(t, "nested_count_negative", kw(b',"nested":{"default":true,"count":-1}'), "VALUE",
         "/nested/count")
    case(t, "nested_dup_unknown", kw(b',"nested":{"default":true,"x":1,"x":2}'), "DUPLICATE",
         "/nested/x")
    case(t, "byName_number", kw(b',"byName":1'), "TYPE", "/byName")
    case(t, "byName_value_number", kw(b',"byName":{"o":1}'), "TYPE", "/byName/o")
    case(t, "byName_inner_number", kw(b',"byName":{"o":{"i":1}}'), "TYPE", "/byName/o/i")
    case(t, "byName_inner_no_at", kw(b',"byName":{"o":{"i":{}}}'), "MISSING", "/byName/o/i/at")
    case(t, "byName_dup_inner", kw(b',"byName":{"o":{"i":{"at":{"x":0,"y":0}},"i":{}}}'),
         "DUPLICATE", "/byName/o/i")
    case(t, "extended_empty", kw(b',"extended":{}'), "MISSING", "/extended/at")
    case(t, "extended_no_label", kw(b',"extended":{"at":{"x":0,"y":0}}'), "MISSING",
         "/extended/label")
    case(t, "extended_label_number", kw(b',"extended":{"label":5,"at":{"x":0,"y":0}}'), "TYPE",
         "/extended/label")
    case(t, "extended_color", kw(b',"extended":{"color":"pink","label":"l"}'), "VALUE",
         "/extended/color")

    t = "kw_point"
    case(t, "missing_y", b'{"x":0}', "MISSING", "/y")
    case(t, "unknown_z", b'{"x":0,"y":0,"z":0}', "UNKNOWN_KEY", "/z")
    case(t, "unknown_case", b'{"X":0,"y":0}', "UNKNOWN_KEY", "/X")
    case(t, "x_range", b'{"x":2147483648,"y":0}', "RANGE", "/x")
    case(t, "x_range_exponent", b'{"x":3e9,"y":0}', "RANGE", "/x")
    case(t, "x_string", b'{"x":"0","y":0}', "TYPE", "/x")
    case(t, "dup_x", b'{"x":0,"y":0,"x":0}', "DUPLICATE", "/x")
    case(t, "root_array", b"[0,0]", "TYPE", "")
    t = "kw_corner"
    case(t, "empty_object", b"{}", "MISSING", "/at")
    case(t, "color_other", b'{"at":{"x":0,"y":0},"color":"x"}', "VALUE", "/color")
    case(t, "at_null", b'{"at":null}', "TYPE", "/at")
    case(t, "dup_in_ignored", b'{"at":{"x":0,"y":0},"extra":{"a":1,"a":1}}', "DUPLICATE",
         "/extra/a")
    t = "kw_key_names"
    case(t, "same_length_other_bytes", b'{"ab":1,"aa":2}', "UNKNOWN_KEY", "/aa")
    case(t, "nul_after_name", b'{"n\xc3\xa9\\u0000":1}', "UNKNOWN_KEY", "/né\\u0000")
    case(t, "dup_escaped", b'{"n\xc3\xa9":1,"n\\u00e9":2}', "DUPLICATE", "/né")
    t = "kw_bounds"
    case(t, "fullInt32_above", b'{"fullInt32":2147483648}', "RANGE", "/fullInt32")
    case(t, "fullInt32_below", b'{"fullInt32":-2147483649}', "RANGE", "/fullInt32")
    case(t, "aboveInt64Min_min", b'{"aboveInt64Min":-9223372036854775808}', "VALUE",
         "/aboveInt64Min")
    case(t, "upToInt64Max_2p63", b'{"upToInt64Max":9223372036854775808}', "RANGE",
         "/upToInt64Max")
    case(t, "emptyAllowed_number", b'{"emptyAllowed":1}', "TYPE", "/emptyAllowed")
    case(t, "unix_fraction", b'{"unix":0.5}', "TYPE", "/unix")
    # Exponents past the range of int32, int64 and uint64.
    for what, text, code in [
            ("exp_int32_min_minus_1", b"1e-2147483649", "TYPE"),
            ("exp_int32_max_plus_1", b"1e2147483648", "RANGE"),
            ("exp_uint64_max_plus_1", b"1e18446744073709551616", "RANGE"),
            ("exp_int64_min_fraction", b"0.1e9223372036854775808", "RANGE"),
            ("exp_below_uint64", b"100e-18446744073709551617", "TYPE"),
            ("exp_below_int64_min", b"10e-9223372036854775809", "TYPE")]:
        case(t, "unix_" + what, b'{"unix":' + text + b"}", code, "/unix")
    for what, text in [("exp_int64_max_fraction", b"0.1e9223372036854775808"),
                       ("exp_below_int64_min", b"10e-9223372036854775809"),
                       ("exp_int32_min_minus_1", b"1e-2147483649")]:
        case("kw_keywords", "scores_" + what, kw(b',"scores":{"a":' + text + b"}"), "RANGE",
             "/scores/a")
    t = "kw_keywords_nested"
    case(t, "empty_object", b"{}", "MISSING", "/default")
    case(t, "default_string", b'{"default":"true"}', "TYPE", "/default")
    case(t, "count_negative", b'{"default":true,"count":-1}', "VALUE", "/count")
    t = "kw_keywords_extended"
    case(t, "empty_object", b"{}", "MISSING", "/at")
    case(t, "no_label", b'{"at":{"x":0,"y":0}}', "MISSING", "/label")


VK = b'{"id":"m","label":"L","reading":1,"tag":true}'


def vk(extra):
    """A kw_value_kinds message with extra members (each starting with a comma)."""
    return VK[:-1] + extra + b"}"


def value_kinds_schema():
    t = "kw_value_kinds"
    case(t, "label_missing", b'{"id":"m","reading":1,"tag":true}', "MISSING", "/label")
    case(t, "label_number", b'{"id":"m","label":1,"reading":1,"tag":true}', "TYPE", "/label")
    case(t, "reading_string_null_word", b'{"id":"m","label":null,"reading":"null","tag":1}',
         "TYPE", "/reading")
    case(t, "tag_null", b'{"id":"m","label":null,"reading":null,"tag":null}', "TYPE", "/tag")
    case(t, "tag_number", b'{"id":"m","label":null,"reading":null,"tag":0}', "TYPE", "/tag")
    case(t, "code_array", vk(b',"code":[]'), "TYPE", "/code")
    case(t, "code_huge", vk(b',"code":1e400'), "RANGE", "/code")
    case(t, "exact_fraction", vk(b',"exact":2.5'), "TYPE", "/exact")
    case(t, "exact_beyond_int64", vk(b',"exact":-9223372036854775809'), "RANGE", "/exact")
    case(t, "amount_beyond_int64", vk(b',"amount":18446744073709551617'), "RANGE", "/amount")
    case(t, "amount_string", vk(b',"amount":"5"'), "TYPE", "/amount")
    case(t, "maybe_object", vk(b',"maybe":{}'), "TYPE", "/maybe")
    case(t, "maybe_nul", vk(b',"maybe":"a\\u0000"'), "VALUE", "/maybe")
    case(t, "tags_null_item", vk(b',"tags":["a",null]'), "TYPE", "/tags/1")
    case(t, "channel_number", vk(b',"channel":3'), "TYPE", "/channel")
    case(t, "channel_null", vk(b',"channel":null'), "TYPE", "/channel")
    case(t, "device_nul", vk(b',"device":"\\u0000"'), "VALUE", "/device")
    case(t, "devices_object_item", vk(b',"devices":["BROWSER",{}]'), "TYPE", "/devices/1")
    case(t, "detail_array", vk(b',"detail":[]'), "TYPE", "/detail")
    case(t, "codes_null_item", vk(b',"codes":[null]'), "TYPE", "/codes/0")
    case(t, "priority_above_default_bounds", vk(b',"priority":0'), "VALUE", "/priority")
    case(t, "level_unknown", vk(b',"level":"mid"'), "VALUE", "/level")
    case(t, "tree_parent_number", vk(b',"tree":{"name":"a","parent":5}'), "TYPE", "/tree/parent")
    case(t, "tree_parent_null", vk(b',"tree":{"name":"a","parent":null}'), "TYPE",
         "/tree/parent")
    case(t, "tree_deep_missing", vk(b',"tree":{"name":"a","parent":{"name":"b","parent":{}}}'),
         "MISSING", "/tree/parent/parent/name")
    case(t, "tree_by_name_missing", vk(b',"tree":{"name":"a","byName":{"k":{}}}'), "MISSING",
         "/tree/byName/k/name")
    case(t, "tree_child_dup", vk(b',"tree":{"name":"a","children":[{"name":"b","name":"c"}]}'),
         "DUPLICATE", "/tree/children/0/name")
    t = "kw_vk_pinned"
    case(t, "other_type", b'{"type":"other"}', "VALUE", "/type")
    case(t, "no_type", b'{"x":1}', "MISSING", "/type")
    t = "kw_tree_node"
    case(t, "no_name", b'{"parent":{"name":"p"}}', "MISSING", "/name")
    case(t, "children_object", b'{"name":"n","children":{}}', "TYPE", "/children")
def any_values_schema():
    t = "kw_any_values"
    case(t, "payload_missing", b'{"extra":1}', "MISSING", "/payload")
    case(t, "payload_dup_inside", b'{"payload":{"a":{"b":1,"c":2,"b":3}}}', "DUPLICATE",
         "/payload/a/b")
    case(t, "payload_nul_string", b'{"payload":[1,["x\u0000"]]}', "VALUE", "/payload/1/0")
    case(t, "payload_nul_key", b'{"payload":{"a":{"k\u0000":1}}}', "VALUE", "/payload/a")
    case(t, "payload_1e400", b'{"payload":{"n":1e400}}', "RANGE", "/payload/n")
    case(t, "payload_1e_minus_400", b'{"payload":[-1e-400]}', "RANGE", "/payload/0")
    case(t, "payload_depth", b'{"payload":' + b"[" * 511 + b"<@>[" + b"]" * 512 + b"}", "DEPTH")
    case(t, "list_not_array", b'{"payload":0,"list":{}}', "TYPE", "/list")
    case(t, "list_item_dup", b'{"payload":0,"list":[{"a":0,"a":0}]}', "DUPLICATE", "/list/0/a")
    case(t, "bag_value_nul", b'{"payload":0,"bag":{"k":"\u0000"}}', "VALUE", "/bag/k")
    case(t, "unknown_key", b'{"payload":0,"other":0}', "UNKNOWN_KEY", "/other")
    t = "kw_labels"
    case(t, "id_missing", b'{"a":"b"}', "MISSING", "/id")
    case(t, "extra_number", b'{"id":"i","a":1}', "TYPE", "/a")
    case(t, "extra_too_long", b'{"a":"123456789","id":"i"}', "VALUE", "/a")
    case(t, "extra_dup", b'{"a":"x","id":"i","a":"y"}', "DUPLICATE", "/a")
    case(t, "extra_key_nul", b'{"id":"i","a\u0000":"x"}', "VALUE", "")
    case(t, "id_dup", b'{"id":"i","id":"j"}', "DUPLICATE", "/id")
    t = "kw_open"
    case(t, "size_string", b'{"x":{},"size":"1"}', "TYPE", "/size")
    case(t, "extra_dup_inside", b'{"x":[{"a":1,"a":1}]}', "DUPLICATE", "/x/0/a")
    case(t, "extra_1e400", b'{"name":"n","x":1E400}', "RANGE", "/x")
# ---- kw: one_of.yaml (the oneOf dispatcher) ----

LOGIN = b'{"type":"Login","trackingId":"t","data":{"type":"LoginSuccess","agentId":"a"}}'


def one_of_schema():
    t = "kw_one_of"
    case(t, "root_array", b"[]", "TYPE", "")
    case(t, "type_unknown", b'{"type":"Bogus"}', "VALUE", "/type")
    case(t, "type_number", b'{"type":1}', "TYPE", "/type")
    case(t, "type_twice", b'{"type":"Login","type":"Login"}', "DUPLICATE", "/type")
    case(t, "type_nul", b'{"type":"Login\\u0000"}', "VALUE", "/type")
    case(t, "data_missing", b'{"type":"Login"}', "MISSING", "/data")
    case(t, "data_string", b'{"type":"Login","data":"LoginSuccess"}', "TYPE", "/data")
    case(t, "data_type_missing", b'{"type":"Login","data":{}}', "MISSING", "/data/type")
    case(t, "data_type_other", b'{"type":"Logout","data":{"type":"LoginSuccess"}}', "VALUE",
         "/data/type")
    case(t, "keepalive_false", b'{"keepalive":"false"}', "VALUE", "/keepalive")
    case(t, "keepalive_unknown", b'{"keepalive":"true","type2":0}', "UNKNOWN_KEY", "/type2")
    case(t, "agent_id_missing", sub(LOGIN, b',"agentId":"a"', b""), "MISSING", "/data/agentId")
    case(t, "point_missing_x", b"{}", "MISSING", "/x")
    case(t, "syntax_in_discriminator", b'{"type":"Lo<@>\x01gin"}', "SYNTAX", "")
    t = "kw_batch"
    case(t, "first_missing", b"{}", "MISSING", "/first")
    case(t, "first_unknown", b'{"first":{"type":"x"}}', "VALUE", "/first/type")
    case(t, "rest_item_array", b'{"first":{"x":0,"y":0},"rest":[[]]}', "TYPE", "/rest/0")
    case(t, "signal_extra", b'{"first":{"x":0,"y":0},"signal":{"keepalive":"true","a":1}}',
         "UNKNOWN_KEY", "/signal/a")
    t = "kw_signal"
    case(t, "empty_object", b"{}", "MISSING", "/keepalive")
    case(t, "root_string", b'"keepalive"', "TYPE", "")


# ---- Valid messages: (type, what, bytes) ----

VALID = []


def valid(type_, what, text):
    VALID.append((type_, what, b(text)))


SLS_FULL = b(
    '{"type":"StationLogin",\n'
    ' "orgId":"org-envelope",\n'
    ' "extraTop":{"nested":{"a":[1,2.5,{"b":null}]},"flag":true},\n'
    ' "trackingId":"notifs_52628dc8-d2f5-4bd7-9e67-0a7c5e0c5a2f",\n'
    ' "data":{\n'
    '  "agentId":"723a8ffb-a26e-496d-b14a-ff44fb83b64f",\n'
    '  "agentSessionId":"c3a8a2d5-7a46-4d2c-9f2b-5e0f2f6c4b1a",\n'
    '  "auxCodeId":"0",\n'
    '  "channelsMap":{"telephony":["t1","t2"],"chat":["c1"],"email":[],'
    '"social":["s\\u00e9"]},\n'
    '  "deviceId":"1001", "dn":"1001", "voiceCount":1,\n'
    '  "dialNumber":"+14085551234",\n'
    '  "eventType":"AgentDesktopMessage",\n'
    '  "interactionIds":["0ae913a4-c857-4705-8d49-76dd3dde75e4","i-2"],\n'
    '  "lastIdleCodeChangeTimestamp":1733211616959,\n'
    '  "lastStateChangeTimestamp":1733211617012,\n'
    '  "orgId":"6ecef209-9a34-4ed1-a07a-7ddd1dbe925a",\n'
    '  "profileType":"BLENDED",\n'
    '  "roles":["agent","\\uD83D\\uDE00"],\n'
    '  "siteId":"d64e19c0-11e6-4bd4-8c5a-3f1a4c4d2e10",\n'
    '  "status":"LoggedIn",\n'
    '  "subStatus":"Idle",\n'
    '  "supervisorSessionId":"sup\\/1\\t\\"x\\"",\n'
    '  "teamId":"c7a3d8b2-4f1e-4a9c-b6d5-2e8f0a1b3c4d",\n'
    '  "trackingId":"575c0ec2-618c-42af-a61c-53aeb0a221ee",\n'
    '  "type":"AgentStationLoginSuccess",\n'
    '  "unknownObj":{"k":[{"x":1},{"y":[]}],"deep":{"z":{"w":"v"}}}\n'
    ' }\n'
    '}\n')

SLS_MINIMAL = b(
    '{"data":{"type":"AgentStationLoginSuccess","trackingId":"t-d",'
    '"teamId":"team","subStatus":"Available","status":"LoggedIn",'
    '"siteId":"site","profileType":"AGENT","orgId":"o-d",'
    '"lastStateChangeTimestamp":0,"lastIdleCodeChangeTimestamp":-5,'
    '"interactionIds":[],"eventType":"AgentDesktopMessage","channelsMap":{},'
    '"auxCodeId":"","agentSessionId":"sess","agentId":"agent"},'
    '"trackingId":"t-e","orgId":"o-e","type":"StationLogin"}')

# Written with \x escapes, so encoded byte for byte.
KW_FULL = (
    '{"text":"plain \\"q\\"","shortText":"\xc3\xa9\xc3\xa9","small":-5,'
    '"big":1234567890123456,"ratio":0.25,"flag":true,"kind":"keywords",'
    '"color":"dark-blue","shade":"dark",'
    '"origin":{"x":-2147483648,"y":2147483647},"name":"Zo\xc3\xab",'
    '"tags":["a","bc","d\xc3\xa9f"],'
    '"points":[{"at":{"x":1,"y":2},"color":"green"},{"at":{"x":3,"y":4}}],'
    '"grid":[[1,2,3],[],[-4]],'
    '"scores":{"zeta":1.5,"alpha":-2,"mid":0.125},'
    '"nested":{"default":true,"count":0},'
    '"byName":{"outer":{"b":{"at":{"x":5,"y":6}},'
    '"a":{"at":{"x":7,"y":8},"color":"red"}},"empty":{}},'
    '"extended":{"at":{"x":9,"y":10},"color":"green","label":"lbl"}}').encode("latin-1")


def valid_messages():
    t = "wcc_station_login_success"
    valid(t, "full_pretty_unknown_members", SLS_FULL)
    valid(t, "minimal_reordered", SLS_MINIMAL)
    valid(t, "base_compact", SLS)
    valid(t, "bom_and_whitespace", b"\xef\xbb\xbf \r\n\t" + SLS.replace(b",", b" ,\t") +
          b" \r\n")
    valid(t, "integral_number_forms",
          sls_data("lastIdleCodeChangeTimestamp", b"1733211616959.000")
          .replace(b"1733211617012", b"1.733211617012e12"))
    valid(t, "ignored_hostile_members",
          sls_data("agentId", b'"a","zz":{"n":"\\u0000","big":1e400,"tiny":1e-400,'
                              b'"long":' + b"1" * 100 + b',"deep":' + nest(100) +
                   b',"esc":"\\ud83d\\ude00\\/\\b\\f\\n\\r\\t"},"agentId\\u0000":5'))
    valid(t, "map_keys_escaped",
          sls_data("channelsMap", b'{"a/b":["x"],"~0":[],"":["e"],"\\u00e9\\n":["\xf0\x9f\x98\x80"],'
                                  b'"A":["\\u0041"]}'))
    valid(t, "limits", sls_data("lastStateChangeTimestamp", b"-9007199254740991")
          .replace(b"1733211616959", b"9007199254740991"))
    valid(t, "int64_limits", sls_data("lastStateChangeTimestamp", b"-9223372036854775808")
          .replace(b"1733211616959", b"9223372036854775807"))
    t = "wcc_station_login_success_data"
    valid(t, "base", SLS_DATA)
    valid(t, "no_optionals",
          SLS_MINIMAL[SLS_MINIMAL.index(b'{"type"'):SLS_MINIMAL.index(b',"trackingId":"t-e"')])
    t = "wcc_msg"
    valid(t, "base", MSG)
    valid(t, "data_with_members", sub(MSG, b'"data":{}', b'"data":{"a":[1,{"b":null}],"c":"d"}'))
    valid(t, "unicode_and_escapes",
          b'{"type":"\xe6\x97\xa5\xe6\x9c\xac\xf0\x9f\x98\x80\\u00e9\x7f\xef\xbb\xbf",'
          b'"orgId":"\\"\\\\\\/\\b\\f\\n\\r\\t\\u0001\\u001f","trackingId":"\\udbff\\udfff",'
          b'"data":{}}')
    valid(t, "nul_key_is_not_type",
          b'{"type\\u0000":"x","type":"t","orgId":"o","trackingId":"k","data":{}}')
    valid(t, "depth_512", msg_extra(b'"x":' + nest(510) + b',"y":' + nest(511, b'{"a":', b"}")
                                   .replace(b"}", b"1}", 1)))
    valid(t, "long_numbers_ignored",
          msg_extra(b'"x":[' + b"1" * 400 + b",-0." + b"0" * 400 + b"1e-99999999999999999999,"
                    b"1e99999999999999999999,-0,0e0,1E+2]"))
    valid(t, "whitespace_everywhere", b" \t\r\n{ \"type\" : \"t\" ,\n\"orgId\"\t:\"o\"\r,"
                                      b"\"trackingId\":\"k\",\"data\" : { } } \n")
    t = "wcc_msg_data"
    valid(t, "empty", b"{}")
    valid(t, "members", b'{"a":1,"b":[true,false,null],"c":{"d":"e"},"":0}')
    t = "kw_keywords"
    valid(t, "full", KW_FULL)
    valid(t, "minimal", KW)
    valid(t, "integral_forms",
          b'{"text":"t","small":4.0,"kind":"keywords","color":"red",'
          b'"origin":{"x":-3e0,"y":2E1},"big":1e1,"nested":{"default":false,"count":100e-2}}')
    valid(t, "exact_integers",
          b'{"text":"t","small":-0,"kind":"keyword\\u0073","color":"re\\u0064",'
          b'"origin":{"x":100000000000000000000e-20,"y":0.00000000000000000001e20},'
          b'"big":9007199254740991,"grid":[[-9007199254740991,0e99999999999999999999,'
          b'-0.0,12.30e1,1.5e1]]}')
    valid(t, "numbers",
          b'{"text":"t","small":5,"kind":"keywords","color":"green",'
          b'"origin":{"x":0,"y":0},"ratio":1.4999999999999998,'
          b'"scores":{"neg_zero":-0.0,"subnormal":5e-324,"max":1.7976931348623157e308,'
          b'"pi_70_digits":3.141592653589793238462643383279502884197169399375105820974944592307816,'
          b'"zero_tiny":0e-99999999999999999999,"neg":-1.5e-7}}')
    valid(t, "strings_by_code_points",
          b'{"text":"\\u0001 raw del \x7f","shortText":"\xf0\x9f\x98\x80\xc3\xa9\xe2\x82\xaca",'
          b'"small":-5,"kind":"keywords","color":"dark-blue","origin":{"x":1,"y":1},'
          b'"name":"\\ud83d\\ude00\xc3\x85\xc3\x85\xc3\x85\xc3\x85\xc3\x85\xc3\x85\xc3\x85",'
          b'"tags":["\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac","","a"]}')
    valid(t, "empty_collections",
          kw(b',"points":[],"grid":[],"scores":{},"byName":{},"tags":["x"]'))
    valid(t, "ignored_in_non_strict_parts",
          kw(b',"nested":{"x":{"deep":[1,{"a":null}]},"default":false,"y":"\\u0000"}'
             b',"points":[{"at":{"x":1,"y":1},"extra":"e"}]'
             b',"extended":{"more":[],"label":"L","at":{"x":2,"y":3}}'))
    t = "kw_point"
    valid(t, "zero", b'{"x":0,"y":0}')
    valid(t, "int32_limits", b'{"y":-2147483648,"x":2147483647}')
    valid(t, "integral_forms", b'{"x":-0,"y":2.147483647e9}')
    t = "kw_corner"
    valid(t, "at_only", b'{"at":{"x":1,"y":2}}')
    valid(t, "with_color_and_unknown", b'{"extra":{"a":[1]},"color":"dark-blue","at":{"x":1,"y":2}}')
    t = "kw_bounds"
    valid(t, "empty", b"{}")
    valid(t, "limits", b'{"fullInt32":-2147483648,"aboveInt64Min":-9007199254740991,'
                       b'"upToInt64Max":9007199254740991,"emptyAllowed":"","unix":-0}')
    valid(t, "exponent_forms", b'{"fullInt32":-2147483648.000e0,"aboveInt64Min":0.00001e5,'
                               b'"upToInt64Max":1e0000000000000000000000001,"unix":1e007}')
    valid(t, "other_limits", b'{"fullInt32":2147483647,"aboveInt64Min":9007199254740991,'
                             b'"upToInt64Max":-9007199254740991,"emptyAllowed":"x","unix":1e15}')
    valid(t, "int64_limits", b'{"aboveInt64Min":-9223372036854775807,'
                             b'"upToInt64Max":9223372036854775807,"unix":-9223372036854775808}')
    valid(t, "int64_forms", b'{"aboveInt64Min":9.223372036854775807e18,'
                            b'"upToInt64Max":-92233720368547758.08e2,"unix":9007199254740993.000}')
    t = "kw_key_names"
    valid(t, "all", b'{"ba":5,"w??x":3,"q\\"b\\\\c":2,"n\xc3\xa9":1,"ab":4}')
    valid(t, "escaped", b'{"n\\u00e9":1,"q\\u0022b\\u005cc":2}')
    t = "kw_keywords_nested"
    valid(t, "default_only", b'{"default":true}')
    valid(t, "with_count_and_unknown", b'{"count":9007199254740991,"default":false,"x":[]}')
    valid(t, "count_int64_max", b'{"count":9223372036854775807,"default":false}')
    t = "kw_value_kinds"
    valid(t, "required_only", VK)
    valid(t, "nulls", b'{"id":"m","label":null,"reading":null,"tag":"t","note":null,'
                      b'"held":null,"flag":null,"detail":null,"codes":null,"maybe":null}')
    valid(t, "big_integers", vk(b',"exact":-9223372036854775808,"amount":9223372036854775807,'
                                b'"maybe":9007199254740993,"tags":[9007199254740992],'
                                b'"code":18446744073709551616'))
    valid(t, "values", vk(b',"note":"n","held":-0.5,"flag":false,"detail":{"x":7},"codes":["c"],'
                          b'"code":"s","exact":9007199254740991,"amount":5.0,"maybe":-3,'
                          b'"tags":["a",2],"channel":"sms","device":"BROWSER",'
                          b'"devices":["x","EXTENSION"],"priority":9,"mode":"m","ratio":1e-3,'
                          b'"enabled":false,"level":"high","kind":"b","either":"e"'))
    valid(t, "tree", vk(b',"tree":{"name":"a","parent":{"name":"b","parent":{"name":"c"}},'
                        b'"children":[{"name":"d","children":[{"name":"e"}]}],'
                        b'"byName":{"f":{"name":"f","byName":{}}}}'))
    t = "kw_value_kinds_detail"
    valid(t, "empty", b"{}")
    valid(t, "x", b'{"x":-1,"y":null}')
    t = "kw_vk_envelope"
    valid(t, "any_type", b'{"type":"anything"}')
    t = "kw_vk_pinned"
    valid(t, "pinned", b'{"type":"pinned","extra":[1]}')
    t = "kw_tree_node"
    valid(t, "leaf", b'{"name":""}')
    valid(t, "deep", b'{"name":"a","parent":{"name":"b","parent":{"name":"c","parent":'
                     b'{"name":"d"}}},"children":[]}')
    t = "kw_any_values"
    valid(t, "payload_null", b'{"payload":null}')
    valid(t, "everything",
          b'{"payload":{"a":[1,1.0,1e2,-0,12345678901234567890,1E-7,{"b":null}],"s":"\u00e9\/"},'
          b'"extra":[true,false],"note":"n","list":[{},[],0,"x",null],'
          b'"bag":{"k":{"deep":[[[]]]},"":1.50},"labels":{"id":"i","z":"zz","a":""},'
          b'"counted":{"count":1,"kind":"counted","more":[1]},'
          b'"open":{"q":{"r":[1,2]},"name":"n","size":3,"t":"\u0041"}}')
    valid(t, "depth_512", b'{"payload":' + nest(511) + b"}")
    valid(t, "long_numbers_kept",
          b'{"payload":[' + b"1" * 300 + b",-0." + b"0" * 300 + b"1,9007199254740993,"
          b"0e99999999999,-0.0e-99999]}")
    t = "kw_any_values_counted"
    valid(t, "count_only", b'{"count":0}')
    valid(t, "ignored_members", b'{"x":{"y":[]},"count":-1,"kind":"counted"}')
    t = "kw_labels"
    valid(t, "id_only", b'{"id":""}')
    valid(t, "extras_around", b'{"b":"1","id":"i","a":"12345678","\u00e9":"\u00e9"}')
    t = "kw_open"
    valid(t, "empty", b"{}")
    valid(t, "extras_of_every_type",
          b'{"n":null,"t":true,"f":false,"num":-1.5e3,"s":"s","a":[],"o":{},"name":"x"}')
    t = "kw_keywords_extended"
    valid(t, "label_and_at", b'{"label":"x","at":{"x":1,"y":2}}')
    valid(t, "with_color", b'{"color":"red","label":"","at":{"x":-1,"y":-2},"u":0}')
    one_of_valid_messages()


def one_of_valid_messages():
    t = "kw_one_of"
    valid(t, "login_success", LOGIN)
    valid(t, "failure_reordered", b'{"data":{"reason":"r","type":"LogoutFailed"},"type":"Logout"}')
    valid(t, "logout_success", b'{"type":"Logout","data":{"type":"LogoutSuccess","at":5}}')
    valid(t, "logout_success_no_data", b'{"type":"Logout"}')
    valid(t, "keepalive", b'{"keepalive":"true"}')
    valid(t, "note_ignores_data", b'{"type":"Note","text":"n","data":{"type":[1]},"keepalive":0}')
    valid(t, "ping", b'{"seq":-1,"type":"Ping","trackingId":"\\u00e9"}')
    valid(t, "point", b'{"y":2,"x":1}')
    valid("kw_login_success", "base", LOGIN)
    valid("kw_login_success_data", "base", b'{"type":"LoginSuccess","agentId":"a"}')
    valid("kw_failure", "base", b'{"type":"Login","data":{"type":"LoginFailed","reason":"r"}}')
    valid("kw_failure_data", "base", b'{"type":"LogoutFailed","reason":""}')
    valid("kw_logout_success", "base", b'{"type":"Logout"}')
    valid("kw_logout_success_data", "base", b'{"type":"LogoutSuccess"}')
    valid("kw_keepalive", "base", b'{"keepalive":"true"}')
    valid("kw_note", "base", b'{"type":"Note","text":"x"}')
    valid("kw_one_of_6", "base", b'{"type":"Ping"}')
    valid("kw_tracked", "base", b'{"trackingId":"k","other":null}')
    valid("kw_signal", "base", b'{"keepalive":"true"}')
    valid("kw_batch", "base", b'{"first":{"keepalive":"true"},"rest":[{"type":"Note","text":"t"},'
                              b'{"x":0,"y":0}],"signal":{"keepalive":"true"}}')


# ---- Valid seeds from the realistic wire frames in tests/messages ----

# Where each registered record type stands inside a frame: a function from a
# frame to the values of that type in it.
def _values(d):
    return list(d.values()) if isinstance(d, dict) else []


def _interactions(f):
    data = f.get("data", {})
    return [data[k] for k in ("interaction", "task") if isinstance(data.get(k), dict)]


NESTED = {
    "wcc_msg": lambda f: [f] if all(k in f for k in ("type", "orgId", "trackingId", "data"))
    else [],
    "wcc_msg_data": lambda f: [f["data"]] if isinstance(f.get("data"), dict) else [],
    "wcc_agent_desktop_message": lambda f: [f],
    "wcc_agent_contact_data_monitoring_state":
        lambda f: [f["data"]["monitoringState"]] if "monitoringState" in f.get("data", {}) else [],
    "wcc_interaction": _interactions,
    "wcc_interaction_call_processing_details":
        lambda f: [i["callProcessingDetails"] for i in _interactions(f)],
    "wcc_interaction_contact_direction": lambda f: [i["contactDirection"] for i in _interactions(f)],
    "wcc_interaction_participant":
        lambda f: [p for i in _interactions(f) for p in _values(i.get("participants"))],
    "wcc_media_entry": lambda f: [m for i in _interactions(f) for m in _values(i.get("media"))],
    "wcc_call_associated_datum":
        lambda f: [c for i in _interactions(f) for c in _values(i.get("callAssociatedData"))],
    "wcc_flow_parameter":
        lambda f: [c for i in _interactions(f) for c in _values(i.get("callFlowParams"))],
    "wcc_buddy_details": lambda f: list(f.get("data", {}).get("agentList", [])),
}


def wire_frames():
    """Every frame of tests/messages/<type>/ seeds wcc_<type> and, through
    NESTED, the types of its parts; parts are written compact."""
    messages = os.path.join(HERE, "..", "messages")
    for folder in sorted(os.listdir(messages)):
        path = os.path.join(messages, folder)
        if not os.path.isdir(path) or folder == "invalid":
            continue
        for name in sorted(os.listdir(path)):
            with open(os.path.join(path, name), "rb") as f:
                raw = f.read()
            what = "wire_" + name[:-len(".json")]
            frame = json.loads(raw)
            valid("wcc_" + folder, what, raw)
            if isinstance(frame.get("data"), dict):
                valid("wcc_%s_data" % folder, what, compact(frame["data"]))
            for type_, parts in NESTED.items():
                for n, part in enumerate(parts(frame)):
                    valid(type_, "%s_%d" % (what, n), compact(part))


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# ---- Output ----

def clear(folder):
    if not os.path.isdir(folder):
        return
    for sub_dir in os.listdir(folder):
        path = os.path.join(folder, sub_dir)
        if os.path.isdir(path):
            for name in os.listdir(path):
                if name.endswith(".json"):
                    os.remove(os.path.join(path, name))


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def main():
    grammar()
    strings()
    controls()
    utf8()
    numbers()
    depth()
    precedence()
    wcc_msg_schema()
    wcc_data_schema()
    sls_schema()
    kw_schema()
    value_kinds_schema()
    any_values_schema()
    one_of_schema()
    valid_messages()
    wire_frames()
    valid("wcc_agent_contact_data_monitoring_state", "barge_in", b'{"type":"BARGE_IN"}')

    valid_dir = os.path.join(HERE, "valid")
    bad_dir = os.path.join(HERE, "malformed")
    clear(valid_dir)
    clear(bad_dir)
    counters = {}
    for type_, what, text in VALID:
        assert MARK not in text
        n = counters[("v", type_)] = counters.get(("v", type_), 0) + 1
        write(os.path.join(valid_dir, type_, "%02d_%s.json" % (n, what)), text)

    lines = ["# <type>/<file> <code> <JSON Pointer, \"\" for the root> <byte offset, - when",
             "# not a text-level error>. Written by gen_corpus.py; see tests/test_corpus.c."]
    names = set()
    for type_, what, text, code, path in CASES:
        assert code in CODES, code
        assert " " not in path and "\n" not in path
        if code in TEXT_LEVEL:
            assert text.count(MARK) == 1, what
            offset = str(text.index(MARK))
            text = text.replace(MARK, b"")
        else:
            assert MARK not in text, what
            offset = "-"
        n = counters[("m", type_)] = counters.get(("m", type_), 0) + 1
        name = "%03d_%s.json" % (n, what)
        assert (type_, what) not in names, what
        names.add((type_, what))
        write(os.path.join(bad_dir, type_, name), text)
        lines.append("%s/%s %s %s %s" % (type_, name, code, path if path else '""', offset))
    with open(os.path.join(bad_dir, "expected.txt"), "wb") as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))
    print("%d valid, %d malformed" % (len(VALID), len(CASES)), file=sys.stderr)


if __name__ == "__main__":
    main()
