//! strip/lstrip/rstrip: the byte range left after removing leading and/or trailing whitespace or
//! elements of a given set.

use super::Flavor;
use std::ops::Range;

/// The range of `s` left after stripping elements in `chars` (None: whitespace) from the left
/// and/or the right.
pub fn strip<F: Flavor>(s: &[u8], chars: Option<&[u8]>, left: bool, right: bool) -> Range<usize> {
    // The set, decoded once (a str's chars are code points, not bytes).
    let set: Option<Vec<u32>> = chars.map(|c| {
        let mut v = Vec::new();
        let mut i = 0;
        while i < c.len() {
            let (x, n) = F::next(c, i);
            v.push(x);
            i += n;
        }
        v
    });
    let pred = |c: u32| match &set {
        None => F::is_space(c),
        Some(v) => v.contains(&c),
    };
    let (mut a, mut b) = (0, s.len());
    if left {
        while a < b {
            let (c, n) = F::next(s, a);
            if !pred(c) {
                break;
            }
            a += n;
        }
    }
    if right {
        while b > a {
            let (c, n) = F::prev(s, b);
            if !pred(c) {
                break;
            }
            b -= n;
        }
    }
    a..b
}
