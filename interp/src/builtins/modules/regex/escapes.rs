//! Escapes and character classes of the pattern parser (parser.rs): `\x..`, `\u....`,
//! octal, categories, group references by number, and `[...]` with its ranges, with CPython's
//! errors ("bad escape \q", "bad character range z-a", "unterminated character set", ...).
//! Under IGNORECASE a class gets its members' case variants (ast::Class::add_case_variants).

use super::ast::{Class, ClassItem, Node};
use super::chars::Cat;
use super::parser::{text, PErr, Parser};

impl Parser<'_> {
    /// Hex digits for \x \u \U: exactly `n` of them.
    pub(super) fn hex(&mut self, n: usize, start: usize) -> Result<u32, PErr> {
        let mut v: u32 = 0;
        for _ in 0..n {
            match self
                .peek()
                .and_then(char::from_u32)
                .and_then(|c| c.to_digit(16))
            {
                Some(d) => {
                    v = v.wrapping_mul(16).wrapping_add(d);
                    self.i += 1;
                }
                None => {
                    let esc = text(&self.p[start..self.i]);
                    return Err(self.err(format!("incomplete escape {}", esc), self.i - start));
                }
            }
        }
        Ok(v)
    }

    pub(super) fn octal_more(&mut self, mut v: u32, max_more: usize) -> u32 {
        for _ in 0..max_more {
            match self.peek() {
                Some(c) if (b'0' as u32..=b'7' as u32).contains(&c) => {
                    v = v * 8 + (c - b'0' as u32);
                    self.i += 1;
                }
                _ => break,
            }
        }
        v
    }

    /// Escapes common to both contexts: \x \u \U \N and the plain letter escapes; `None` if `c`
    /// is not one of them.
    pub(super) fn common_escape(&mut self, c: u32, start: usize) -> Result<Option<u32>, PErr> {
        let ch = char::from_u32(c).unwrap_or('\0');
        Ok(Some(match ch {
            'a' => 7,
            'f' => 12,
            'n' => 10,
            'r' => 13,
            't' => 9,
            'v' => 11,
            '\\' => 92,
            'x' => self.hex(2, start)?,
            'u' | 'U' if self.istext => {
                let v = self.hex(if ch == 'u' { 4 } else { 8 }, start)?;
                if v > 0x10FFFF {
                    let esc = text(&self.p[start..self.i]);
                    return Err(self.err(format!("bad escape {}", esc), self.i - start));
                }
                v
            }
            _ => return Ok(None),
        }))
    }

    pub(super) fn parse_escape(&mut self, start: usize) -> Result<Node, PErr> {
        let Some(c) = self.get() else {
            return Err(self.err("bad escape (end of pattern)", 1));
        };
        if let Some(v) = self.common_escape(c, start)? {
            return Ok(self.lit(v));
        }
        let ascii = self.ascii();
        let ch = char::from_u32(c).unwrap_or('\0');
        let cat = |cat| {
            Node::Class(Box::new(Class {
                negated: false,
                items: vec![ClassItem::Cat(cat)],
                icase: false,
                ascii,
            }))
        };
        Ok(match ch {
            'A' => Node::StartText,
            'Z' => Node::EndText,
            'b' => Node::WordB {
                ascii,
                negate: false,
            },
            'B' => Node::WordB {
                ascii,
                negate: true,
            },
            'd' => cat(Cat::Digit),
            'D' => cat(Cat::NotDigit),
            'w' => cat(Cat::Word),
            'W' => cat(Cat::NotWord),
            's' => cat(Cat::Space),
            'S' => cat(Cat::NotSpace),
            '0' => {
                let v = self.octal_more(0, 2);
                self.lit(v)
            }
            '1'..='9' => {
                let d =
                    |x: Option<u32>| x.is_some_and(|x| (b'0' as u32..=b'9' as u32).contains(&x));
                let o =
                    |x: Option<u32>| x.is_some_and(|x| (b'0' as u32..=b'7' as u32).contains(&x));
                if d(self.peek()) {
                    if o(Some(c)) && o(self.peek()) && o(self.p.get(self.i + 1).copied()) {
                        let v = self.octal_more(c - b'0' as u32, 2);
                        if v > 0o377 {
                            let esc = text(&self.p[start..self.i]);
                            return Err(self.err(
                                format!("octal escape value {} outside of range 0-0o377", esc),
                                self.i - start,
                            ));
                        }
                        return Ok(self.lit(v));
                    }
                    self.i += 1;
                }
                let g = text(&self.p[start + 1..self.i])
                    .parse::<usize>()
                    .unwrap_or(0);
                if g <= self.ngroups {
                    if self.open.contains(&g) {
                        return Err(self.err("cannot refer to an open group", self.i - start));
                    }
                    self.check_lookbehind_group(g)?;
                    return Ok(Node::Backref {
                        group: g,
                        icase: self.icase(),
                        ascii,
                        width: self.widths[g],
                    });
                }
                return Err(self.err(format!("invalid group reference {}", g), self.i - start - 1));
            }
            'N' if self.istext => {
                return Err(self.err(
                    "bad escape \\N (named characters are not supported by minipy)",
                    2,
                ));
            }
            _ if c < 128 && (ch.is_ascii_alphabetic()) => {
                return Err(self.err(format!("bad escape \\{}", ch), 2));
            }
            _ => self.lit(c),
        })
    }

    /// One class member after '\\' (at `start`): a char or a category.
    pub(super) fn class_escape(&mut self, start: usize) -> Result<ClassItem, PErr> {
        let Some(c) = self.get() else {
            return Err(self.err("bad escape (end of pattern)", 1));
        };
        if c == 'b' as u32 {
            return Ok(ClassItem::Char(8));
        }
        if let Some(v) = self.common_escape(c, start)? {
            return Ok(ClassItem::Char(v));
        }
        let ch = char::from_u32(c).unwrap_or('\0');
        Ok(match ch {
            'd' => ClassItem::Cat(Cat::Digit),
            'D' => ClassItem::Cat(Cat::NotDigit),
            'w' => ClassItem::Cat(Cat::Word),
            'W' => ClassItem::Cat(Cat::NotWord),
            's' => ClassItem::Cat(Cat::Space),
            'S' => ClassItem::Cat(Cat::NotSpace),
            '0'..='7' => {
                let v = self.octal_more(c - b'0' as u32, 2);
                if v > 0o377 {
                    let esc = text(&self.p[start..self.i]);
                    return Err(self.err(
                        format!("octal escape value {} outside of range 0-0o377", esc),
                        self.i - start,
                    ));
                }
                ClassItem::Char(v)
            }
            '8' | '9' => return Err(self.err(format!("bad escape \\{}", ch), 2)),
            'N' if self.istext => {
                return Err(self.err(
                    "bad escape \\N (named characters are not supported by minipy)",
                    2,
                ))
            }
            _ if c < 128 && ch.is_ascii_alphabetic() => {
                return Err(self.err(format!("bad escape \\{}", ch), 2))
            }
            _ => ClassItem::Char(c),
        })
    }

    /// After '[' at `start`.
    pub(super) fn parse_class(&mut self, start: usize) -> Result<Node, PErr> {
        let negated = self.eat('^');
        let mut items: Vec<ClassItem> = Vec::new();
        let unterminated = |_: &Self| PErr {
            msg: "unterminated character set".into(),
            pos: Some(start),
            kind: 0,
        };
        let mut first = true;
        loop {
            let this_start = self.i;
            let Some(c) = self.get() else {
                return Err(unterminated(self));
            };
            if c == ']' as u32 && !first {
                break;
            }
            first = false;
            let code1 = if c == '\\' as u32 {
                self.class_escape(this_start)?
            } else {
                ClassItem::Char(c)
            };
            let this_end = self.i;
            if self.eat('-') {
                let that_start = self.i;
                let Some(d) = self.get() else {
                    return Err(unterminated(self));
                };
                if d == ']' as u32 {
                    items.push(code1);
                    items.push(ClassItem::Char('-' as u32));
                    break;
                }
                let code2 = if d == '\\' as u32 {
                    self.class_escape(that_start)?
                } else {
                    ClassItem::Char(d)
                };
                let bad = |s: &Self| {
                    let m = format!(
                        "bad character range {}-{}",
                        text(&s.p[this_start..this_end]),
                        text(&s.p[that_start..s.i])
                    );
                    PErr {
                        msg: m,
                        pos: Some(this_start),
                        kind: 0,
                    }
                };
                match (code1, code2) {
                    (ClassItem::Char(lo), ClassItem::Char(hi)) => {
                        if hi < lo {
                            return Err(bad(self));
                        }
                        items.push(ClassItem::Range(lo, hi));
                    }
                    _ => return Err(bad(self)),
                }
            } else {
                items.push(code1);
            }
        }
        let mut cls = Class {
            negated,
            items,
            icase: self.icase(),
            ascii: self.ascii(),
        };
        cls.add_case_variants();
        Ok(Node::Class(Box::new(cls)))
    }
}
