# the minimal unittest: assert* methods, assertRaises forms, skip decorators, running a case
import sys
import unittest


class T(unittest.TestCase):
    def test_ok(self):
        self.assertEqual(1 + 1, 2)
        self.assertIn(1, [1])
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        print('caught', type(cm.exception).__name__)
        self.assertRaises(KeyError, {}.__getitem__, 'k')

    def test_fail(self):
        self.assertEqual([1], [2])

    @unittest.skip('no reason')
    def test_skipped(self):
        raise RuntimeError

    @unittest.skipIf(False, 'not skipped')
    def test_not_skipped(self):
        pass


t = T('test_ok')
t.test_ok()
for name, args in [('assertEqual', (1, 2)), ('assertTrue', (0,)), ('assertIsNone', (3,)),
                   ('assertNotIn', (1, [1])), ('assertLess', (2, 1)), ('assertIs', (1, None)),
                   ('assertAlmostEqual', (1.0, 1.1))]:
    try:
        getattr(t, name)(*args)
    except AssertionError as e:
        print(name, e)
try:
    t.assertEqual(1, 2, 'why')
except AssertionError as e:
    print(e)
try:
    with t.assertRaises(ValueError):
        pass
except AssertionError as e:
    print(e)
try:
    with t.assertRaises(ValueError):
        raise KeyError('k')
except KeyError as e:
    print('KeyError passes through', e)
print(T.test_skipped.__unittest_skip__, T.test_skipped.__unittest_skip_why__)
print(hasattr(T.test_not_skipped, '__unittest_skip__'), issubclass(unittest.SkipTest, Exception))
