#!/usr/bin/env python3
"""Rewrites simple printf-style output statements of printers,

    nd_printf(nd, "literal %u ...", args...);

into typed writer calls (nd_s, nd_c, nd_u, out_x, out_xp, out_x2, out_uw,
out_ul, out_d: src/core/out.h), in place:

    tools/printf2writers.py src/print/FILE.c ...

Arguments that call a function (a bounds-checked read may unwind on
truncation) are evaluated into temporaries before anything is printed, as
printf evaluates them all first; the first argument may stay inline when
nothing is printed before it.  An unbraced if/else body that becomes several
statements gets braces.  What it cannot convert (a format that is not a
literal, %s with a width, %*, precision) is listed and left alone.  Review
the diff: a %s argument that may be NULL (printf prints "(null)") and a %u
argument of a signed type (compile the file with -Wsign-conversion) need a
look; then compare outputs (tests/golden, make conformance)."""
import re, sys

def scan_call(s, i):
    """s[i] == '(' ; returns index after matching ')' and list of top-level args."""
    depth = 0; args = []; cur = ''; j = i
    while j < len(s):
        c = s[j]
        if c in '"\'':
            q = c; k = j + 1
            while s[k] != q:
                k += 2 if s[k] == '\\' else 1
            cur += s[j:k+1]; j = k + 1; continue
        if c in '([{':
            depth += 1
            if depth > 1: cur += c
        elif c in ')]}':
            depth -= 1
            if depth == 0:
                args.append(cur.strip()); return j + 1, args
            cur += c
        elif c == ',' and depth == 1:
            args.append(cur.strip()); cur = ''
        else:
            cur += c
        j += 1
    raise ValueError

def literal(a):
    """concatenated string literals -> python str, or None"""
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', a)
    if not parts or re.sub(r'"((?:[^"\\]|\\.)*)"', '', a).strip():
        return None
    return ''.join(parts)

SPEC = re.compile(r'%([-#0]*)(\d*)(ll|l|h|hh|z)?([udxXsc%])')

def cstr(t):
    return '"' + t + '"'

def clen(t):
    return len(re.sub(r'\\(x[0-9a-fA-F]+|[0-7]{1,3}|.)', 'x', t))

def convert(fmt, args):
    pieces = []  # (kind, text/arg, flags, width, conv)
    pos = 0; ai = 0
    for m in SPEC.finditer(fmt):
        lit = fmt[pos:m.start()]
        if lit: pieces.append(('lit', lit))
        pos = m.end()
        flags, width, lm, conv = m.groups()
        if conv == '%':
            pieces.append(('lit', '%')); continue
        if ai >= len(args): return None
        pieces.append(('arg', args[ai], flags, int(width) if width else 0, lm or '', conv)); ai += 1
    if ai != len(args): return None
    lit = fmt[pos:]
    if lit: pieces.append(('lit', lit))
    if '%' in ''.join(p[1] for p in pieces if p[0] == 'lit' and p[1] != '%'):
        return None
    # merge literal runs
    merged = []
    for p in pieces:
        if p[0] == 'lit' and merged and merged[-1][0] == 'lit':
            merged[-1] = ('lit', merged[-1][1] + p[1])
        else:
            merged.append(p)
    return merged

def is_call(a):
    return re.search(r'[A-Za-z_]\w*\s*\(', re.sub(r'\((unsigned|int|uint\d+_t|long|unsigned long|unsigned long long|const char \*)\)', '', a)) is not None

def ctype(lm, conv):
    if conv == 's': return 'const char *'
    if conv == 'c': return 'int'
    if conv == 'd': return {'': 'int', 'l': 'long', 'll': 'long long'}.get(lm)
    return {'': 'unsigned', 'l': 'unsigned long', 'll': 'unsigned long long'}.get(lm)

