//! strip/lstrip/rstrip: the byte range left after removing leading and/or trailing whitespace or
//! elements of a given set.

use super::Flavor;
use std::ops::Range;

/// The range of `s` left after stripping elements in `chars` (None: whitespace) from the left
/// and/or the right.
pub fn strip<F: Flavor>(s: &[u8], chars: Option<&[u8]>, left: bool, right: bool) -> Range<usize> {
    if let Some(set) = chars.filter(|c| c.is_ascii()) {
        // An ASCII set (`.strip(".,")`) compares bytes, with no decoding and no set to build: in
        // UTF-8 text a byte >= 0x80 belongs to a non-ASCII char, which is never in the set.
        let (mut a, mut b) = (0, s.len());
        if left {
            while a < b && set.contains(&s[a]) {
                a += 1;
            }
        }
        if right {
            while b > a && set.contains(&s[b - 1]) {
                b -= 1;
            }
        }
        return a..b;
    }
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
