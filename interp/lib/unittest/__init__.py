"""unittest: a minimal subset — TestCase with the common assert* methods, skip/skipIf/skipUnless/
expectedFailure decorators, SkipTest, and main() running the test_* methods of the TestCase
subclasses of __main__ (sorted by name, as CPython's loader does).

main() reports on stderr as CPython's text runner does at verbosity 1 (a character per test, the
tracebacks of failures and errors, "Ran N tests", OK/FAILED) and exits with sys.exit(not ok).
Lacks: test suites/loaders/runners as objects, subTest, setUpClass/setUpModule, mock, command-line
options.
"""

import sys

__all__ = ['TestCase', 'SkipTest', 'skip', 'skipIf', 'skipUnless', 'expectedFailure', 'main']


class SkipTest(Exception):
    pass


def skip(reason):
    def deco(f):
        f.__unittest_skip__ = True
        f.__unittest_skip_why__ = reason
        return f
    if callable(reason) and not isinstance(reason, str):
        f, reason = reason, ''
        return deco(f)
    return deco


def skipIf(condition, reason):
    return skip(reason) if condition else (lambda f: f)


def skipUnless(condition, reason):
    return skip(reason) if not condition else (lambda f: f)


def expectedFailure(f):
    f.__unittest_expecting_failure__ = True
    return f


class _Raises:
    """assertRaises as a context manager (also used by the callable form)."""

    def __init__(self, case, expected, msg=None):
        self.case = case
        self.expected = expected
        self.msg = msg
        self.exception = None

    def __enter__(self):
        return self

    def __exit__(self, typ, value, tb):
        if typ is None:
            name = getattr(self.expected, '__name__', str(self.expected))
            self.case.fail(self.msg or '%s not raised' % name)
        if not issubclass(typ, self.expected):
            return False
        self.exception = value
        return True


def _safe_repr(x):
    try:
        return repr(x)
    except Exception:
        return object.__repr__(x)


class TestCase:
    failureException = AssertionError
    longMessage = True
    maxDiff = 80 * 8

    def __init__(self, methodName='runTest'):
        self._testMethodName = methodName

    def setUp(self):
        pass

    def tearDown(self):
        pass

    def id(self):
        return '%s.%s.%s' % (type(self).__module__, type(self).__qualname__,
                             self._testMethodName)

    def __str__(self):
        return '%s (%s.%s)' % (self._testMethodName, type(self).__module__,
                               type(self).__qualname__)

    def skipTest(self, reason):
        raise SkipTest(reason)

    def fail(self, msg=None):
        raise self.failureException(msg)

    def _fail(self, std, msg):
        if msg is not None:
            std = '%s : %s' % (std, msg)
        raise self.failureException(std)

    def assertEqual(self, first, second, msg=None):
        if not first == second:
            self._fail('%s != %s' % (_safe_repr(first), _safe_repr(second)), msg)

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            self._fail('%s == %s' % (_safe_repr(first), _safe_repr(second)), msg)

    def assertTrue(self, x, msg=None):
        if not x:
            self._fail('%s is not true' % _safe_repr(x), msg)

    def assertFalse(self, x, msg=None):
        if x:
            self._fail('%s is not false' % _safe_repr(x), msg)

    def assertIs(self, a, b, msg=None):
        if a is not b:
            self._fail('%s is not %s' % (_safe_repr(a), _safe_repr(b)), msg)

    def assertIsNot(self, a, b, msg=None):
        if a is b:
            self._fail('unexpectedly identical: %s' % _safe_repr(a), msg)

    def assertIsNone(self, x, msg=None):
        if x is not None:
            self._fail('%s is not None' % _safe_repr(x), msg)

    def assertIsNotNone(self, x, msg=None):
        if x is None:
            self._fail('unexpectedly None', msg)

    def assertIn(self, a, b, msg=None):
        if a not in b:
            self._fail('%s not found in %s' % (_safe_repr(a), _safe_repr(b)), msg)

    def assertNotIn(self, a, b, msg=None):
        if a in b:
            self._fail('%s unexpectedly found in %s' % (_safe_repr(a), _safe_repr(b)), msg)

    def assertIsInstance(self, obj, cls, msg=None):
        if not isinstance(obj, cls):
            self._fail('%s is not an instance of %r' % (_safe_repr(obj), cls), msg)

    def assertNotIsInstance(self, obj, cls, msg=None):
        if isinstance(obj, cls):
            self._fail('%s is an instance of %r' % (_safe_repr(obj), cls), msg)

    def _compare(self, ok, a, b, op, msg):
        if not ok:
            self._fail('%s not %s %s' % (_safe_repr(a), op, _safe_repr(b)), msg)

    def assertLess(self, a, b, msg=None):
        self._compare(a < b, a, b, 'less than', msg)

    def assertLessEqual(self, a, b, msg=None):
        self._compare(a <= b, a, b, 'less than or equal to', msg)

    def assertGreater(self, a, b, msg=None):
        self._compare(a > b, a, b, 'greater than', msg)

    def assertGreaterEqual(self, a, b, msg=None):
        self._compare(a >= b, a, b, 'greater than or equal to', msg)

    def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        if first == second:
            return
        diff = abs(first - second)
        if delta is not None:
            if diff <= delta:
                return
            std = '%s != %s within %s delta (%s difference)' % (
                _safe_repr(first), _safe_repr(second), _safe_repr(delta), _safe_repr(diff))
        else:
            places = 7 if places is None else places
            if round(diff, places) == 0:
                return
            std = '%s != %s within %r places (%s difference)' % (
                _safe_repr(first), _safe_repr(second), places, _safe_repr(diff))
        self._fail(std, msg)

    def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
        diff = abs(first - second)
        if delta is not None:
            ok = not (first == second) and diff > delta
        else:
            ok = not (first == second) and round(diff, 7 if places is None else places) != 0
        if not ok:
            self._fail('%s == %s' % (_safe_repr(first), _safe_repr(second)), msg)

    def assertRaises(self, expected, *args, **kwargs):
        if not args:
            return _Raises(self, expected, kwargs.pop('msg', None))
        with _Raises(self, expected):
            args[0](*args[1:], **kwargs)

    def assertCountEqual(self, first, second, msg=None):
        a, b = list(first), list(second)
        for x in a:
            if x in b:
                b.remove(x)
            else:
                self._fail('Element counts were not equal', msg)
        if b:
            self._fail('Element counts were not equal', msg)

    assertEquals = assertEqual
    assertNotEquals = assertNotEqual

    def run(self, result):
        """Runs one test method, recording its outcome in `result` (a _Result)."""
        method = getattr(self, self._testMethodName)
        if getattr(type(self), '__unittest_skip__', False) or \
                getattr(method, '__unittest_skip__', False):
            why = getattr(method, '__unittest_skip_why__', '') or \
                getattr(type(self), '__unittest_skip_why__', '')
            result.add('skip', self, why)
            return
        expecting = getattr(method, '__unittest_expecting_failure__', False)
        try:
            self.setUp()
        except SkipTest as e:
            result.add('skip', self, str(e))
            return
        except Exception as e:
            result.add('error', self, e)
            return
        outcome = ('success', None)
        try:
            method()
        except SkipTest as e:
            outcome = ('skip', str(e))
        except self.failureException as e:
            outcome = ('expected' if expecting else 'fail', e)
        except Exception as e:
            outcome = ('expected' if expecting else 'error', e)
        else:
            if expecting:
                outcome = ('unexpected', None)
        try:
            self.tearDown()
        except Exception as e:
            if outcome[0] == 'success':
                outcome = ('error', e)
        result.add(outcome[0], self, outcome[1])


