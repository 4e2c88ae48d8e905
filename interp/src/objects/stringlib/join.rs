//! join and repetition: the total size is computed with checked arithmetic and the buffer reserved
//! fallibly before anything is copied.

use super::{add_size, buffer, mul_size, SizeError, MAX_SIZE};

/// `parts` joined with `sep`; `too_long` is the OverflowError message for a size beyond a Py_ssize_t.
pub fn join(sep: &[u8], parts: &[&[u8]], too_long: &'static str) -> Result<Vec<u8>, SizeError> {
    let overflow = SizeError::Overflow(too_long);
    let mut size = mul_size(sep.len(), parts.len().saturating_sub(1), overflow)?;
    for p in parts {
        size = add_size(size, p.len(), overflow)?;
    }
    let mut out = buffer(size)?;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(p);
    }
    Ok(out)
}

/// `s` (of `nunits` elements) repeated `n` times. A result of more than a Py_ssize_t of elements is
/// `too_many` (CPython's OverflowError "repeated string is too long" for str and bytes, MemoryError
/// for bytearray); a byte size beyond that (UTF-8 text longer in bytes than in chars) or a failed
/// reservation is MemoryError.
pub fn repeat(
    s: &[u8],
    nunits: usize,
    n: usize,
    too_many: SizeError,
) -> Result<Vec<u8>, SizeError> {
    mul_size(nunits, n, too_many)?;
    let size = mul_size(s.len(), n, SizeError::Memory)?;
    debug_assert!(size <= MAX_SIZE);
    let mut out = buffer(size)?;
    if size == 0 {
        return Ok(out);
    }
    if s.len() == 1 {
        out.resize(size, s[0]);
        return Ok(out);
    }
    out.extend_from_slice(s);
    // Doubling copies: log2(n) memcpys instead of n small ones.
    while out.len() < size {
        let k = out.len().min(size - out.len());
        out.extend_from_within(..k);
    }
    Ok(out)
}
