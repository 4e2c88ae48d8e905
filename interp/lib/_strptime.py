"""_strptime: the parser behind time.strptime and datetime.strptime (C-locale names only).

Directives: %Y %y %m %d %H %I %M %S %f %p %j %a %A %b %B %z %Z %w %u %% ; whitespace in the
format matches any run of whitespace. Errors are CPython's ValueError messages.
"""

_DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
           'september', 'october', 'november', 'december']


def _digits(s, i, lo, hi):
    j = i
    while j < len(s) and j - i < hi and s[j].isdigit():
        j += 1
    if j - i < lo:
        return None, i
    return int(s[i:j]), j


def _name(s, i, names):
    low = s[i:].lower()
    best = None
    for k, n in enumerate(names):
        for cand in (n, n[:3]):
            if low.startswith(cand) and (best is None or len(cand) > best[1]):
                best = (k, len(cand))
    if best is None:
        return None, i
    return best[0], i + best[1]


def _parse(data, format):
    if not isinstance(data, str):
        raise TypeError('strptime() argument 1 must be str, not ' + type(data).__name__)
    if not isinstance(format, str):
        raise TypeError('strptime() argument 2 must be str, not ' + type(format).__name__)
    vals = {}
    i = 0
    k = 0
    n = len(format)
    fail = ValueError('time data %r does not match format %r' % (data, format))
    while k < n:
        c = format[k]
        if c == '%':
            if k + 1 >= n:
                raise ValueError("stray %% in format '%s'" % format)
            d = format[k + 1]
            k += 2
            if d == '%':
                if data[i:i + 1] != '%':
                    raise fail
                i += 1
                continue
            if d in 'YmdHIMSjyfwu':
                lo, hi = {'Y': (4, 4), 'y': (2, 2), 'j': (1, 3), 'f': (1, 6), 'w': (1, 1),
                          'u': (1, 1)}.get(d, (1, 2))
                v, j = _digits(data, i, lo, hi)
                if v is None:
                    raise fail
                if d == 'f':
                    v = int(data[i:j] + '0' * (6 - (j - i)))
                vals[d] = v
                i = j
            elif d in 'aA':
                v, i2 = _name(data, i, _DAYS)
                if v is None:
                    raise fail
                vals['a'] = v
                i = i2
            elif d in 'bBh':
                v, i2 = _name(data, i, _MONTHS)
                if v is None:
                    raise fail
                vals['b'] = v + 1
                i = i2
            elif d == 'p':
                low = data[i:i + 2].lower()
                if low not in ('am', 'pm'):
                    raise fail
                vals['p'] = low
                i += 2
            elif d == 'z':
                if data[i:i + 1] == 'Z':
                    vals['z'] = 0
                    i += 1
                    continue
                sign = data[i:i + 1]
                if sign not in ('+', '-'):
                    raise fail
                rest = data[i + 1:]
                digits = ''
                j = 0
                while j < len(rest) and (rest[j].isdigit() or rest[j] in ':.'):
                    digits += rest[j]
                    j += 1
                plain = digits.replace(':', '')
                if len(plain) < 4 or not plain[:4].isdigit():
                    raise fail
                secs = int(plain[:2]) * 3600 + int(plain[2:4]) * 60
                if len(plain) >= 6:
                    secs += int(plain[4:6])
                vals['z'] = -secs if sign == '-' else secs
                i += 1 + j
            elif d == 'Z':
                j = i
                while j < len(data) and data[j].isalpha():
                    j += 1
                if j == i:
                    raise fail
                vals['Z'] = data[i:j]
                i = j
            else:
                raise ValueError("'%s' is a bad directive in format '%s'" % (d, '%' + d))
        elif c.isspace():
            k += 1
            while i < len(data) and data[i].isspace():
                i += 1
        else:
            if data[i:i + 1] != c:
                raise fail
            i += 1
            k += 1
    if i != len(data):
        raise ValueError('unconverted data remains: %s' % data[i:])
    return vals


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _ordinal(y, m, d):
    days = [31, 29 if _is_leap(y) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return sum(days[:m - 1]) + d


def _weekday(y, m, d):
    # Monday is 0; Zeller-style via the proleptic Gregorian day count
    y1 = y - 1
    n = y1 * 365 + y1 // 4 - y1 // 100 + y1 // 400 + _ordinal(y, m, d)
    return (n + 6) % 7


def _strptime(data, format):
    """(year, month, day, hour, minute, second, weekday, julian, tzoffset, tzname, fraction)."""
    v = _parse(data, format)
    if 'Y' in v:
        year = v['Y']
    elif 'y' in v:
        year = v['y'] + (1900 if v['y'] >= 69 else 2000)
    else:
        year = 1900
    month = v.get('b', v.get('m', 1))
    day = v.get('d', 1)
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        raise ValueError('time data %r does not match format %r' % (data, format))
    hour = v.get('H', 0)
    if 'I' in v:
        hour = v['I'] % 12
        if v.get('p') == 'pm':
            hour += 12
    minute = v.get('M', 0)
    second = v.get('S', 0)
    days = [31, 29 if _is_leap(year) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    if 'j' in v:
        julian = v['j']
        m = 1
        rem = julian
        while m <= 12 and rem > days[m - 1]:
            rem -= days[m - 1]
            m += 1
        month, day = m, rem
    else:
        if day > days[month - 1]:
            raise ValueError('day is out of range for month')
        julian = _ordinal(year, month, day)
    weekday = _weekday(year, month, day)
    return (year, month, day, hour, minute, second, weekday, julian, v.get('z'), v.get('Z'),
            v.get('f', 0))


def _strptime_time(data, format='%a %b %d %H:%M:%S %Y'):
    import time
    t = _strptime(data, format)
    return time.struct_time(t[:8] + (-1, t[9], t[8]))


def _strptime_datetime(cls, data, format='%a %b %d %H:%M:%S %Y'):
    import datetime
    t = _strptime(data, format)
    args = t[:6] + (t[10],)
    if t[8] is not None:
        tz = datetime.timezone(datetime.timedelta(seconds=t[8]))
        return cls(*args, tzinfo=tz)
    return cls(*args)
