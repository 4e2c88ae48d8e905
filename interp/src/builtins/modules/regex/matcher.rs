//! The backtracking matcher: runs a `Prog` over a subject with an explicit backtrack stack (no
//! Rust recursion per char, so long subjects never overflow the stack; only lookaround and atomic
//! bodies recurse, as deep as the pattern nests them). The stack holds alternatives to retry and a
//! trail of undo records (captures, repeat registers, lastindex), so backtracking restores exactly
//! the state at the choice point. A single-char repeat keeps one entry however many chars it ate.

use super::chars;
use super::program::{Inst, One, Prog};

pub const UNSET: usize = usize::MAX;

/// The subject: a str's code points or a bytes object's (or an ASCII str's) bytes.
pub trait Subject {
    fn code_len(&self) -> usize;
    fn code_at(&self, i: usize) -> u32;
}
impl Subject for [u8] {
    #[inline(always)]
    fn code_len(&self) -> usize {
        <[u8]>::len(self)
    }
    #[inline(always)]
    fn code_at(&self, i: usize) -> u32 {
        self[i] as u32
    }
}
impl Subject for [u32] {
    #[inline(always)]
    fn code_len(&self) -> usize {
        <[u32]>::len(self)
    }
    #[inline(always)]
    fn code_at(&self, i: usize) -> u32 {
        self[i]
    }
}

enum Bt {
    Alt {
        pc: usize,
        pos: usize,
    },
    Cap {
        slot: usize,
        old: usize,
    },
    Reg {
        reg: usize,
        old: (u32, usize),
    },
    Last(usize),
    RepOne {
        pc: usize,
        start: usize,
        count: usize,
    },
    LazyIter {
        reg: usize,
        pc: usize,
        pos: usize,
    },
}

pub struct Matcher<'a, S: Subject + ?Sized> {
    prog: &'a Prog,
    s: &'a S,
    end: usize,
    pub caps: Vec<usize>,
    /// Per repeat register: (iterations so far, position where the current iteration began).
    regs: Vec<(u32, usize)>,
    /// Group index of the last closed group (0: none).
    pub lastindex: usize,
    stack: Vec<Bt>,
    full: bool,
    /// A match must end at or after this (the "must advance" rule after an empty match).
    min_end: usize,
}

pub enum Mode {
    Match,
    Full,
    Search,
}

impl<'a, S: Subject + ?Sized> Matcher<'a, S> {
    /// `end` is endpos: the subject is seen as cut there.
    pub fn new(prog: &'a Prog, s: &'a S, end: usize) -> Self {
        Matcher {
            prog,
            s,
            end,
            caps: vec![UNSET; 2 * (prog.ngroups + 1)],
            regs: vec![(0, UNSET); prog.nregs],
            lastindex: 0,
            stack: Vec::new(),
            full: false,
            min_end: 0,
        }
    }

    /// Finds a match starting at `pos` (Match/Full) or at or after it (Search); fills `caps`.
    pub fn find_from(&mut self, pos: usize, mode: Mode, must_advance: bool) -> bool {
        self.full = matches!(mode, Mode::Full);
        let prefix = match self.prog.insts.first() {
            Some(Inst::One(One::Char(c))) => Some(*c),
            Some(Inst::RepOne {
                one: One::Char(c),
                min,
                ..
            }) if *min > 0 => Some(*c),
            _ => None,
        };
        let anchored = matches!(
            self.prog.insts.first(),
            Some(Inst::StartText) | Some(Inst::Bol)
        );
        let mut start = pos;
        loop {
            if start > self.end {
                return false;
            }
            if let (Some(c), Mode::Search) = (prefix, &mode) {
                while start < self.end && self.s.code_at(start) != c {
                    start += 1;
                }
                if start >= self.end {
                    return false;
                }
            }
            self.caps.iter_mut().for_each(|c| *c = UNSET);
            self.lastindex = 0;
            self.stack.clear();
            self.min_end = if must_advance && start == pos {
                pos + 1
            } else {
                0
            };
            if let Some(e) = self.run_from(0, start) {
                self.caps[0] = start;
                self.caps[1] = e;
                return true;
            }
            if !matches!(mode, Mode::Search) || (anchored && start > 0) {
                return false;
            }
            if anchored && start == 0 {
                // \A or non-multiline ^ can only match at 0.
                return false;
            }
            start += 1;
        }
    }

