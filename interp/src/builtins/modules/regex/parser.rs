//! Pattern text -> `ast::Node`, with CPython's syntax and its error messages and positions
//! (`re.error(msg, pattern, pos)`). The pattern is a slice of code points (a str's chars or a bytes
//! object's bytes); positions are indices into it. Flags in force are resolved here: each node
//! records the ones it needs. Escapes and character classes are parsed in escapes.rs.

use super::ast::{Node, INF};

pub const F_I: u32 = 2;
pub const F_L: u32 = 4;
pub const F_M: u32 = 8;
pub const F_S: u32 = 16;
pub const F_U: u32 = 32;
pub const F_X: u32 = 64;
pub const F_A: u32 = 256;
const TYPE_FLAGS: u32 = F_A | F_L | F_U;
const MAXREPEAT: u64 = 4294967295;
const MAX_DEPTH: usize = 500;

#[derive(Debug)]
pub struct PErr {
    pub msg: String,
    pub pos: Option<usize>,
    /// 0: `re.error`; 1: `OverflowError`; 2: `RecursionError` (a pattern nested too deeply).
    pub kind: u8,
}

pub struct Parsed {
    pub node: Node,
    pub ngroups: usize,
    pub names: Vec<(String, usize)>,
    pub flags: u32,
}

pub(super) struct Parser<'a> {
    pub(super) p: &'a [u32],
    pub(super) i: usize,
    pub(super) flags: u32,
    pub(super) istext: bool,
    pub(super) ngroups: usize,
    pub(super) names: Vec<(String, usize)>,
    pub(super) open: Vec<usize>,
    pub(super) grouprefpos: Vec<(usize, usize)>,
    /// widths[g]: the width of closed group g (index 0 unused).
    pub(super) widths: Vec<(u32, u32)>,
    /// Inside a lookbehind: the number of groups opened before the outermost one.
    pub(super) lookbehind: Option<usize>,
}

fn flag_of(c: u32) -> Option<u32> {
    Some(match char::from_u32(c)? {
        'i' => F_I,
        'L' => F_L,
        'm' => F_M,
        's' => F_S,
        'x' => F_X,
        'a' => F_A,
        'u' => F_U,
        _ => return None,
    })
}

fn is_ws(c: u32) -> bool {
    matches!(c, 0x20 | 0x09 | 0x0A | 0x0D | 0x0B | 0x0C)
}

fn is_alpha(c: u32) -> bool {
    char::from_u32(c).is_some_and(|c| c.is_alphabetic())
}

pub(super) fn text(cs: &[u32]) -> String {
    cs.iter()
        .map(|&c| crate::unicode::char_of(c).unwrap_or('\u{FFFD}'))
        .collect()
}