_MARK = {'success': '.', 'fail': 'F', 'error': 'E', 'skip': 's', 'expected': 'x',
         'unexpected': 'u'}


class _Result:
    def __init__(self, stream):
        self.stream = stream
        self.counts = {}
        self.problems = []
        self.run = 0

    def add(self, kind, test, detail):
        self.run += 1
        self.counts[kind] = self.counts.get(kind, 0) + 1
        self.stream.write(_MARK[kind])
        if kind in ('fail', 'error'):
            self.problems.append((kind, test, detail))

    def ok(self):
        return not (self.counts.get('fail') or self.counts.get('error')
                    or self.counts.get('unexpected'))


def _tests_of(module):
    cases = []
    for name in dir(module):
        obj = getattr(module, name)
        if isinstance(obj, type) and issubclass(obj, TestCase):
            for m in sorted(n for n in dir(obj) if n.startswith('test')
                            and callable(getattr(obj, n))):
                cases.append(obj(m))
    return cases


def main(module='__main__', exit=True, verbosity=1, **kwargs):
    if isinstance(module, str):
        module = sys.modules[module]
    stream = sys.stderr
    result = _Result(stream)
    for case in _tests_of(module):
        case.run(result)
    stream.write('\n')
    for kind, test, detail in result.problems:
        stream.write('=' * 70 + '\n')
        stream.write('%s: %s\n' % ('FAIL' if kind == 'fail' else 'ERROR', test))
        stream.write('-' * 70 + '\n')
        stream.write('%s: %s\n\n' % (type(detail).__name__, detail))
    stream.write('-' * 70 + '\n')
    stream.write('Ran %d test%s in 0.000s\n\n' % (result.run, '' if result.run == 1 else 's'))
    extra = []
    for kind, label in (('fail', 'failures'), ('error', 'errors'), ('skip', 'skipped'),
                        ('expected', 'expected failures'),
                        ('unexpected', 'unexpected successes')):
        if result.counts.get(kind):
            extra.append('%s=%d' % (label, result.counts[kind]))
    status = 'OK' if result.ok() else 'FAILED'
    stream.write(status + (' (%s)' % ', '.join(extra) if extra else '') + '\n')
    if exit:
        sys.exit(not result.ok())
    return result
