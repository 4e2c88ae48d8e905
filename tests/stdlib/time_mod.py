# time: struct_time, gmtime/strftime/strptime/asctime (UTC only: deterministic), clocks, errors.
import time
t = time.gmtime(1700000000)
print(t, t[0], t.tm_yday, len(t), tuple(t))
print(time.strftime('%Y-%m-%d %H:%M:%S %a %b %j %%', t))
print(time.strptime('2023-11-14 22:13:20', '%Y-%m-%d %H:%M:%S'))
print(time.gmtime(0), time.strftime('%Y', (2020,1,1,0,0,0,0,1,0)))
print(time.ctime(0) == time.asctime(time.localtime(0)), type(time.timezone))
try: time.strptime('x', '%Y')
except ValueError as e: print(e)
try: time.strptime('2020x', '%Y')
except ValueError as e: print(e)
try: time.strftime('%Y', (2020,13,1,0,0,0,0,1,0))
except ValueError as e: print(e)
print(time.time() > 0, time.monotonic() > 0)
t = time.gmtime(86400 * 365.25 * 30)
print(t.tm_zone, t.tm_gmtoff, t == tuple(t), time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)))
try:
    time.struct_time((1, 2, 3))
except TypeError as e:
    print(e)
for bad in [lambda: time.gmtime('x'), lambda: time.sleep(-1), lambda: time.sleep('1'), lambda: time.strftime(1), lambda: time.asctime((2020, 1, 1))]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
a = time.perf_counter_ns(); b = time.perf_counter_ns()
print(b >= a, isinstance(time.time_ns(), int), isinstance(time.process_time(), float), time.monotonic_ns() > 0)
print(isinstance(time.timezone, int), isinstance(time.tzname, tuple), time.daylight in (0, 1))
print(time.strftime('%d/%m/%y %I%p %M %S %Z', time.gmtime(3600 * 13)), time.strptime('Mon Jan  5 10:00:00 2015'))
print(time.strptime('2015 123', '%Y %j')[:3], time.strptime('9:05 PM', '%I:%M %p')[3:5])
