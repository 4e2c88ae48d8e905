"""fnmatch: shell-style wildcard matching (* ? [seq] [!seq]) of file names.

The matcher works on a parsed pattern directly (no regular expressions): a list of tokens
matched with the classic single-backtrack-point algorithm for '*', linear in practice.
translate() still produces the regular expression text CPython's gives for a pattern.
"""

import os
import posixpath

__all__ = ['filter', 'fnmatch', 'fnmatchcase', 'translate']

_cache = {}


def _parse(pat):
    """Tokens: ('*',), ('?',), ('lit', ch), ('set', negate, items) with items chars or (lo, hi)."""
    toks = []
    i = 0
    n = len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not toks or toks[-1] != ('*',):
                toks.append(('*',))
        elif c == '?':
            toks.append(('?',))
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                toks.append(('lit', '['))
                continue
            body = pat[i:j]
            i = j + 1
            negate = body[:1] == '!'
            if negate:
                body = body[1:]
            items = []
            k = 0
            while k < len(body):
                if k + 2 < len(body) and body[k + 1] == '-':
                    if body[k] <= body[k + 2]:
                        items.append((body[k], body[k + 2]))
                    k += 3
                else:
                    items.append(body[k])
                    k += 1
            toks.append(('set', negate, items))
        else:
            toks.append(('lit', c))
    return toks


def _one(tok, ch):
    kind = tok[0]
    if kind == 'lit':
        return tok[1] == ch
    if kind == '?':
        return True
    hit = False
    for it in tok[2]:
        if isinstance(it, tuple):
            if it[0] <= ch <= it[1]:
                hit = True
                break
        elif it == ch:
            hit = True
            break
    return hit != tok[1]


def _match(toks, name):
    ti = ni = 0
    star_ti = -1
    star_ni = 0
    nt = len(toks)
    nn = len(name)
    while ni < nn:
        if ti < nt and toks[ti] != ('*',) and _one(toks[ti], name[ni]):
            ti += 1
            ni += 1
        elif ti < nt and toks[ti] == ('*',):
            star_ti = ti
            star_ni = ni
            ti += 1
        elif star_ti >= 0:
            star_ni += 1
            ni = star_ni
            ti = star_ti + 1
        else:
            return False
    while ti < nt and toks[ti] == ('*',):
        ti += 1
    return ti == nt


def _compiled(pat):
    key = (type(pat), pat)
    toks = _cache.get(key)
    if toks is None:
        s = pat.decode('latin-1') if isinstance(pat, bytes) else pat
        toks = _parse(s)
        if len(_cache) > 256:
            _cache.clear()
        _cache[key] = toks
    return toks


def fnmatchcase(name, pat):
    if isinstance(name, bytes) != isinstance(pat, bytes):
        if isinstance(pat, str):
            raise TypeError('cannot use a string pattern on a bytes-like object')
        raise TypeError('cannot use a bytes pattern on a string-like object')
    toks = _compiled(pat)
    if isinstance(name, bytes):
        name = name.decode('latin-1')
    return _match(toks, name)


def fnmatch(name, pat):
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


def filter(names, pat):
    pat = os.path.normcase(pat)
    return [n for n in names if fnmatchcase(os.path.normcase(n), pat)]


_special = set('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def _escape(s):
    return ''.join('\\' + c if c in _special else c for c in s)


def translate(pat):
    """The regular expression (as text) CPython's fnmatch.translate gives for pat."""
    parts = []
    i = 0
    n = len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not parts or parts[-1] is not None:
                parts.append(None)
        elif c == '?':
            parts.append('.')
        elif c == '[':
            j = i
            if j < n and pat[j] == '!':
                j += 1
            if j < n and pat[j] == ']':
                j += 1
            while j < n and pat[j] != ']':
                j += 1
            if j >= n:
                parts.append('\\[')
            else:
                stuff = pat[i:j]
                if '-' not in stuff:
                    stuff = stuff.replace('\\', r'\\')
                else:
                    chunks = []
                    k = i + 2 if pat[i] == '!' else i + 1
                    start = i
                    while True:
                        k = pat.find('-', k, j)
                        if k < 0:
                            break
                        chunks.append(pat[start:k])
                        start = k + 1
                        k = k + 3
                    chunk = pat[start:j]
                    if chunk:
                        chunks.append(chunk)
                    else:
                        chunks[-1] += '-'
                    for k in range(len(chunks) - 1, 0, -1):
                        if chunks[k - 1][-1] > chunks[k][0]:
                            chunks[k - 1] = chunks[k - 1][:-1] + chunks[k][1:]
                            del chunks[k]
                    stuff = '-'.join(s.replace('\\', r'\\').replace('-', r'\-') for s in chunks)
                stuff = stuff.replace('&', r'\&').replace('~', r'\~').replace('|', r'\|')
                i = j + 1
                if not stuff:
                    parts.append('(?!)')
                elif stuff == '!':
                    parts.append('.')
                else:
                    if stuff[0] == '!':
                        stuff = '^' + stuff[1:]
                    elif stuff[0] in ('^', '['):
                        stuff = '\\' + stuff
                    parts.append('[%s]' % stuff)
        else:
            parts.append(_escape(c))
    # fold literal runs; stars become .* (the first and last) or atomic lazy groups in between
    out = []
    k = 0
    while k < len(parts) and parts[k] is not None:
        out.append(parts[k])
        k += 1
    while k < len(parts):
        k += 1  # the star
        seg = []
        while k < len(parts) and parts[k] is not None:
            seg.append(parts[k])
            k += 1
        if k == len(parts):
            out.append('.*')
            out.extend(seg)
        else:
            out.append('(?>.*?%s)' % ''.join(seg))
    return '(?s:%s)\\Z' % ''.join(out)