    fn set_cap(&mut self, slot: usize, v: usize) {
        self.stack.push(Bt::Cap {
            slot,
            old: self.caps[slot],
        });
        self.caps[slot] = v;
    }
    fn set_reg(&mut self, reg: usize, v: (u32, usize)) {
        self.stack.push(Bt::Reg {
            reg,
            old: self.regs[reg],
        });
        self.regs[reg] = v;
    }
    fn is_word_at(&self, i: usize, ascii: bool) -> bool {
        i < self.end && chars::is_word(self.s.code_at(i), ascii)
    }

    /// Drops the alternatives above `base` but keeps the undo records (a committed sub-match).
    fn commit(&mut self, base: usize) {
        let mut w = base;
        for r in base..self.stack.len() {
            if matches!(self.stack[r], Bt::Cap { .. } | Bt::Reg { .. } | Bt::Last(_)) {
                self.stack.swap(w, r);
                w += 1;
            }
        }
        self.stack.truncate(w);
    }
    /// Undoes everything above `base`.
    fn unwind(&mut self, base: usize) {
        while self.stack.len() > base {
            match self.stack.pop().unwrap() {
                Bt::Cap { slot, old } => self.caps[slot] = old,
                Bt::Reg { reg, old } => self.regs[reg] = old,
                Bt::Last(l) => self.lastindex = l,
                _ => {}
            }
        }
    }

