//! ljust/rjust/center, zfill and expandtabs: new buffers whose size comes from a caller's width or tab
//! size, so it is checked (MemoryError / OverflowError) before anything is allocated.

use super::{add_size, buffer, mul_size, Flavor, SizeError};

/// Where center/ljust/rjust put the fill.
#[derive(Clone, Copy)]
pub enum Align {
    /// ljust: fill on the right.
    Left,
    /// rjust: fill on the left.
    Right,
    /// center: CPython puts the odd fill element on the left when both margin and width are odd.
    Center,
}

impl Align {
    /// The alignment of method `fname` (center/ljust/rjust).
    pub fn of(fname: &str) -> Align {
        match fname {
            "ljust" => Align::Left,
            "rjust" => Align::Right,
            _ => Align::Center,
        }
    }

    /// (left, right) fill counts for `marg` fill elements up to `width`.
    pub fn split(self, marg: usize, width: usize) -> (usize, usize) {
        match self {
            Align::Left => (0, marg),
            Align::Right => (marg, 0),
            Align::Center => {
                let l = marg / 2 + (marg & width & 1);
                (l, marg - l)
            }
        }
    }
}

/// `s` (of `nunits` elements) padded with the encoded element `fill` up to `width` elements, or None
/// when it is already as wide (the caller returns `s` itself or a copy).
pub fn pad(
    s: &[u8],
    nunits: usize,
    width: i64,
    fill: &[u8],
    align: Align,
) -> Result<Option<Vec<u8>>, SizeError> {
    if width <= nunits as i64 {
        return Ok(None);
    }
    let marg = width as usize - nunits;
    let (l, r) = align.split(marg, width as usize);
    let size = add_size(
        s.len(),
        mul_size(marg, fill.len(), SizeError::Memory)?,
        SizeError::Memory,
    )?;
    let mut out = buffer(size)?;
    for _ in 0..l {
        out.extend_from_slice(fill);
    }
    out.extend_from_slice(s);
    for _ in 0..r {
        out.extend_from_slice(fill);
    }
    Ok(Some(out))
}

/// zfill: `s` padded on the left with '0' up to `width` elements, after a leading sign; None when
/// already as wide.
pub fn zfill(s: &[u8], nunits: usize, width: i64) -> Result<Option<Vec<u8>>, SizeError> {
    let Some(mut out) = pad(s, nunits, width, b"0", Align::Right)? else {
        return Ok(None);
    };
    let fill = width as usize - nunits;
    if let Some(&c @ (b'+' | b'-')) = s.first() {
        out[0] = c;
        out[fill] = b'0';
    }
    Ok(Some(out))
}

/// expandtabs: tabs replaced by spaces up to the next multiple of `tabsize` (no spaces when
/// `tabsize` <= 0); the column restarts after "\n" and "\r". The size is counted first.
pub fn expandtabs<F: Flavor>(
    s: &[u8],
    tabsize: i64,
    too_long: &'static str,
) -> Result<Vec<u8>, SizeError> {
    let overflow = SizeError::Overflow(too_long);
    let tab = tabsize.max(0) as usize;
    // Pass 1: the result's size in bytes.
    let (mut size, mut col, mut i) = (0usize, 0usize, 0);
    while i < s.len() {
        let (c, n) = F::next(s, i);
        i += n;
        match c {
            0x09 if tab > 0 => {
                let k = tab - col % tab;
                col = add_size(col, k, overflow)?;
                size = add_size(size, k, overflow)?;
            }
            0x09 => {}
            0x0a | 0x0d => {
                col = 0;
                size += n;
            }
            _ => {
                col = add_size(col, 1, overflow)?;
                size += n;
            }
        }
    }
    // Pass 2: the buffer.
    let mut out = buffer(size)?;
    let (mut col, mut i) = (0usize, 0);
    while i < s.len() {
        let (c, n) = F::next(s, i);
        match c {
            0x09 if tab > 0 => {
                let k = tab - col % tab;
                out.resize(out.len() + k, b' ');
                col += k;
            }
            0x09 => {}
            _ => {
                out.extend_from_slice(&s[i..i + n]);
                col = if c == 0x0a || c == 0x0d { 0 } else { col + 1 };
            }
        }
        i += n;
    }
    Ok(out)
}
