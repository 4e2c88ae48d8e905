"""datetime: dates, times, datetimes, durations (timedelta) and fixed-offset time zones, with
CPython's reprs, str forms, arithmetic, comparisons and ISO 8601 / strftime formatting.

Dates use the proleptic Gregorian calendar; ordinals count days from 0001-01-01 (ordinal 1).
timedelta normalises to (days, seconds 0..86399, microseconds 0..999999).
"""

import time as _time
import math as _math

MINYEAR = 1
MAXYEAR = 9999

_DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [-1]
_dbm = 0
for _dim in _DAYS_IN_MONTH[1:]:
    _DAYS_BEFORE_MONTH.append(_dbm)
    _dbm += _dim
del _dbm, _dim

_MONTHNAMES = [None, 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct',
               'Nov', 'Dec']
_FULLMONTHNAMES = [None, 'January', 'February', 'March', 'April', 'May', 'June', 'July',
                   'August', 'September', 'October', 'November', 'December']
_DAYNAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
_FULLDAYNAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))


def _ymd2ord(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


def _ord2ymd(n):
    """(year, month, day) of ordinal n: the year is estimated from the mean Gregorian year
    (146097 days per 400 years) and corrected by at most a step or two."""
    year = (n - 1) * 400 // 146097 + 1
    while _days_before_year(year) >= n:
        year -= 1
    while _days_before_year(year + 1) < n:
        year += 1
    doy = n - _days_before_year(year)
    month = 1
    while month < 12 and _days_before_month(year, month + 1) < doy:
        month += 1
    return year, month, doy - _days_before_month(year, month)


def _index(v):
    if isinstance(v, int):
        return int(v)
    if isinstance(v, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    if hasattr(type(v), '__index__'):
        return type(v).__index__(v)
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)


def _check_date_fields(year, month, day):
    year = _index(year)
    month = _index(month)
    day = _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('year %d is out of range' % year)
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour = _index(hour)
    minute = _index(minute)
    second = _index(second)
    microsecond = _index(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return hour, minute, second, microsecond, fold


def _check_tzinfo_arg(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'"
                        % type(tz).__name__)


def _cmp(x, y):
    return 0 if x == y else 1 if x > y else -1


def _cmperror(x, y):
    def qual(o):
        return '%s.%s' % (type(o).__module__, type(o).__qualname__)
    raise TypeError("can't compare %s to %s" % (qual(x), qual(y)))


def _format_offset(off, sep=':'):
    if off is None:
        return ''
    if off.days < 0:
        sign = '-'
        off = -off
    else:
        sign = '+'
    hh, mm = divmod(off, timedelta(hours=1))
    mm, ss = divmod(mm, timedelta(minutes=1))
    s = '%s%02d%s%02d' % (sign, hh, sep, mm)
    if ss or ss.microseconds:
        s += '%s%02d' % (sep, ss.seconds)
        if ss.microseconds:
            s += '.%06d' % ss.microseconds
    return s


def _format_time(hh, mm, ss, us, timespec='auto'):
    specs = {
        'hours': '%02d',
        'minutes': '%02d:%02d',
        'seconds': '%02d:%02d:%02d',
        'milliseconds': '%02d:%02d:%02d.%03d',
        'microseconds': '%02d:%02d:%02d.%06d',
    }
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    elif timespec == 'milliseconds':
        us //= 1000
    try:
        fmt = specs[timespec]
    except KeyError:
        raise ValueError('Unknown timespec value')
    return fmt % (hh, mm, ss, us)[:fmt.count('%')]


def _wrap_strftime(obj, fmt, timetuple):
    """strftime for date/time/datetime, in Python so every year and %f/%z/%Z work."""
    if not isinstance(fmt, str):
        raise TypeError('strftime() argument 1 must be str, not ' + type(fmt).__name__)
    y, mon, d, hh, mi, ss, wd, yd = timetuple[:8]
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        i += 1
        if c != '%' or i >= n:
            out.append(c)
            continue
        ch = fmt[i]
        i += 1
        if ch == 'a':
            out.append(_DAYNAMES[wd])
        elif ch == 'A':
            out.append(_FULLDAYNAMES[wd])
        elif ch == 'w':
            out.append(str((wd + 1) % 7))
        elif ch == 'u':
            out.append(str(wd + 1))
        elif ch == 'd':
            out.append('%02d' % d)
        elif ch == 'e':
            out.append('%2d' % d)
        elif ch == 'b' or ch == 'h':
            out.append(_MONTHNAMES[mon])
        elif ch == 'B':
            out.append(_FULLMONTHNAMES[mon])
        elif ch == 'm':
            out.append('%02d' % mon)
        elif ch == 'y':
            out.append('%02d' % (y % 100))
        elif ch == 'Y':
            out.append('%d' % y if y >= 1000 else '%d' % y)
        elif ch == 'C':
            out.append('%02d' % (y // 100))
        elif ch == 'H':
            out.append('%02d' % hh)
        elif ch == 'I':
            out.append('%02d' % (hh % 12 or 12))
        elif ch == 'p':
            out.append('AM' if hh < 12 else 'PM')
        elif ch == 'M':
            out.append('%02d' % mi)
        elif ch == 'S':
            out.append('%02d' % ss)
        elif ch == 'f':
            out.append('%06d' % getattr(obj, 'microsecond', 0))
        elif ch == 'j':
            out.append('%03d' % yd)
        elif ch == 'U':
            out.append('%02d' % ((yd + 6 - (wd + 1) % 7) // 7))
        elif ch == 'W':
            out.append('%02d' % ((yd + 6 - wd) // 7))
        elif ch == 'G' or ch == 'V':
            iy, iw, _ = _isocalendar(y, mon, d)
            out.append('%d' % iy if ch == 'G' else '%02d' % iw)
        elif ch == 'z':
            off = obj.utcoffset() if hasattr(obj, 'utcoffset') else None
            out.append(_format_offset(off, '') if off is not None else '')
        elif ch == 'Z':
            name = obj.tzname() if hasattr(obj, 'tzname') else None
            out.append(name or '')
        elif ch == 'c':
            out.append('%s %s %2d %02d:%02d:%02d %d' % (_DAYNAMES[wd], _MONTHNAMES[mon], d,
                                                       hh, mi, ss, y))
        elif ch == 'x':
            out.append('%02d/%02d/%02d' % (mon, d, y % 100))
        elif ch == 'X':
            out.append('%02d:%02d:%02d' % (hh, mi, ss))
        elif ch == 'D':
            out.append('%02d/%02d/%02d' % (mon, d, y % 100))
        elif ch == 'F':
            out.append('%d-%02d-%02d' % (y, mon, d))
        elif ch == 'T':
            out.append('%02d:%02d:%02d' % (hh, mi, ss))
        elif ch == 'R':
            out.append('%02d:%02d' % (hh, mi))
        elif ch == 'n':
            out.append('\n')
        elif ch == 't':
            out.append('\t')
        elif ch == '%':
            out.append('%')
        else:
            out.append('%' + ch)
    return ''.join(out)


def _iso_week1_monday(year):
    """Ordinal of the Monday starting ISO week 1 (the week holding January 4th); ordinal 1 is a
    Monday, so (o + 6) % 7 is o's weekday."""
    jan4 = _ymd2ord(year, 1, 4)
    return jan4 - (jan4 + 6) % 7


def _isocalendar(year, month, day):
    o = _ymd2ord(year, month, day)
    iso_year = year
    if o >= _iso_week1_monday(year + 1):
        iso_year = year + 1
    elif o < _iso_week1_monday(year):
        iso_year = year - 1
    start = _iso_week1_monday(iso_year)
    return iso_year, (o - start) // 7 + 1, (o - start) % 7 + 1


# ---- timedelta -----------------------------------------------------------------------------------

class timedelta:
    """A duration: days, seconds (0..86399) and microseconds (0..999999)."""

    __slots__ = ('_days', '_seconds', '_microseconds', '_hashcode')

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0,
                weeks=0):
        for name, v in (('days', days), ('seconds', seconds), ('microseconds', microseconds),
                        ('milliseconds', milliseconds), ('minutes', minutes),
                        ('hours', hours), ('weeks', weeks)):
            if not isinstance(v, (int, float)):
                raise TypeError('unsupported type for timedelta %s component: %s'
                                % (name, type(v).__name__))
        ints = [days, seconds, microseconds, milliseconds, minutes, hours, weeks]
        if all(isinstance(v, int) for v in ints):
            us = (((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds
            us = us * 1000000 + milliseconds * 1000 + microseconds
        else:
            # exact arithmetic: every float is a binary fraction num/den (den a power of two),
            # so the total in microseconds is a fraction rounded once, half to even
            num, den = 0, 1
            for v, scale in ((weeks, 604800000000), (days, 86400000000), (hours, 3600000000),
                             (minutes, 60000000), (seconds, 1000000), (milliseconds, 1000),
                             (microseconds, 1)):
                if isinstance(v, float):
                    if v != v or v in (float('inf'), float('-inf')):
                        raise OverflowError('cannot convert float %s to integer' % v)
                    a, b = v.as_integer_ratio()
                else:
                    a, b = v, 1
                if b > den:
                    num *= b // den
                    den = b
                num += a * scale * (den // b)
            total_int = _divide_and_round(num, den)
            return cls._from_us(total_int, False)
        return cls._from_us(us)

    @classmethod
    def _from_us(cls, us, from_ints=True):
        d, rem = divmod(us, 86400000000)
        s, u = divmod(rem, 1000000)
        if abs(d) >= 2 ** 31 and not from_ints:
            raise OverflowError('Python int too large to convert to C int')
        if abs(d) > 999999999:
            raise OverflowError('days=%d; must have magnitude <= 999999999' % d)
        self = object.__new__(cls)
        self._days = d
        self._seconds = s
        self._microseconds = u
        self._hashcode = -1
        return self

    def _to_us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def total_seconds(self):
        return self._to_us() / 10 ** 6

    def __repr__(self):
        args = []
        if self._days:
            args.append('days=%d' % self._days)
        if self._seconds:
            args.append('seconds=%d' % self._seconds)
        if self._microseconds:
            args.append('microseconds=%d' % self._microseconds)
        if not args:
            args.append('0')
        return '%s.%s(%s)' % (_modname(self), type(self).__qualname__, ', '.join(args))

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = '%d:%02d:%02d' % (hh, mm, ss)
        if self._days:
            def plural(n):
                return n, abs(n) != 1 and 's' or ''
            s = ('%d day%s, ' % plural(self._days)) + s
        if self._microseconds:
            s = s + '.%06d' % self._microseconds
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._to_us() + other._to_us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._to_us() - other._to_us())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._from_us(-self._to_us())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_us(self._to_us() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._from_us(_divide_and_round(self._to_us() * a, b))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if not isinstance(other, (int, timedelta)):
            return NotImplemented
        usec = self._to_us()
        if isinstance(other, timedelta):
            return usec // other._to_us()
        return timedelta._from_us(usec // other)

    def __truediv__(self, other):
        if not isinstance(other, (int, float, timedelta)):
            return NotImplemented
        usec = self._to_us()
        if isinstance(other, timedelta):
            return usec / other._to_us()
        if isinstance(other, int):
            return timedelta._from_us(_divide_and_round(usec, other))
        a, b = other.as_integer_ratio()
        return timedelta._from_us(_divide_and_round(b * usec, a))

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._to_us() % other._to_us())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_us(), other._to_us())
            return q, timedelta._from_us(r)
        return NotImplemented

    def _key(self):
        return (self._days, self._seconds, self._microseconds)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._key() == other._key()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._key() != other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._key())
        return self._hashcode

    def __bool__(self):
        return self._days != 0 or self._seconds != 0 or self._microseconds != 0

    def __reduce__(self):
        return (type(self), self._key())


def _divide_and_round(a, b):
    """a / b rounded to the nearest integer, ties to even (exact, on ints)."""
    q, r = divmod(a, b)
    twice = 2 * r
    if b < 0:
        b, twice = -b, -twice
    if twice > b or (twice == b and q % 2):
        q += 1
    return q


def _modname(obj):
    m = type(obj).__module__
    return 'datetime' if m == 'datetime' else m


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


# ---- date ----------------------------------------------------------------------------------------

class date:
    """A calendar date (year, month, day)."""

    __slots__ = ('_year', '_month', '_day', '_hashcode')

    def __new__(cls, year, month=None, day=None):
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hashcode = -1
        return self

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d, hh, mm, ss, weekday, jday, dst = _time.localtime(t)[:9]
        return cls(y, m, d)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        if not 1 <= n <= 3652059:
            raise ValueError('ordinal must be >= 1')
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            return cls(*_parse_isoformat_date(date_string))
        except (ValueError, IndexError):
            raise ValueError('Invalid isoformat string: %r' % (date_string,)) from None

    @classmethod
    def fromisocalendar(cls, year, week, day):
        year, week, day = _index(year), _index(week), _index(day)
        if not MINYEAR <= year <= MAXYEAR:
            raise ValueError('Year is out of range: %d' % year)
        weeks_in_year = (_iso_week1_monday(year + 1) - _iso_week1_monday(year)) // 7
        if not 1 <= week <= weeks_in_year:
            raise ValueError('Invalid week: %d' % week)
        if not 1 <= day <= 7:
            raise ValueError('Invalid weekday: %d (range is [1, 7])' % day)
        return cls(*_ord2ymd(_iso_week1_monday(year) + (week - 1) * 7 + day - 1))

    def __repr__(self):
        return '%s.%s(%d, %d, %d)' % (_modname(self), type(self).__qualname__, self._year,
                                      self._month, self._day)

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return '%s %s %2d 00:00:00 %04d' % (_DAYNAMES[weekday - 1], _MONTHNAMES[self._month],
                                            self._day, self._year)

    def strftime(self, fmt):
        return _wrap_strftime(self, fmt, self.timetuple())

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError('must be str, not %s' % type(fmt).__name__)
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def isoformat(self):
        return '%04d-%02d-%02d' % (self._year, self._month, self._day)

    __str__ = isoformat

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def timetuple(self):
        return _time.struct_time((self._year, self._month, self._day, 0, 0, 0, self.weekday(),
                                  _days_before_month(self._year, self._month) + self._day, -1))

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        return type(self)(year, month, day)

    def _cmpkey(self):
        return (self._year, self._month, self._day)

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return self._cmpkey() == other._cmpkey()
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def _check_cmp(self, other):
        return isinstance(other, date) and not isinstance(other, datetime)

    def __le__(self, other):
        if self._check_cmp(other):
            return self._cmpkey() <= other._cmpkey()
        return NotImplemented

    def __lt__(self, other):
        if self._check_cmp(other):
            return self._cmpkey() < other._cmpkey()
        return NotImplemented

    def __ge__(self, other):
        if self._check_cmp(other):
            return self._cmpkey() >= other._cmpkey()
        return NotImplemented

    def __gt__(self, other):
        if self._check_cmp(other):
            return self._cmpkey() > other._cmpkey()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._cmpkey())
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            o = self.toordinal() + other.days
            if 0 < o <= 3652059:
                return type(self).fromordinal(o)
            raise OverflowError('result out of range')
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        return IsoCalendarDate(*_isocalendar(self._year, self._month, self._day))

    def __reduce__(self):
        return (type(self), (self._year, self._month, self._day))


class IsoCalendarDate:
    """(year, week, weekday) as returned by date.isocalendar()."""

    def __init__(self, year, week, weekday):
        self._t = (year, week, weekday)

    year = property(lambda self: self._t[0])
    week = property(lambda self: self._t[1])
    weekday = property(lambda self: self._t[2])

    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return 3

    def __iter__(self):
        return iter(self._t)

    def __eq__(self, other):
        if isinstance(other, IsoCalendarDate):
            other = other._t
        return self._t == other

    def __hash__(self):
        return hash(self._t)

    def __repr__(self):
        return 'datetime.IsoCalendarDate(year=%d, week=%d, weekday=%d)' % self._t


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


# ---- tzinfo / timezone ---------------------------------------------------------------------------

class tzinfo:
    """Abstract base class for time zone information."""

    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError('tzinfo subclass must override tzname()')

    def utcoffset(self, dt):
        raise NotImplementedError('tzinfo subclass must override utcoffset()')

    def dst(self, dt):
        raise NotImplementedError('tzinfo subclass must override dst()')

    def fromutc(self, dt):
        """dt (fields in UTC, tzinfo self) moved to local time: add the standard offset, then
        the DST correction seen at that local time."""
        if not isinstance(dt, datetime):
            raise TypeError('fromutc() requires a datetime argument')
        if dt.tzinfo is not self:
            raise ValueError('dt.tzinfo is not self')
        off = dt.utcoffset()
        if off is None:
            raise ValueError('fromutc() requires a non-None utcoffset() result')
        dst = dt.dst()
        if dst is None:
            raise ValueError('fromutc() requires a non-None dst() result')
        local = dt + (off - dst)
        dst = local.dst()
        if dst is None:
            raise ValueError('fromutc(): dt.dst gave inconsistent results; cannot convert')
        return local + dst


_NO_NAME = object()
_DAY_LIMIT = None


class timezone(tzinfo):
    """A fixed offset from UTC, with an optional name."""

    __slots__ = ('_offset', '_name')

    def __new__(cls, offset, name=_NO_NAME):
        if not isinstance(offset, timedelta):
            raise TypeError('timezone() argument 1 must be datetime.timedelta, not %s'
                            % type(offset).__name__)
        if name is _NO_NAME:
            name = None
            if not offset and getattr(cls, 'utc', None) is not None:
                return cls.utc
        elif not isinstance(name, str):
            raise TypeError('timezone() argument 2 must be str, not %s' % type(name).__name__)
        if not -_DAY_LIMIT < offset < _DAY_LIMIT:
            raise ValueError('offset must be a timedelta strictly between '
                             '-timedelta(hours=24) and timedelta(hours=24), not %r.' % (offset,))
        self = tzinfo.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is timezone.utc:
            return 'datetime.timezone.utc'
        args = repr(self._offset)
        if self._name is not None:
            args += ', ' + repr(self._name)
        return '%s.%s(%s)' % (_modname(self), type(self).__qualname__, args)

    def __str__(self):
        return self.tzname(None)

    def __getinitargs__(self):
        return (self._offset,) if self._name is None else (self._offset, self._name)

    def _check_dt(self, dt, what):
        if dt is not None and not isinstance(dt, datetime):
            raise TypeError('%s() argument must be a datetime instance or None' % what)

    def utcoffset(self, dt):
        self._check_dt(dt, 'utcoffset')
        return self._offset

    def dst(self, dt):
        self._check_dt(dt, 'dst')
        return None

    def tzname(self, dt):
        self._check_dt(dt, 'tzname')
        if self._name is not None:
            return self._name
        off = self._offset
        if not off:
            return 'UTC'
        sign = '-' if off.days < 0 else '+'
        us = abs(off._to_us())
        secs, us = divmod(us, 1000000)
        mins, secs = divmod(secs, 60)
        hours, mins = divmod(mins, 60)
        name = 'UTC%s%02d:%02d' % (sign, hours, mins)
        if secs or us:
            name += ':%02d' % secs
        if us:
            name += '.%06d' % us
        return name

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError('fromutc() argument must be a datetime instance or None')
        if dt.tzinfo is not self:
            raise ValueError('fromutc: dt.tzinfo is not self')
        return dt + self._offset


_DAY_LIMIT = timedelta(hours=24)
timezone.utc = tzinfo.__new__(timezone)
timezone.utc._offset = timedelta(0)
timezone.utc._name = None
timezone.min = timezone(-timedelta(hours=23, minutes=59))
timezone.max = timezone(timedelta(hours=23, minutes=59))
UTC = timezone.utc


def _check_utc_offset(name, offset):
    if offset is None:
        return
    if not isinstance(offset, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (name, type(offset).__name__))
    if not -timedelta(1) < offset < timedelta(1):
        raise ValueError('offset must be a timedelta strictly between -timedelta(hours=24) and '
                         'timedelta(hours=24), not %r.' % (offset,))


# ---- time ----------------------------------------------------------------------------------------

class time:
    """A time of day (hour, minute, second, microsecond) with an optional tzinfo."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_hashcode', '_fold')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo_arg(tzinfo)
        self = object.__new__(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._hashcode = -1
        self._fold = fold
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    def _key(self, other):
        """Comparison keys of self and other: plain fields when both are naive or share a
        tzinfo, else minutes shifted to UTC; None for a naive/aware mix."""
        mine = (self._hour, self._minute, self._second, self._microsecond)
        theirs = (other._hour, other._minute, other._second, other._microsecond)
        if self._tzinfo is other._tzinfo:
            return mine, theirs
        a, b = self.utcoffset(), other.utcoffset()
        if a == b:
            return mine, theirs
        if a is None or b is None:
            return None
        ma = self._hour * 60 + self._minute - a // timedelta(minutes=1)
        mb = other._hour * 60 + other._minute - b // timedelta(minutes=1)
        return (ma,) + mine[2:], (mb,) + theirs[2:]

    def _order(self, other):
        k = self._key(other)
        if k is None:
            raise TypeError('cannot compare naive and aware times')
        return k

    def __eq__(self, other):
        if isinstance(other, time):
            k = self._key(other)
            return k is not None and k[0] == k[1]
        return NotImplemented

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __le__(self, other):
        if isinstance(other, time):
            a, b = self._order(other)
            return a <= b
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, time):
            a, b = self._order(other)
            return a < b
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, time):
            a, b = self._order(other)
            return a >= b
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, time):
            a, b = self._order(other)
            return a > b
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            off = self.utcoffset()
            if not off:
                key = (self._hour, self._minute, self._second, self._microsecond)
            else:
                mins = self._hour * 60 + self._minute - off // timedelta(minutes=1)
                key = (mins, self._second, self._microsecond)
            self._hashcode = hash(key)
        return self._hashcode

    def _tzstr(self):
        return _format_offset(self.utcoffset())

    def __repr__(self):
        if self._microsecond != 0:
            s = ', %d, %d' % (self._second, self._microsecond)
        elif self._second != 0:
            s = ', %d' % self._second
        else:
            s = ''
        s = '%s.%s(%d, %d%s)' % (_modname(self), type(self).__qualname__, self._hour,
                                 self._minute, s)
        if self._tzinfo is not None:
            s = s[:-1] + ', tzinfo=%r' % self._tzinfo + ')'
        if self._fold:
            s = s[:-1] + ', fold=1)'
        return s

    def isoformat(self, timespec='auto'):
        s = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        tz = self._tzstr()
        if tz:
            s += tz
        return s

    __str__ = isoformat

    @classmethod
    def fromisoformat(cls, time_string):
        if not isinstance(time_string, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            return cls(*_parse_isoformat_time(time_string))
        except (ValueError, IndexError):
            raise ValueError('Invalid isoformat string: %r' % (time_string,)) from None

    def strftime(self, fmt):
        timetuple = (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1)
        return _wrap_strftime(self, fmt, timetuple)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError('must be str, not %s' % type(fmt).__name__)
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.utcoffset(None)
        _check_utc_offset('utcoffset', offset)
        return offset

    def tzname(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.tzname(None)

    def dst(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.dst(None)
        _check_utc_offset('dst', offset)
        return offset

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *,
                fold=None):
        if hour is None:
            hour = self.hour
        if minute is None:
            minute = self.minute
        if second is None:
            second = self.second
        if microsecond is None:
            microsecond = self.microsecond
        if tzinfo is True:
            tzinfo = self.tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(hour, minute, second, microsecond, tzinfo, fold=fold)

    def __bool__(self):
        return True

    def __reduce__(self):
        return (type(self), (self._hour, self._minute, self._second, self._microsecond,
                             self._tzinfo))


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# ---- datetime ------------------------------------------------------------------------------------

class datetime(date):
    """A date and a time of day, with an optional tzinfo."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold')

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0, microsecond=0,
                tzinfo=None, *, fold=0):
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo_arg(tzinfo)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._hashcode = -1
        self._fold = fold
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    @classmethod
    def _fromtimestamp(cls, t, utc, tz):
        frac, t = _math.modf(t)
        us = round(frac * 1e6)
        if us >= 1000000:
            t += 1
            us -= 1000000
        elif us < 0:
            t -= 1
            us += 1000000
        t = int(t)
        converter = _time.gmtime if utc else _time.localtime
        y, m, d, hh, mm, ss, weekday, jday, dst = converter(t)[:9]
        ss = min(ss, 59)
        result = cls(y, m, d, hh, mm, ss, us, tz)
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo_arg(tz)
        if not isinstance(t, (int, float)):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(t).__name__)
        result = cls._fromtimestamp(t, tz is not None, tz)
        if tz is not None:
            result = tz.fromutc(result)
        return result

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls._fromtimestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if not isinstance(date, _date_class):
            raise TypeError('combine() argument 1 must be datetime.date, not %s'
                            % type(date).__name__)
        if not isinstance(time, _time_class):
            raise TypeError('combine() argument 2 must be datetime.time, not %s'
                            % type(time).__name__)
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second,
                   time.microsecond, tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        if len(date_string) < 7:
            raise ValueError('Invalid isoformat string: %r' % (date_string,))
        try:
            sep = _find_isoformat_datetime_separator(date_string)
            dstr = date_string[:sep]
            tstr = date_string[sep + 1:]
            date_components = _parse_isoformat_date(dstr)
            if tstr:
                time_components = _parse_isoformat_time(tstr)
            else:
                time_components = [0, 0, 0, 0, None]
            return cls(*(date_components + time_components))
        except (ValueError, IndexError):
            raise ValueError('Invalid isoformat string: %r' % (date_string,)) from None

    @classmethod
    def strptime(cls, date_string, format):
        import _strptime
        return _strptime._strptime_datetime(cls, date_string, format)

    def timetuple(self):
        dst = self.dst()
        if dst is None:
            dst = -1
        elif dst:
            dst = 1
        else:
            dst = 0
        return _time.struct_time((self._year, self._month, self._day, self._hour, self._minute,
                                  self._second, self.weekday(),
                                  _days_before_month(self._year, self._month) + self._day, dst))

    def timestamp(self):
        if self._tzinfo is None:
            # naive: local time, through the C library's mktime (fold is not considered)
            t = _time.mktime((self._year, self._month, self._day, self._hour, self._minute,
                              self._second, 0, 0, -1))
            return t + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def utctimetuple(self):
        offset = self.utcoffset()
        if offset:
            self -= offset
        y, m, d = self.year, self.month, self.day
        hh, mm, ss = self.hour, self.minute, self.second
        return _time.struct_time((y, m, d, hh, mm, ss, self.weekday(),
                                  _days_before_month(y, m) + d, 0))

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self.hour, self.minute, self.second, self.microsecond, fold=self.fold)

    def timetz(self):
        return time(self.hour, self.minute, self.second, self.microsecond, self._tzinfo,
                    fold=self.fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        if year is None:
            year = self.year
        if month is None:
            month = self.month
        if day is None:
            day = self.day
        if hour is None:
            hour = self.hour
        if minute is None:
            minute = self.minute
        if second is None:
            second = self.second
        if microsecond is None:
            microsecond = self.microsecond
        if tzinfo is True:
            tzinfo = self.tzinfo
        if fold is None:
            fold = self.fold
        return type(self)(year, month, day, hour, minute, second, microsecond, tzinfo,
                          fold=fold)

    def _local_timezone(self):
        """The local zone at this instant, as a fixed-offset timezone named as the C library does."""
        if self._tzinfo is None:
            ts = int(self.timestamp() // 1)
        else:
            ts = (self - _EPOCH) // timedelta(seconds=1)
        lt = _time.localtime(ts)
        return timezone(timedelta(seconds=lt.tm_gmtoff), lt.tm_zone)

    def astimezone(self, tz=None):
        if tz is None:
            tz = self._local_timezone()
        elif not isinstance(tz, tzinfo):
            raise TypeError('tzinfo argument must be an instance of tzinfo')
        off = self.utcoffset()
        if off is None:
            src = self._local_timezone()
            off = src.utcoffset(self)
            if tz is src:
                return self
        elif tz is self._tzinfo:
            return self
        utc = (self - off).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return '%s %s %2d %02d:%02d:%02d %04d' % (
            _DAYNAMES[weekday - 1], _MONTHNAMES[self._month], self._day, self._hour,
            self._minute, self._second, self._year)

    def isoformat(self, sep='T', timespec='auto'):
        s = ('%04d-%02d-%02d%s' % (self._year, self._month, self._day, sep) +
             _format_time(self._hour, self._minute, self._second, self._microsecond, timespec))
        off = self.utcoffset()
        tz = _format_offset(off)
        if tz:
            s += tz
        return s

    def __repr__(self):
        L = [self._year, self._month, self._day, self._hour, self._minute, self._second,
             self._microsecond]
        if L[-1] == 0:
            del L[-1]
        if L[-1] == 0:
            del L[-1]
        s = '%s.%s(%s)' % (_modname(self), type(self).__qualname__, ', '.join(map(str, L)))
        if self._tzinfo is not None:
            s = s[:-1] + ', tzinfo=%r' % self._tzinfo + ')'
        if self._fold:
            s = s[:-1] + ', fold=1)'
        return s

    def __str__(self):
        return self.isoformat(sep=' ')

    def strftime(self, fmt):
        return _wrap_strftime(self, fmt, self.timetuple())

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.utcoffset(self)
        _check_utc_offset('utcoffset', offset)
        return offset

    def tzname(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.tzname(self)

    def dst(self):
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.dst(self)
        _check_utc_offset('dst', offset)
        return offset

    def _fields(self):
        return (self._year, self._month, self._day, self._hour, self._minute, self._second,
                self._microsecond)

    def _key(self, other):
        """Comparison keys (see time._key): plain fields, or microseconds since the epoch in
        UTC when the offsets differ; None for a naive/aware mix."""
        if self._tzinfo is other._tzinfo:
            return self._fields(), other._fields()
        a, b = self.utcoffset(), other.utcoffset()
        if a == b:
            return self._fields(), other._fields()
        if a is None or b is None:
            return None
        return (self - a)._naive_us(), (other - b)._naive_us()

    def _naive_us(self):
        secs = self._hour * 3600 + self._minute * 60 + self._second
        return (self.toordinal() * 86400 + secs) * 1000000 + self._microsecond

    def _order(self, other):
        k = self._key(other)
        if k is None:
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        return k

    def __eq__(self, other):
        if isinstance(other, datetime):
            k = self._key(other)
            return k is not None and k[0] == k[1]
        if not isinstance(other, date):
            return NotImplemented
        return False

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __le__(self, other):
        if isinstance(other, datetime):
            a, b = self._order(other)
            return a <= b
        if not isinstance(other, date):
            return NotImplemented
        _cmperror(self, other)

    def __lt__(self, other):
        if isinstance(other, datetime):
            a, b = self._order(other)
            return a < b
        if not isinstance(other, date):
            return NotImplemented
        _cmperror(self, other)

    def __ge__(self, other):
        if isinstance(other, datetime):
            a, b = self._order(other)
            return a >= b
        if not isinstance(other, date):
            return NotImplemented
        _cmperror(self, other)

    def __gt__(self, other):
        if isinstance(other, datetime):
            a, b = self._order(other)
            return a > b
        if not isinstance(other, date):
            return NotImplemented
        _cmperror(self, other)

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        us = self._naive_us() + other._to_us()
        days, us = divmod(us, 86400000000)
        if not 1 <= days <= 3652059:
            raise OverflowError('date value out of range')
        secs, us = divmod(us, 1000000)
        mins, secs = divmod(secs, 60)
        hours, mins = divmod(mins, 60)
        y, m, d = _ord2ymd(days)
        return type(self)(y, m, d, hours, mins, secs, us, self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if not isinstance(other, datetime):
            return NotImplemented
        diff = timedelta(microseconds=self._naive_us() - other._naive_us())
        if self._tzinfo is other._tzinfo:
            return diff
        a, b = self.utcoffset(), other.utcoffset()
        if a == b:
            return diff
        if a is None or b is None:
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        return diff + b - a

    def __hash__(self):
        if self._hashcode == -1:
            off = self.replace(fold=0).utcoffset() if self._fold else self.utcoffset()
            if off is None:
                self._hashcode = hash(self._fields())
            else:
                self._hashcode = hash(self._naive_us() - off._to_us())
        return self._hashcode

    def __reduce__(self):
        return (type(self), self._fields() + (self._tzinfo,))


_date_class = date
_time_class = time

datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


# ---- ISO 8601 parsing ----------------------------------------------------------------------------
# Accepted, as Python 3.11: dates YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D], YYYYWww[D]; times HH[:MM[:SS
# [.f+]]] or the basic HHMMSS[.f+] (',' also starts the fraction, digits past 6 are dropped);
# offsets Z or +/-HH[:MM[:SS[.ffffff]]] (basic form too). Any single character separates a
# date from a time. Every helper raises ValueError; the callers turn it into CPython's message.

def _num(s):
    if not s or not s.isdigit() or not s.isascii():
        raise ValueError('digits expected')
    return int(s)


def _iso_date_length(s):
    """How many leading characters of s form the date part."""
    if len(s) < 7:
        raise ValueError('too short')
    if s[4] == '-':
        if s[5] == 'W':
            return 10 if len(s) > 8 and s[8] == '-' else 8
        return 10
    if s[4] == 'W':
        return 8 if len(s) > 7 and s[7].isdigit() else 7
    return 8


def _parse_isoformat_date(s):
    n = len(s)
    year = _num(s[:4])
    if n == 10 and s[4] == '-' and s[7] == '-' and s[5] != 'W':
        return [year, _num(s[5:7]), _num(s[8:10])]
    if n == 8 and s[4] != 'W' and s[4] != '-':
        return [year, _num(s[4:6]), _num(s[6:8])]
    dashed = s[4] == '-'
    rest = s[5:] if dashed else s[4:]
    if rest[:1] != 'W':
        raise ValueError('bad date')
    week = _num(rest[1:3])
    day = 1
    tail = rest[3:]
    if tail:
        if dashed:
            if tail[0] != '-':
                raise ValueError('Inconsistent use of dash separator')
            tail = tail[1:]
        if len(tail) != 1:
            raise ValueError('bad week day')
        day = _num(tail)
    d = date.fromisocalendar(year, week, day)
    return [d.year, d.month, d.day]


def _parse_clock(s):
    """[hour, minute, second, microsecond] from HH[:MM[:SS[.f]]] or HHMMSS[.f]."""
    frac = 0
    for mark in '.,':
        k = s.find(mark)
        if k >= 0:
            digits = s[k + 1:]
            _num(digits)
            frac = int((digits + '000000')[:6])
            s = s[:k]
            break
    if ':' in s:
        parts = s.split(':')
    else:
        if len(s) % 2:
            raise ValueError('odd time length')
        parts = [s[i:i + 2] for i in range(0, len(s), 2)]
    if not 1 <= len(parts) <= 3 or any(len(p) != 2 for p in parts):
        raise ValueError('bad time')
    if frac and len(parts) != 3:
        raise ValueError('fraction without seconds')
    vals = [_num(p) for p in parts] + [0] * (3 - len(parts))
    return vals + [frac]


def _parse_isoformat_time(s):
    if len(s) < 2:
        raise ValueError('Isoformat time too short')
    tz = None
    cut = len(s)
    for mark in '+-Z':
        k = s.find(mark)
        if k >= 0:
            cut = min(cut, k)
    clock = _parse_clock(s[:cut])
    if cut < len(s):
        sign = s[cut]
        if sign == 'Z':
            if cut != len(s) - 1:
                raise ValueError('text after Z')
            tz = timezone.utc
        else:
            text = s[cut + 1:]
            if len(text) in (0, 1, 3):
                raise ValueError('Malformed time zone string')
            h, m, sec, us = _parse_clock(text)
            off = timedelta(hours=h, minutes=m, seconds=sec, microseconds=us)
            if not off:
                tz = timezone.utc
            else:
                tz = timezone(-off if sign == '-' else off)
    return clock + [tz]


def _find_isoformat_datetime_separator(s):
    return _iso_date_length(s)
