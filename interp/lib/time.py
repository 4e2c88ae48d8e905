"""time: clocks (time, monotonic, perf_counter, process_time and their _ns forms, sleep) from
the native _time module, plus struct_time, gmtime/localtime/mktime, strftime/strptime,
asctime/ctime and the timezone attributes."""

from _time import (time, time_ns, perf_counter, perf_counter_ns, monotonic, monotonic_ns,
                   process_time, process_time_ns, sleep)
import _time
import _structseq

# the broken-down time: a struct sequence (_structseq) of 9 items; tm_zone and tm_gmtoff are
# attributes only (None unless given)
struct_time = _structseq.structseq('time.struct_time', (
    'tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday',
    'tm_isdst', 'tm_zone', 'tm_gmtoff'), 9)

timezone, altzone, daylight, _std, _dst = _time._tzinfo()
tzname = (_std, _dst)
del _std, _dst


def gmtime(secs=None):
    return struct_time(_time._gmtime(secs))


def localtime(secs=None):
    return struct_time(_time._localtime(secs))


def _as_tuple(t, fname):
    if isinstance(t, struct_time):
        return tuple(t), t.tm_zone, t.tm_gmtoff
    if not isinstance(t, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(t) != 9:
        raise TypeError('%s(): illegal time tuple argument' % fname)
    return t, None, None


def mktime(t):
    tt, _, _ = _as_tuple(t, 'mktime')
    return _time._mktime(tt)


def _checked(tt, fname):
    """CPython's checktm: ranges checked, 0 accepted (and made 1) for mon/mday/yday."""
    y, mon, mday, h, mi, s, wday, yday, isdst = tt
    for v in tt:
        if not isinstance(v, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)
    if mon == 0:
        mon = 1
    elif not 1 <= mon <= 12:
        raise ValueError('month out of range')
    if mday == 0:
        mday = 1
    elif not 1 <= mday <= 31:
        raise ValueError('day of month out of range')
    if not 0 <= h <= 23:
        raise ValueError('hour out of range')
    if not 0 <= mi <= 59:
        raise ValueError('minute out of range')
    if not 0 <= s <= 61:
        raise ValueError('seconds out of range')
    if wday < 0:
        raise ValueError('day of week out of range')
    wday = wday % 7
    if yday == 0:
        yday = 1
    elif not 1 <= yday <= 366:
        raise ValueError('day of year out of range')
    if isdst < -1:
        isdst = -1
    elif isdst > 1:
        isdst = 1
    return (y, mon, mday, h, mi, s, wday, yday, isdst)


def strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError('strftime() argument 1 must be str, not ' + type(format).__name__)
    if t is None:
        t = localtime()
    tt, zone, off = _as_tuple(t, 'strftime')
    tt = _checked(tt, 'strftime')
    if zone is None:
        zone = tzname[1 if tt[8] > 0 else 0]
        off = -(altzone if tt[8] > 0 else timezone)
    return _time._strftime(format, tt, zone, off)


_DAYS = ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')


def asctime(t=None):
    if t is None:
        t = localtime()
    tt, _, _ = _as_tuple(t, 'asctime')
    tt = _checked(tt, 'asctime')
    return '%s %s %2d %02d:%02d:%02d %d' % (_DAYS[tt[6]], _MONTHS[tt[1] - 1], tt[2], tt[3],
                                           tt[4], tt[5], tt[0])


def ctime(secs=None):
    return asctime(localtime(secs))


def strptime(string, format='%a %b %d %H:%M:%S %Y'):
    import _strptime
    return _strptime._strptime_time(string, format)


def get_clock_info(name):
    class _Info:
        pass
    info = _Info()
    info.implementation = 'clock_gettime'
    info.monotonic = name in ('monotonic', 'perf_counter', 'process_time')
    info.adjustable = name == 'time'
    info.resolution = 1e-09
    return info


def thread_time():
    return process_time()


def thread_time_ns():
    return process_time_ns()


CLOCK_REALTIME = 0
CLOCK_MONOTONIC = 1
CLOCK_PROCESS_CPUTIME_ID = 2
CLOCK_THREAD_CPUTIME_ID = 3
