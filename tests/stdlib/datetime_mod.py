# datetime: timedelta, date, time, datetime, timezone: reprs, str, arithmetic, comparisons, ISO, strftime/strptime, errors.
from datetime import *
import datetime as dt
print(timedelta(1, 3600), timedelta(0), timedelta(days=-1, seconds=1), timedelta(microseconds=1), timedelta(hours=1.5), timedelta(weeks=2, minutes=3))
print(repr(timedelta(1, 3600)), repr(timedelta(0)), repr(timedelta(seconds=-1)), timedelta(days=3)/2, timedelta(days=3)//timedelta(hours=5), timedelta(seconds=10)*1.5)
print(abs(timedelta(-1)), -timedelta(1,1,1), timedelta(1).total_seconds(), divmod(timedelta(7), timedelta(2)), timedelta(7) % timedelta(2))
d = date(2024, 2, 29)
print(d, repr(d), d.weekday(), d.isoweekday(), d.isocalendar(), d.toordinal(), d + timedelta(1), d - date(2000,1,1), d.ctime(), d.strftime('%A %d %B %Y %j %U %W'))
print(date.fromordinal(738000), date.fromisoformat('2021-03-04'), date.fromisoformat('20210304'), date.fromisoformat('2021-W01-1'), date.fromisocalendar(2020, 53, 7))
for y in [1, 1999, 2000, 2004, 2020, 2021, 9999]:
    for m, dd in [(1,1),(1,3),(12,31),(12,28),(6,15)]:
        print(date(y,m,dd).isocalendar(), end=' ')
print()
t = time(12, 30, 15, 500)
print(t, repr(t), time(1), repr(time(1, 2, 3)), t.isoformat('minutes'), t.isoformat('milliseconds'), time.fromisoformat('10:20:30.123+02:00'))
x = datetime(2020, 5, 17, 13, 45, 30, 123456)
print(x, repr(x), repr(datetime(2020,1,1)), x.date(), x.time(), x.isoformat(), x.isoformat(' ', 'seconds'), x.strftime('%Y-%m-%d %H:%M:%S.%f %p %I %a'))
u = datetime(2020, 1, 1, tzinfo=timezone.utc)
print(u, repr(u), u.tzname(), u.utcoffset(), u.timestamp(), datetime.fromtimestamp(0, timezone.utc))
tz = timezone(timedelta(hours=5, minutes=30))
print(repr(tz), str(tz), repr(timezone(timedelta(hours=-3), 'BRT')), u.astimezone(tz), repr(u.astimezone(tz)))
print(timezone(timedelta(0)) is timezone.utc, timezone.utc == timezone(timedelta(0), 'X'), str(timezone(timedelta(seconds=-1))))
print(datetime.fromisoformat('2011-11-04T00:05:23Z'), datetime.fromisoformat('2011-11-04 00:05:23.283+00:00'), datetime.fromisoformat('20111104T000523'), datetime.fromisoformat('2011-11-04'))
print(datetime.strptime('2020-03-04 05:06:07', '%Y-%m-%d %H:%M:%S'), datetime.strptime('04/Mar/2020:05:06:07 +0100', '%d/%b/%Y:%H:%M:%S %z'))
print(x - datetime(2020,1,1), x + timedelta(days=400), datetime(2020,1,1) < x, x == x.replace(), hash(x) == hash(x.replace()), u - datetime(2019,12,31,23,tzinfo=tz))
print(u == datetime(2020,1,1,5,30,tzinfo=tz), u < datetime(2020,1,1,5,31,tzinfo=tz), date(2020,1,1) == datetime(2020,1,1))
print(datetime.combine(date(2020,1,2), time(3,4)), x.timetuple(), x.replace(year=2021, tzinfo=timezone.utc))
print(datetime(2020,1,1,12).timestamp() == datetime(2020,1,1,12).timestamp(), datetime.utcfromtimestamp(86400.5))
for bad in [lambda: date(2020, 13, 1), lambda: date(2021, 2, 29), lambda: date(0, 1, 1), lambda: datetime(2020,1,1,24), lambda: time(0, 60), lambda: timedelta(days=1e10), lambda: date(2020.0, 1, 1), lambda: date.fromisoformat('2020-1-1'), lambda: datetime(2020,1,1) < datetime(2020,1,1,tzinfo=timezone.utc), lambda: datetime(2020,1,1) - datetime(2020,1,1,tzinfo=timezone.utc), lambda: timezone(timedelta(hours=24)), lambda: date(2020,1,1) < datetime(2020,1,1), lambda: datetime.fromisoformat('bogus'), lambda: date.fromisocalendar(2021, 53, 1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(f'{x:%Y/%m}', format(d, ''), '{:%H}'.format(t), timedelta.max, timedelta.min, date.max, datetime.min, repr(time.max))
print(sorted([date(2020,1,3), date(2019,5,5), date(2020,1,1)]), {date(2020,1,1): 1}[date(2020,1,1)])
print(dt.MINYEAR, dt.MAXYEAR, isinstance(x, date), dt.UTC is timezone.utc)
