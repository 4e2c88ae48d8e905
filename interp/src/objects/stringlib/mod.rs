//! The algorithms str, bytes and bytearray share (CPython's `Objects/stringlib/`): searching
//! (`search.rs`), splitting and partitioning (`split.rs`), stripping (`strip.rs`), replacing
//! (`replace.rs`), padding/zfill/expandtabs (`pad.rs`), joining and repetition (`join.rs`), written
//! once over byte slices and parameterised by a [`Flavor`]: `Bytes` (one element a byte, ASCII
//! whitespace and line breaks) or `Utf8` (one element a code point of valid UTF-8 text, Python's
//! Unicode whitespace and line breaks).
//!
//! Invariants:
//! - Everything here is pure: it takes byte slices and returns positions, byte ranges or new
//!   buffers, and never touches the VM or the GC heap (no GC point, nothing to root). The type
//!   modules (`objects/str/methods.rs`, `objects/bytes/methods.rs`) parse arguments, borrow or copy the
//!   data, call in here and build the result objects.
//! - Positions passed in and out are byte offsets; a str converts char indices to byte offsets once,
//!   at the edges (`Flavor::offset`/`Flavor::index`, identity for ASCII text and for bytes). UTF-8 is
//!   self-synchronising, so a match of valid UTF-8 in valid UTF-8 always starts and ends on char
//!   boundaries: searching, splitting and replacing work on the bytes of a str directly, and every
//!   buffer built from pieces of valid UTF-8 is valid UTF-8.
//! - Every size computed for a new buffer is checked before allocating (`SizeError`): an arithmetic
//!   overflow or a size beyond `isize::MAX` is CPython's OverflowError (its message) or MemoryError, and
//!   buffers are reserved with `try_reserve` so a failed allocation is a MemoryError, never an abort.

pub mod join;
pub mod pad;
pub mod replace;
pub mod search;
pub mod split;
pub mod strip;

use crate::vm::{Exc, Vm};

/// The element type of a string: how to step over elements, classify them and convert between
/// element indices and byte offsets.
pub trait Flavor {
    /// The element starting at byte `i` (< s.len()): its value and its length in bytes.
    fn next(s: &[u8], i: usize) -> (u32, usize);
    /// The element ending at byte `end` (> 0): its value and its length in bytes.
    fn prev(s: &[u8], end: usize) -> (u32, usize);
    /// Python's isspace for this flavor (`split()`/`strip()` without arguments).
    fn is_space(c: u32) -> bool;
    /// A line boundary of splitlines (besides "\r\n").
    fn is_linebreak(c: u32) -> bool;
    /// Byte offset of element index `ei` (clamped to the end); `ascii` says every element is one byte.
    fn offset(s: &[u8], ascii: bool, ei: usize) -> usize;
    /// Element index of byte offset `bi` (a boundary).
    fn index(s: &[u8], ascii: bool, bi: usize) -> usize;
    /// Number of elements in `s`.
    fn count(s: &[u8]) -> usize;
}

/// bytes and bytearray: one element is one byte.
pub enum Bytes {}

/// str: one element is one code point of valid UTF-8.
pub enum Utf8 {}

impl Flavor for Bytes {
    #[inline]
    fn next(s: &[u8], i: usize) -> (u32, usize) {
        (s[i] as u32, 1)
    }
    #[inline]
    fn prev(s: &[u8], end: usize) -> (u32, usize) {
        (s[end - 1] as u32, 1)
    }
    #[inline]
    fn is_space(c: u32) -> bool {
        matches!(c, 0x20 | 0x09 | 0x0a | 0x0d | 0x0b | 0x0c)
    }
    #[inline]
    fn is_linebreak(c: u32) -> bool {
        c == 0x0a || c == 0x0d
    }
    #[inline]
    fn offset(s: &[u8], _: bool, ei: usize) -> usize {
        ei.min(s.len())
    }
    #[inline]
    fn index(_: &[u8], _: bool, bi: usize) -> usize {
        bi
    }
    #[inline]
    fn count(s: &[u8]) -> usize {
        s.len()
    }
}