/// Python's repr of a str (for messages such as "unknown group name 'x'").
fn pyrepr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == q => {
                out.push('\\');
                out.push(c)
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

pub fn parse(p: &[u32], flags: u32, istext: bool) -> Result<Parsed, PErr> {
    let mut ps = Parser {
        p,
        i: 0,
        flags,
        istext,
        ngroups: 0,
        names: Vec::new(),
        open: Vec::new(),
        grouprefpos: Vec::new(),
        widths: vec![(0, 0)],
        lookbehind: None,
    };
    let node = ps.parse_alt(0, true)?;
    if ps.i < p.len() {
        return Err(ps.err("unbalanced parenthesis", 0));
    }
    for &(g, pos) in &ps.grouprefpos {
        if g > ps.ngroups {
            return Err(PErr {
                msg: format!("invalid group reference {}", g),
                pos: Some(pos),
                kind: 0,
            });
        }
    }
    Ok(Parsed {
        node,
        ngroups: ps.ngroups,
        names: ps.names,
        flags: ps.flags,
    })
}

impl<'a> Parser<'a> {
    pub(super) fn err(&self, msg: impl Into<String>, back: usize) -> PErr {
        PErr {
            msg: msg.into(),
            pos: Some(self.i - back),
            kind: 0,
        }
    }
    pub(super) fn peek(&self) -> Option<u32> {
        self.p.get(self.i).copied()
    }
    pub(super) fn is(&self, c: char) -> bool {
        self.peek() == Some(c as u32)
    }
    pub(super) fn eat(&mut self, c: char) -> bool {
        if self.is(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    pub(super) fn get(&mut self) -> Option<u32> {
        let c = self.peek();
        if c.is_some() {
            self.i += 1;
        }
        c
    }
    pub(super) fn ascii(&self) -> bool {
        !self.istext || self.flags & (F_A | F_L) != 0
    }
    pub(super) fn icase(&self) -> bool {
        self.flags & F_I != 0
    }
    pub(super) fn verbose(&self) -> bool {
        self.flags & F_X != 0
    }
    pub(super) fn lit(&self, c: u32) -> Node {
        Node::Lit {
            c,
            icase: self.icase(),
            ascii: self.ascii(),
        }
    }

    pub(super) fn parse_alt(&mut self, depth: usize, top: bool) -> Result<Node, PErr> {
        // The parser, compiler and matcher recurse on nesting: bound it (CPython's recursive
        // parser raises RecursionError too).
        if depth > MAX_DEPTH {
            return Err(PErr {
                msg: "maximum recursion depth exceeded".into(),
                pos: None,
                kind: 2,
            });
        }
        let mut branches = vec![self.parse_seq(depth, top)?];
        while self.eat('|') {
            branches.push(self.parse_seq(depth, false)?);
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap()
        } else {
            Node::Alt(branches)
        })
    }

    pub(super) fn parse_seq(&mut self, depth: usize, first: bool) -> Result<Node, PErr> {
        let mut items: Vec<Node> = Vec::new();
        // Marks the items a quantifier may not apply to (anchors, after a flags group).
        let mut last_is_at = false;
        while let Some(c) = self.peek() {
            // ')' ends a group; at top level parse() reports it as unbalanced.
            if c == '|' as u32 || c == ')' as u32 {
                break;
            }
            let start = self.i;
            self.i += 1;
            if self.verbose() {
                if is_ws(c) {
                    continue;
                }
                if c == '#' as u32 {
                    while let Some(d) = self.get() {
                        if d == '\n' as u32 {
                            break;
                        }
                    }
                    continue;
                }
            }
            let ch = char::from_u32(c).unwrap_or('\0');
            match ch {
                '*' | '+' | '?' | '{' => {
                    let (min, max) = match ch {
                        '*' => (0, INF),
                        '+' => (1, INF),
                        '?' => (0, 1),
                        _ => {
                            if self.is('}') {
                                items.push(self.lit(c));
                                last_is_at = false;
                                continue;
                            }
                            let here = self.i;
                            let lo = self.digits();
                            let hi = if self.eat(',') {
                                self.digits()
                            } else {
                                lo.clone()
                            };
                            if !self.eat('}') {
                                items.push(self.lit(c));
                                last_is_at = false;
                                self.i = here;
                                continue;
                            }
                            let big = || PErr {
                                msg: "the repetition number is too large".into(),
                                pos: None,
                                kind: 1,
                            };
                            let min = if lo.is_empty() {
                                0
                            } else {
                                num(&lo).filter(|&v| v < MAXREPEAT).ok_or_else(big)?
                            };
                            let max = if hi.is_empty() {
                                MAXREPEAT
                            } else {
                                num(&hi).filter(|&v| v < MAXREPEAT).ok_or_else(big)?
                            };
                            if max < min {
                                return Err(
                                    self.err("min repeat greater than max repeat", self.i - here)
                                );
                            }
                            (min as u32, if max == MAXREPEAT { INF } else { max as u32 })
                        }
                    };
                    if items.is_empty() || last_is_at {
                        return Err(PErr {
                            msg: "nothing to repeat".into(),
                            pos: Some(start),
                            kind: 0,
                        });
                    }
                    if matches!(items.last(), Some(Node::Repeat { .. })) {
                        return Err(PErr {
                            msg: "multiple repeat".into(),
                            pos: Some(start),
                            kind: 0,
                        });
                    }
                    let item = items.pop().unwrap();
                    let (greedy, possessive) = if self.eat('?') {
                        (false, false)
                    } else if self.eat('+') {
                        (true, true)
                    } else {
                        (true, false)
                    };
                    items.push(Node::Repeat {
                        node: Box::new(item),
                        min,
                        max,
                        greedy,
                        possessive,
                    });
                    // A lazy or possessive repeat is still a repeat for "multiple repeat".
                    last_is_at = false;
                    continue;
                }
                '.' => items.push(Node::Any {
                    dotall: self.flags & F_S != 0,
                }),
                '^' => {
                    items.push(Node::Bol {
                        multiline: self.flags & F_M != 0,
                    });
                    last_is_at = true;
                    continue;
                }
                '$' => {
                    items.push(Node::Eol {
                        multiline: self.flags & F_M != 0,
                    });
                    last_is_at = true;
                    continue;
                }
                '[' => {
                    let cls = self.parse_class(start)?;
                    items.push(cls);
                }
                '(' => {
                    let first_here = first && items.is_empty();
                    match self.parse_group(start, depth, first_here)? {
                        Some(n) => items.push(n),
                        None => continue, // global flags or comment: nothing added
                    }
                }
                '\\' => {
                    let n = self.parse_escape(start)?;
                    let at = matches!(n, Node::StartText | Node::EndText | Node::WordB { .. });
                    items.push(n);
                    last_is_at = at;
                    continue;
                }
                _ => items.push(self.lit(c)),
            }
            last_is_at = false;
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap(),
            _ => Node::Cat(items),
        })
    }

    pub(super) fn digits(&mut self) -> Vec<u32> {
        let mut v = Vec::new();
        while let Some(c) = self.peek() {
            if (b'0' as u32..=b'9' as u32).contains(&c) {
                v.push(c);
                self.i += 1;
            } else {
                break;
            }
        }
        v
    }

    /// Reads up to `terminator`; CPython's messages for a missing or empty name.
    pub(super) fn get_until(&mut self, term: char, what: &str) -> Result<Vec<u32>, PErr> {
        let mut name = Vec::new();
        loop {
            match self.get() {
                None => {
                    if name.is_empty() {
                        return Err(self.err(format!("missing {}", what), 0));
                    }
                    return Err(
                        self.err(format!("missing {}, unterminated name", term), name.len())
                    );
                }
                Some(c) if c == term as u32 => {
                    if name.is_empty() {
                        return Err(self.err(format!("missing {}", what), 1));
                    }
                    return Ok(name);
                }
                Some(c) => name.push(c),
            }
        }
    }

    pub(super) fn check_name(&self, name: &[u32]) -> Result<String, PErr> {
        let s = text(name);
        let ok = crate::objects::str::case::is_identifier(&s) && (self.istext || s.is_ascii());
        if !ok {
            return Err(self.err(
                format!("bad character in group name {}", pyrepr(&s)),
                name.len() + 1,
            ));
        }
        Ok(s)
    }

    pub(super) fn group_of(&self, name: &str) -> Option<usize> {
        self.names.iter().find(|(n, _)| n == name).map(|&(_, g)| g)
    }

    pub(super) fn parse_sub_until_close(
        &mut self,
        start: usize,
        depth: usize,
    ) -> Result<Node, PErr> {
        let n = self.parse_alt(depth + 1, false)?;
        if !self.eat(')') {
            return Err(PErr {
                msg: "missing ), unterminated subpattern".into(),
                pos: Some(start),
                kind: 0,
            });
        }
        Ok(n)
    }

    /// After '(' at `start`. `None` when the group adds nothing (global flags, comment).
    pub(super) fn parse_group(
        &mut self,
        start: usize,
        depth: usize,
        first: bool,
    ) -> Result<Option<Node>, PErr> {
        if !self.eat('?') {
            return self.capture(start, depth, None).map(Some);
        }
        let Some(c) = self.get() else {
            return Err(self.err("unexpected end of pattern", 0));
        };
        let ch = char::from_u32(c).unwrap_or('\0');
        match ch {
            'P' => {
                if self.eat('<') {
                    let name = self.get_until('>', "group name")?;
                    let s = self.check_name(&name)?;
                    if let Some(old) = self.group_of(&s) {
                        return Err(self.err(
                            format!(
                                "redefinition of group name {} as group {}; was group {}",
                                pyrepr(&s),
                                self.ngroups + 1,
                                old
                            ),
                            name.len() + 1,
                        ));
                    }
                    self.capture(start, depth, Some(s)).map(Some)
                } else if self.eat('=') {
                    let name = self.get_until(')', "group name")?;
                    let s = self.check_name(&name)?;
                    let Some(g) = self.group_of(&s) else {
                        return Err(
                            self.err(format!("unknown group name {}", pyrepr(&s)), name.len() + 1)
                        );
                    };
                    if self.open.contains(&g) {
                        return Err(self.err("cannot refer to an open group", name.len() + 1));
                    }
                    self.check_lookbehind_group(g)?;
                    Ok(Some(Node::Backref {
                        group: g,
                        icase: self.icase(),
                        ascii: self.ascii(),
                        width: self.widths[g],
                    }))
                } else {
                    match self.get() {
                        None => Err(self.err("unexpected end of pattern", 0)),
                        Some(d) => Err(self.err(format!("unknown extension ?P{}", text(&[d])), 3)),
                    }
                }
            }
            // Wrapped so that "(?:a*)*" is not a "multiple repeat".
            ':' => self
                .parse_sub_until_close(start, depth)
                .map(|n| Some(Node::Cat(vec![n]))),
            '>' => {
                let n = self.parse_sub_until_close(start, depth)?;
                Ok(Some(Node::Atomic(Box::new(n))))
            }
            '#' => loop {
                match self.get() {
                    None => {
                        return Err(PErr {
                            msg: "missing ), unterminated comment".into(),
                            pos: Some(start),
                            kind: 0,
                        })
                    }
                    Some(d) if d == ')' as u32 => return Ok(None),
                    _ => {}
                }
            },
            '=' | '!' | '<' => {
                let mut behind = false;
                let mut negate = ch == '!';
                if ch == '<' {
                    match self.get() {
                        None => return Err(self.err("unexpected end of pattern", 0)),
                        Some(d) if d == '=' as u32 => behind = true,
                        Some(d) if d == '!' as u32 => {
                            behind = true;
                            negate = true
                        }
                        Some(d) => {
                            return Err(self.err(format!("unknown extension ?<{}", text(&[d])), 3))
                        }
                    }
                }
                let outer = self.lookbehind;
                if behind && outer.is_none() {
                    self.lookbehind = Some(self.ngroups);
                }
                let n = self.parse_sub_until_close(start, depth);
                self.lookbehind = outer;
                let n = n?;
                if behind {
                    let (lo, hi) = n.width();
                    if lo != hi {
                        return Err(PErr {
                            msg: "look-behind requires fixed-width pattern".into(),
                            pos: None,
                            kind: 0,
                        });
                    }
                }
                Ok(Some(Node::Look {
                    behind,
                    negate,
                    node: Box::new(n),
                }))
            }
            '(' => {
                let name = self.get_until(')', "group name")?;
                let s = text(&name);
                let g = if crate::objects::str::case::is_identifier(&s)
                    && (self.istext || s.is_ascii())
                {
                    match self.group_of(&s) {
                        Some(g) => g,
                        None => {
                            return Err(self
                                .err(format!("unknown group name {}", pyrepr(&s)), name.len() + 1))
                        }
                    }
                } else {
                    let g = if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
                        s.parse::<u64>().ok()
                    } else {
                        None
                    };
                    let Some(g) = g else {
                        return Err(self.err(
                            format!("bad character in group name {}", pyrepr(&s)),
                            name.len() + 1,
                        ));
                    };
                    if g == 0 {
                        return Err(self.err("bad group number", name.len() + 1));
                    }
                    if g >= 1 << 30 {
                        return Err(
                            self.err(format!("invalid group reference {}", g), name.len() + 1)
                        );
                    }
                    self.grouprefpos.push((g as usize, self.i - name.len() - 1));
                    g as usize
                };
                self.check_lookbehind_group(g)?;
                let yes = self.parse_seq(depth + 1, false)?;
                let no = if self.eat('|') {
                    let no = self.parse_seq(depth + 1, false)?;
                    if self.is('|') {
                        return Err(self.err("conditional backref with more than two branches", 0));
                    }
                    no
                } else {
                    Node::Empty
                };
                if !self.eat(')') {
                    return Err(PErr {
                        msg: "missing ), unterminated subpattern".into(),
                        pos: Some(start),
                        kind: 0,
                    });
                }
                Ok(Some(Node::Cond {
                    group: g,
                    yes: Box::new(yes),
                    no: Box::new(no),
                }))
            }
            _ if flag_of(c).is_some() || ch == '-' => {
                let (add, del) = match self.parse_flags(c)? {
                    None => {
                        if !first {
                            return Err(PErr {
                                msg: "global flags not at the start of the expression".into(),
                                pos: Some(start),
                                kind: 0,
                            });
                        }
                        return Ok(None);
                    }
                    Some(ad) => ad,
                };
                let saved = self.flags;
                self.flags = (self.flags | add) & !del;
                let r = self.parse_sub_until_close(start, depth);
                self.flags = saved;
                r.map(|n| Some(Node::Cat(vec![n])))
            }
            _ => Err(self.err(format!("unknown extension ?{}", text(&[c])), 2)),
        }
    }

    /// A reference inside a lookbehind may not name a group opened in that lookbehind.
    pub(super) fn check_lookbehind_group(&self, g: usize) -> Result<(), PErr> {
        match self.lookbehind {
            Some(before) if g > before => Err(self.err(
                "cannot refer to group defined in the same lookbehind subpattern",
                0,
            )),
            _ => Ok(()),
        }
    }

    pub(super) fn capture(
        &mut self,
        start: usize,
        depth: usize,
        name: Option<String>,
    ) -> Result<Node, PErr> {
        self.ngroups += 1;
        let g = self.ngroups;
        if let Some(n) = name {
            self.names.push((n, g));
        }
        self.open.push(g);
        self.widths.push((0, INF));
        let n = self.parse_sub_until_close(start, depth);
        self.open.retain(|&x| x != g);
        let n = n?;
        self.widths[g] = n.width();
        Ok(Node::Group(g, Box::new(n)))
    }

    /// Inline flags after "(?"; `None` for global flags "(?aiLmsux)".
    pub(super) fn parse_flags(&mut self, first: u32) -> Result<Option<(u32, u32)>, PErr> {
        let mut add = 0;
        let mut del = 0;
        let mut c = first;
        if c != '-' as u32 {
            loop {
                let f = flag_of(c).unwrap();
                if self.istext && c == 'L' as u32 {
                    return Err(self.err(
                        "bad inline flags: cannot use 'L' flag with a str pattern",
                        0,
                    ));
                }
                if !self.istext && c == 'u' as u32 {
                    return Err(self.err(
                        "bad inline flags: cannot use 'u' flag with a bytes pattern",
                        0,
                    ));
                }
                add |= f;
                if f & TYPE_FLAGS != 0 && add & TYPE_FLAGS != f {
                    return Err(self.err(
                        "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                        0,
                    ));
                }
                match self.get() {
                    None => return Err(self.err("missing -, : or )", 0)),
                    Some(d) if d == ')' as u32 || d == '-' as u32 || d == ':' as u32 => {
                        c = d;
                        break;
                    }
                    Some(d) if flag_of(d).is_none() => {
                        let m = if is_alpha(d) {
                            "unknown flag"
                        } else {
                            "missing -, : or )"
                        };
                        return Err(self.err(m, 1));
                    }
                    Some(d) => c = d,
                }
            }
        }
        if c == ')' as u32 {
            self.flags |= add;
            return Ok(None);
        }
        if c == '-' as u32 {
            match self.get() {
                None => return Err(self.err("missing flag", 0)),
                Some(d) if flag_of(d).is_none() => {
                    let m = if is_alpha(d) {
                        "unknown flag"
                    } else {
                        "missing flag"
                    };
                    return Err(self.err(m, 1));
                }
                Some(d) => c = d,
            }
            loop {
                let f = flag_of(c).unwrap();
                if f & TYPE_FLAGS != 0 {
                    return Err(self.err(
                        "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                        0,
                    ));
                }
                del |= f;
                match self.get() {
                    None => return Err(self.err("missing :", 0)),
                    Some(d) if d == ':' as u32 => break,
                    Some(d) if flag_of(d).is_none() => {
                        let m = if is_alpha(d) {
                            "unknown flag"
                        } else {
                            "missing :"
                        };
                        return Err(self.err(m, 1));
                    }
                    Some(d) => c = d,
                }
            }
        }
        if add & del != 0 {
            return Err(self.err("bad inline flags: flag turned on and off", 1));
        }
        Ok(Some((add, del)))
    }
}

fn num(ds: &[u32]) -> Option<u64> {
    let mut v: u64 = 0;
    for &d in ds {
        v = v.checked_mul(10)?.checked_add((d - b'0' as u32) as u64)?;
    }
    Some(v)
}