def emit(pieces, args_expr):
    out = []
    for pi, p in enumerate(pieces):
        if p[0] == 'lit':
            t = p[1]
            if clen(t) == 1:
                ch = t if t != "'" else "\\'"
                out.append("nd_c(nd, '%s');" % ch)
            else:
                out.append('nd_s(nd, %s);' % cstr(t))
            continue
        _, a, flags, width, lm, conv = p
        e = args_expr[pi]
        if conv == 's':
            if flags or width: return None
            out.append('nd_s(nd, %s);' % e)
        elif conv == 'c':
            if flags or width: return None
            out.append('nd_c(nd, (char)%s);' % e)
        elif conv == 'u':
            if flags == '' and width == 0:
                out.append('nd_u(nd, %s);' % e)
            elif flags == '0':
                out.append("out_uw(nd->out, %s, %d, '0');" % (e, width))
            elif flags == '':
                out.append("out_uw(nd->out, %s, %d, ' ');" % (e, width))
            elif flags == '-':
                out.append('out_ul(nd->out, %s, %d);' % (e, width))
            else: return None
        elif conv == 'd':
            if flags or width: return None
            out.append('out_d(nd->out, %s);' % e)
        elif conv in 'xX':
            fn = 'out_x' if conv == 'x' else 'out_xu'
            if flags == '#' and width == 0 and conv == 'x':
                out.append('out_xp(nd->out, %s);' % e)
            elif flags == '' and width == 0:
                out.append('%s(nd->out, %s, 0);' % (fn, e))
            elif flags == '0':
                if conv == 'x' and width == 2 and lm == '':
                    out.append('out_x2(nd->out, %s);' % e)
                else:
                    out.append('%s(nd->out, %s, %d);' % (fn, e, width))
            else: return None
        else:
            return None
    return out

def process(path):
    src = open(path).read()
    lines = src.split('\n')
    res = []; i = 0; nconv = 0; skipped = []
    while i < len(lines):
        line = lines[i]
        m = re.match(r'^(\s*)nd_printf\(', line)
        if not m:
            res.append(line); i += 1; continue
        ind = m.group(1)
        # gather the statement
        j = i; text = line
        while True:
            try:
                end, args = scan_call(text, text.index('nd_printf(') + len('nd_printf'))
                break
            except (ValueError, IndexError):
                j += 1; text += '\n' + lines[j]
        rest = text[end:].strip()
        fmt = literal(args[1]) if len(args) > 1 else None
        pieces = convert(fmt, args[2:]) if fmt is not None and args[0] == 'nd' and rest == ';' else None
        stmts = None
        if pieces is not None:
            # temporaries for calls
            tmps = []; expr = {}
            for pi, p in enumerate(pieces):
                if p[0] != 'arg': continue
                a, lm, conv = p[1], p[4], p[5]
                ty = ctype(lm, conv)
                if ty is None: pieces = None; break
                if is_call(a) and pi > 0:
                    name = 'v%d' % len(tmps)
                    tmps.append('%s%s%s = %s;' % (ty, '' if ty.endswith('*') else ' ', name, a))
                    expr[pi] = name
                else:
                    expr[pi] = a
            if pieces is not None:
                body = emit(pieces, expr)
                if body is not None:
                    stmts = tmps + body
        if stmts is None:
            skipped.append('%s:%d: %s' % (path, i + 1, text.strip()[:100]))
            res.extend(text.split('\n')); i = j + 1; continue
        nconv += 1
        # context: unbraced body?
        k = len(res) - 1
        while k >= 0 and (res[k].strip() == '' or res[k].strip().startswith(('/*', '*', '//'))):
            k -= 1
        prev = res[k].rstrip() if k >= 0 else '{'
        unbraced = not prev.endswith(('{', ';', '}', ':')) and len(stmts) > 1
        need_scope = bool(tmps)
        if unbraced:
            res[k] = prev + ' {'
            pind = re.match(r'^(\s*)', res[k]).group(1)
            for s_ in stmts: res.append(ind + s_)
            nxt = lines[j + 1] if j + 1 < len(lines) else ''
            if nxt.strip().startswith('else'):
                lines[j + 1] = pind + '} ' + nxt.strip()
            else:
                res.append(pind + '}')
        elif need_scope:
            res.append(ind + '{')
            for s_ in stmts: res.append(ind + '\t' + s_)
            res.append(ind + '}')
        else:
            for s_ in stmts: res.append(ind + s_)
        i = j + 1
    open(path, 'w').write('\n'.join(res))
    print('%s: %d converted, %d left' % (path, nconv, len(skipped)), file=sys.stderr)
    for s_ in skipped: print('  left ' + s_, file=sys.stderr)

for p in sys.argv[1:]:
    process(p)