/// Length of the UTF-8 sequence led by byte `b`.
#[inline]
fn utf8_len(b: u8) -> usize {
    match b {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// Decodes the (valid) UTF-8 sequence of `n` bytes at `s[i..]`.
#[inline]
fn utf8_decode(s: &[u8], i: usize, n: usize) -> u32 {
    let b = s[i] as u32;
    match n {
        1 => b,
        2 => ((b & 0x1f) << 6) | (s[i + 1] as u32 & 0x3f),
        3 => ((b & 0x0f) << 12) | ((s[i + 1] as u32 & 0x3f) << 6) | (s[i + 2] as u32 & 0x3f),
        _ => {
            ((b & 0x07) << 18)
                | ((s[i + 1] as u32 & 0x3f) << 12)
                | ((s[i + 2] as u32 & 0x3f) << 6)
                | (s[i + 3] as u32 & 0x3f)
        }
    }
}

impl Flavor for Utf8 {
    #[inline]
    fn next(s: &[u8], i: usize) -> (u32, usize) {
        // ASCII bytes are their own code points: no decoding on the common path.
        if s[i] < 0x80 {
            return (s[i] as u32, 1);
        }
        let n = utf8_len(s[i]);
        (utf8_decode(s, i, n), n)
    }
    #[inline]
    fn prev(s: &[u8], end: usize) -> (u32, usize) {
        if s[end - 1] < 0x80 {
            return (s[end - 1] as u32, 1);
        }
        let mut i = end - 1;
        while i > 0 && (s[i] & 0xc0) == 0x80 {
            i -= 1;
        }
        (utf8_decode(s, i, end - i), end - i)
    }
    #[inline]
    fn is_space(c: u32) -> bool {
        // ASCII fast path: Python's ASCII whitespace is \t \n \v \f \r, \x1c-\x1f and space.
        if c < 0x80 {
            return matches!(c, 0x09..=0x0d | 0x1c..=0x20);
        }
        char::from_u32(c).is_some_and(crate::objects::str::args::py_space)
    }
    #[inline]
    fn is_linebreak(c: u32) -> bool {
        char::from_u32(c).is_some_and(crate::objects::str::args::py_linebreak)
    }
    fn offset(s: &[u8], ascii: bool, ei: usize) -> usize {
        if ascii {
            return ei.min(s.len());
        }
        let mut seen = 0;
        for (b, &c) in s.iter().enumerate() {
            if (c & 0xc0) != 0x80 {
                if seen == ei {
                    return b;
                }
                seen += 1;
            }
        }
        s.len()
    }
    fn index(s: &[u8], ascii: bool, bi: usize) -> usize {
        if ascii {
            return bi;
        }
        Self::count(&s[..bi.min(s.len())])
    }
    fn count(s: &[u8]) -> usize {
        s.iter().filter(|&&c| (c & 0xc0) != 0x80).count()
    }
}

/// Why a result could not be built: CPython's OverflowError (with its message) when the size does
/// not fit a Py_ssize_t, MemoryError when it does but cannot be allocated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizeError {
    Overflow(&'static str),
    Memory,
}

impl SizeError {
    /// The Python exception for this error.
    pub fn raise(self, vm: &mut Vm) -> Exc {
        match self {
            SizeError::Overflow(msg) => vm.overflow_error(msg),
            SizeError::Memory => vm.memory_error(),
        }
    }
}

/// The largest object size (CPython's PY_SSIZE_T_MAX).
pub const MAX_SIZE: usize = isize::MAX as usize;

/// `a * b` as a size, or `err` when it overflows or exceeds `MAX_SIZE`.
pub fn mul_size(a: usize, b: usize, err: SizeError) -> Result<usize, SizeError> {
    a.checked_mul(b).filter(|&n| n <= MAX_SIZE).ok_or(err)
}

/// `a + b` as a size, or `err` when it overflows or exceeds `MAX_SIZE`.
pub fn add_size(a: usize, b: usize, err: SizeError) -> Result<usize, SizeError> {
    a.checked_add(b).filter(|&n| n <= MAX_SIZE).ok_or(err)
}

/// An empty buffer with room for `n` bytes, or MemoryError (never an allocation abort).
pub fn buffer(n: usize) -> Result<Vec<u8>, SizeError> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| SizeError::Memory)?;
    Ok(v)
}

/// Text from bytes of a str: a range this module returned for a str, or a buffer it built from a
/// str's pieces and encoded chars.
pub fn as_text(b: &[u8]) -> &str {
    debug_assert!(std::str::from_utf8(b).is_ok());
    // SAFETY: callers pass only bytes cut from valid UTF-8 at ranges this module returned for the
    // `Utf8` flavor (char boundaries, see the module invariants) or buffers it assembled from such
    // pieces and from whole encoded chars, so the bytes are valid UTF-8.
    unsafe { std::str::from_utf8_unchecked(b) }
}

/// CPython's ADJUST_INDICES window [start:end] of a string, in bytes: (first byte, end byte, index of
/// the first element), or None when start > end after adjustment.
pub fn window<F: Flavor>(
    s: &[u8],
    nunits: usize,
    start: Option<i64>,
    end: Option<i64>,
) -> Option<(usize, usize, usize)> {
    let ascii = nunits == s.len();
    let (e0, e1) = crate::objects::str::args::adjust(nunits, start, end)?;
    // The whole string (the common case) needs no scan of non-ASCII text.
    let at = |e: usize| match e {
        0 => 0,
        e if e == nunits => s.len(),
        e => F::offset(s, ascii, e),
    };
    Some((at(e0), at(e1), e0))
}
