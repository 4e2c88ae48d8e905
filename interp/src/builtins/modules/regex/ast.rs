//! The parsed form of a pattern. Every flag-dependent node carries the flags in force where it
//! was written (scoped `(?i:...)` flags are resolved by the parser), so the compiler and matcher
//! never track flags.

use super::chars::Cat;

/// One member of a character class.
#[derive(Clone, Debug)]
pub enum ClassItem {
    Char(u32),
    Range(u32, u32),
    Cat(Cat),
}

#[derive(Clone, Debug)]
pub struct Class {
    pub negated: bool,
    pub items: Vec<ClassItem>,
    pub icase: bool,
    pub ascii: bool,
}

impl Class {
    fn contains_raw(&self, c: u32) -> bool {
        self.items.iter().any(|it| match *it {
            ClassItem::Char(x) => x == c,
            ClassItem::Range(lo, hi) => lo <= c && c <= hi,
            ClassItem::Cat(cat) => super::chars::in_cat(cat, c, self.ascii),
        })
    }
    /// Under IGNORECASE: adds the simple case variants of the listed chars (and of the chars of
    /// ranges up to a few thousand wide), so that a member such as 'ǅ' also admits 'ǆ' and 'Ǆ'.
    pub fn add_case_variants(&mut self) {
        use super::chars::{fold_lower, fold_upper};
        if !self.icase {
            return;
        }
        let mut extra = Vec::new();
        for it in &self.items {
            let (lo, hi) = match *it {
                ClassItem::Char(c) => (c, c),
                ClassItem::Range(lo, hi) if hi - lo < 4096 => (lo, hi),
                _ => continue,
            };
            for c in lo..=hi {
                for v in [fold_lower(c, self.ascii), fold_upper(c, self.ascii)] {
                    if (v < lo || v > hi) && !extra.contains(&v) {
                        extra.push(v);
                    }
                }
            }
        }
        self.items.extend(extra.into_iter().map(ClassItem::Char));
    }

    pub fn accepts(&self, c: u32) -> bool {
        use super::chars::{fold_lower, fold_upper};
        let hit = self.contains_raw(c)
            || (self.icase
                && (self.contains_raw(fold_lower(c, self.ascii))
                    || self.contains_raw(fold_upper(c, self.ascii))));
        hit != self.negated
    }
}

pub const INF: u32 = u32::MAX;

#[derive(Clone, Debug)]
pub enum Node {
    Empty,
    Lit {
        c: u32,
        icase: bool,
        ascii: bool,
    },
    /// `.`; `dotall` also matches "\n".
    Any {
        dotall: bool,
    },
    Class(Box<Class>),
    Cat(Vec<Node>),
    Alt(Vec<Node>),
    /// A capturing group (1-based index).
    Group(usize, Box<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: u32,
        greedy: bool,
        possessive: bool,
    },
    Atomic(Box<Node>),
    Look {
        behind: bool,
        negate: bool,
        node: Box<Node>,
    },
    Backref {
        group: usize,
        icase: bool,
        ascii: bool,
        /// The referenced group's width (a lookbehind may hold a fixed-width reference).
        width: (u32, u32),
    },
    Cond {
        group: usize,
        yes: Box<Node>,
        no: Box<Node>,
    },
    Bol {
        multiline: bool,
    },
    Eol {
        multiline: bool,
    },
    StartText,
    EndText,
    WordB {
        ascii: bool,
        negate: bool,
    },
}

impl Node {
    /// (min, max) width in characters; `INF` for unbounded (lookbehind needs min == max).
    pub fn width(&self) -> (u32, u32) {
        fn add(a: u32, b: u32) -> u32 {
            if a == INF || b == INF {
                INF
            } else {
                a.saturating_add(b).min(INF - 1)
            }
        }
        fn mul(a: u32, n: u32) -> u32 {
            if a == 0 {
                0
            } else if a == INF || n == INF {
                INF
            } else {
                (a as u64 * n as u64).min(INF as u64 - 1) as u32
            }
        }
        match self {
            Node::Lit { .. } | Node::Any { .. } | Node::Class(_) => (1, 1),
            Node::Cat(v) => v.iter().fold((0, 0), |(lo, hi), n| {
                let (a, b) = n.width();
                (add(lo, a), add(hi, b))
            }),
            Node::Alt(v) => v.iter().fold((INF, 0), |(lo, hi), n| {
                let (a, b) = n.width();
                (
                    lo.min(a),
                    if hi == INF || b == INF {
                        INF
                    } else {
                        hi.max(b)
                    },
                )
            }),
            Node::Group(_, n) | Node::Atomic(n) => n.width(),
            Node::Repeat { node, min, max, .. } => {
                let (a, b) = node.width();
                (mul(a, *min), mul(b, *max))
            }
            Node::Backref { width, .. } => *width,
            Node::Cond { yes, no, .. } => {
                let (a, b) = yes.width();
                let (c, d) = no.width();
                (a.min(c), if b == INF || d == INF { INF } else { b.max(d) })
            }
            _ => (0, 0),
        }
    }
}