    /// Runs from `pc` at `pos` until `Match`/`Succeed`; the end position, or `None` with every
    /// change above the entry stack height undone.
    fn run_from(&mut self, mut pc: usize, mut pos: usize) -> Option<usize> {
        let base = self.stack.len();
        let prog = self.prog;
        let end = self.end;
        'outer: loop {
            let ok = match &prog.insts[pc] {
                Inst::One(o) => {
                    if pos < end && o.accepts(self.s.code_at(pos)) {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::RepOne {
                    one,
                    min,
                    max,
                    greedy,
                } => {
                    let (min, max) = (
                        *min as usize,
                        if *max == u32::MAX {
                            usize::MAX
                        } else {
                            *max as usize
                        },
                    );
                    let limit = if *greedy { max } else { min };
                    let mut n = 0;
                    while n < limit && pos + n < end && one.accepts(self.s.code_at(pos + n)) {
                        n += 1;
                    }
                    if n < min {
                        false
                    } else {
                        if (*greedy && n > min) || (!*greedy && max > min) {
                            self.stack.push(Bt::RepOne {
                                pc,
                                start: pos,
                                count: n,
                            });
                        }
                        pos += n;
                        pc += 1;
                        true
                    }
                }
                Inst::Bol => {
                    pos == 0 && {
                        pc += 1;
                        true
                    }
                }
                Inst::BolM => {
                    (pos == 0 || self.s.code_at(pos - 1) == '\n' as u32) && {
                        pc += 1;
                        true
                    }
                }
                Inst::Eol => {
                    (pos == end || (pos + 1 == end && self.s.code_at(pos) == '\n' as u32)) && {
                        pc += 1;
                        true
                    }
                }
                Inst::EolM => {
                    (pos == end || self.s.code_at(pos) == '\n' as u32) && {
                        pc += 1;
                        true
                    }
                }
                Inst::StartText => {
                    pos == 0 && {
                        pc += 1;
                        true
                    }
                }
                Inst::EndText => {
                    pos == end && {
                        pc += 1;
                        true
                    }
                }
                Inst::WordB { ascii, negate } => {
                    let b = pos > 0 && self.is_word_at(pos - 1, *ascii);
                    let a = self.is_word_at(pos, *ascii);
                    let hit = if *negate { end > 0 && a == b } else { a != b };
                    hit && {
                        pc += 1;
                        true
                    }
                }
                Inst::Save(slot) => {
                    self.set_cap(*slot, pos);
                    if slot % 2 == 1 {
                        self.stack.push(Bt::Last(self.lastindex));
                        self.lastindex = slot / 2;
                    }
                    pc += 1;
                    true
                }
                Inst::Split(a, b) => {
                    self.stack.push(Bt::Alt { pc: *b, pos });
                    pc = *a;
                    true
                }
                Inst::Jmp(t) => {
                    pc = *t;
                    true
                }
                Inst::Backref {
                    group,
                    icase,
                    ascii,
                } => {
                    let (s0, e0) = (self.caps[2 * group], self.caps[2 * group + 1]);
                    if s0 == UNSET || e0 == UNSET || s0 > e0 {
                        false
                    } else {
                        let n = e0 - s0;
                        let ok = pos + n <= end
                            && (0..n).all(|k| {
                                let (x, y) = (self.s.code_at(s0 + k), self.s.code_at(pos + k));
                                x == y || (*icase && chars::eq_icase(x, y, *ascii))
                            });
                        ok && {
                            pos += n;
                            pc += 1;
                            true
                        }
                    }
                }
                Inst::RepStart(reg) => {
                    self.set_reg(*reg, (0, UNSET));
                    pc += 1;
                    true
                }
                Inst::RepLoop {
                    reg,
                    min,
                    max,
                    greedy,
                    exit,
                } => {
                    let (c, last) = self.regs[*reg];
                    if c >= *min && last == pos {
                        // The last iteration matched empty: stop iterating.
                        pc = *exit;
                    } else if c < *min {
                        self.set_reg(*reg, (c + 1, pos));
                        pc += 1;
                    } else if *max != u32::MAX && c >= *max {
                        pc = *exit;
                    } else if *greedy {
                        self.stack.push(Bt::Alt { pc: *exit, pos });
                        self.set_reg(*reg, (c + 1, pos));
                        pc += 1;
                    } else {
                        self.stack.push(Bt::LazyIter {
                            reg: *reg,
                            pc: pc + 1,
                            pos,
                        });
                        pc = *exit;
                    }
                    true
                }
                Inst::Look {
                    behind,
                    negate,
                    width,
                    end: after,
                } => {
                    let (behind, negate, width, after) = (*behind, *negate, *width, *after);
                    let here = self.stack.len();
                    // A lookbehind body is fixed-width: started `width` back, it ends at `pos`.
                    let found = if behind && pos < width {
                        None
                    } else {
                        self.run_from(pc + 1, pos - if behind { width } else { 0 })
                    };
                    match (found.is_some(), negate) {
                        (true, false) => {
                            self.commit(here);
                            pc = after;
                            true
                        }
                        (true, true) => {
                            self.unwind(here);
                            false
                        }
                        (false, false) => false,
                        (false, true) => {
                            pc = after;
                            true
                        }
                    }
                }
                Inst::Atomic { end: after } => {
                    let after = *after;
                    let here = self.stack.len();
                    match self.run_from(pc + 1, pos) {
                        Some(e) => {
                            self.commit(here);
                            pos = e;
                            pc = after;
                            true
                        }
                        None => false,
                    }
                }
                Inst::Cond { group, no } => {
                    if self.caps[2 * group + 1] != UNSET && self.caps[2 * group] != UNSET {
                        pc += 1;
                    } else {
                        pc = *no;
                    }
                    true
                }
                Inst::Succeed => return Some(pos),
                Inst::Match => {
                    if (!self.full || pos == end) && pos >= self.min_end {
                        return Some(pos);
                    }
                    false
                }
            };
            if ok {
                continue;
            }
            // Backtrack.
            loop {
                if self.stack.len() == base {
                    return None;
                }
                match self.stack.pop().unwrap() {
                    Bt::Alt { pc: p, pos: q } => {
                        pc = p;
                        pos = q;
                        continue 'outer;
                    }
                    Bt::Cap { slot, old } => self.caps[slot] = old,
                    Bt::Reg { reg, old } => self.regs[reg] = old,
                    Bt::Last(l) => self.lastindex = l,
                    Bt::LazyIter { reg, pc: p, pos: q } => {
                        let c = self.regs[reg].0;
                        self.set_reg(reg, (c + 1, q));
                        pc = p;
                        pos = q;
                        continue 'outer;
                    }
                    Bt::RepOne {
                        pc: p,
                        start,
                        count,
                    } => {
                        let Inst::RepOne {
                            one,
                            min,
                            max,
                            greedy,
                        } = &prog.insts[p]
                        else {
                            unreachable!()
                        };
                        if *greedy {
                            let mut n = count - 1;
                            // Followed by a literal: give back chars until that literal can match
                            // (a tight loop instead of one failed attempt per char).
                            if let Some(Inst::One(One::Char(c))) = prog.insts.get(p + 1) {
                                while n > *min as usize
                                    && (start + n >= self.end || self.s.code_at(start + n) != *c)
                                {
                                    n -= 1;
                                }
                            }
                            if n > *min as usize {
                                self.stack.push(Bt::RepOne {
                                    pc: p,
                                    start,
                                    count: n,
                                });
                            }
                            pc = p + 1;
                            pos = start + n;
                            continue 'outer;
                        }
                        let max = if *max == u32::MAX {
                            usize::MAX
                        } else {
                            *max as usize
                        };
                        let at = start + count;
                        if count < max && at < self.end && one.accepts(self.s.code_at(at)) {
                            if count + 1 < max {
                                self.stack.push(Bt::RepOne {
                                    pc: p,
                                    start,
                                    count: count + 1,
                                });
                            }
                            pc = p + 1;
                            pos = at + 1;
                            continue 'outer;
                        }
                    }
                }
            }
        }
    }
}
