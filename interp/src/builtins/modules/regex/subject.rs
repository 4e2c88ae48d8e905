//! Subjects as the matcher sees them, and slicing them back into str/bytes objects.
//!
//! A non-ASCII str is stored as UTF-8, so its chars must be decoded to code points before matching
//! and char indexes mapped back to byte offsets for slicing. Both are O(n); a tokenizer calling
//! `pattern.match(s, pos)` in a loop would pay that per call, so the last decoded text is cached
//! per thread (a memcmp decides a hit) with a byte offset for every 64th char, making a slice
//! O(64 + its length). ASCII strs and bytes need neither: their bytes are the code points.
//! Plain Rust data only (the cache owns a copy of the text, never a `Value`).

use std::cell::RefCell;
use std::rc::Rc;

const STEP: usize = 64;

pub struct Decoded {
    pub text: String,
    pub codes: Vec<u32>,
    /// marks[k] is the byte offset of char k * STEP.
    marks: Vec<usize>,
}

impl Decoded {
    /// The byte offset of char index `i` (0 ..= number of chars).
    pub fn byte_of(&self, i: usize) -> usize {
        let k = i / STEP;
        let mut b = self.marks[k.min(self.marks.len() - 1)];
        let mut n = k * STEP;
        let bytes = self.text.as_bytes();
        while n < i && b < bytes.len() {
            b += 1;
            while b < bytes.len() && (bytes[b] & 0xC0) == 0x80 {
                b += 1;
            }
            n += 1;
        }
        b
    }
}

thread_local! {
    static LAST: RefCell<Option<Rc<Decoded>>> = const { RefCell::new(None) };
}

/// The decoded form of a non-ASCII `text` (from the cache when it is the last one decoded).
pub fn decode(text: &str) -> Rc<Decoded> {
    if let Some(d) = LAST.with(|l| l.borrow().as_ref().filter(|d| d.text == text).cloned()) {
        return d;
    }
    let mut codes = Vec::with_capacity(text.len());
    let mut marks = Vec::with_capacity(text.len() / STEP + 1);
    for (i, (b, c)) in text.char_indices().enumerate() {
        if i % STEP == 0 {
            marks.push(b);
        }
        codes.push(crate::unicode::code_of(c));
    }
    if codes.len() % STEP == 0 {
        marks.push(text.len());
    }
    let d = Rc::new(Decoded {
        text: text.to_string(),
        codes,
        marks,
    });
    LAST.with(|l| *l.borrow_mut() = Some(d.clone()));
    d
}
