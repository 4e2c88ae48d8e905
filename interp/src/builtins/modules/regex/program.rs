//! `ast::Node` -> a flat program for the backtracking matcher (matcher.rs). Control flow is by
//! instruction index. Sub-programs (lookaround and atomic bodies) are inline and end with
//! `Succeed`; the whole program ends with `Match`. Counted and starred repeats of anything wider
//! than one char use a counter register (`RepStart`/`RepLoop`) instead of unrolling, so `{1000}`
//! costs one instruction; single-char repeats are one `RepOne` that the matcher runs as a scan
//! with a single backtrack entry.

use super::ast::{Class, Node};

/// A matcher of exactly one char.
#[derive(Debug)]
pub enum One {
    Char(u32),
    CharI { c: u32, ascii: bool },
    Any,
    AnyNl,
    Class(Box<Class>),
}

impl One {
    #[inline]
    pub fn accepts(&self, c: u32) -> bool {
        match self {
            One::Char(x) => *x == c,
            One::CharI { c: x, ascii } => super::chars::eq_icase(*x, c, *ascii),
            One::Any => true,
            One::AnyNl => c != '\n' as u32,
            One::Class(cls) => cls.accepts(c),
        }
    }
}

#[derive(Debug)]
pub enum Inst {
    One(One),
    RepOne {
        one: One,
        min: u32,
        max: u32,
        greedy: bool,
    },
    Bol,
    BolM,
    Eol,
    EolM,
    StartText,
    EndText,
    WordB {
        ascii: bool,
        negate: bool,
    },
    Save(usize),
    /// Try `.0` first; on failure `.1`.
    Split(usize, usize),
    Jmp(usize),
    Backref {
        group: usize,
        icase: bool,
        ascii: bool,
    },
    RepStart(usize),
    /// Body at pc + 1 (ends with Jmp back here), continues at `exit`.
    RepLoop {
        reg: usize,
        min: u32,
        max: u32,
        greedy: bool,
        exit: usize,
    },
    /// Body at pc + 1 ending with `Succeed`; continue at `end`.
    Look {
        behind: bool,
        negate: bool,
        width: usize,
        end: usize,
    },
    Atomic {
        end: usize,
    },
    /// Yes-branch at pc + 1; `no` if the group did not match.
    Cond {
        group: usize,
        no: usize,
    },
    Succeed,
    Match,
}

pub struct Prog {
    pub insts: Vec<Inst>,
    pub nregs: usize,
    pub ngroups: usize,
}

pub fn compile(node: &Node, ngroups: usize) -> Prog {
    let mut c = Compiler {
        insts: Vec::new(),
        nregs: 0,
    };
    c.emit(node);
    c.insts.push(Inst::Match);
    Prog {
        insts: c.insts,
        nregs: c.nregs,
        ngroups,
    }
}

struct Compiler {
    insts: Vec<Inst>,
    nregs: usize,
}

fn one_of(n: &Node) -> Option<One> {
    Some(match n {
        Node::Lit {
            c, icase: false, ..
        } => One::Char(*c),
        Node::Lit {
            c,
            icase: true,
            ascii,
        } => {
            // Only an ASCII non-letter is caseless for sure (non-ASCII 'ß' still matches 'ẞ').
            if *c < 128 && !(*c as u8).is_ascii_alphabetic() {
                One::Char(*c) // caseless char: exact compare is faster and equivalent
            } else {
                One::CharI {
                    c: *c,
                    ascii: *ascii,
                }
            }
        }
        Node::Any { dotall: true } => One::Any,
        Node::Any { dotall: false } => One::AnyNl,
        Node::Class(c) => One::Class(c.clone()),
        Node::Cat(v) if v.len() == 1 => return one_of(&v[0]),
        _ => return None,
    })
}

impl Compiler {
    fn pc(&self) -> usize {
        self.insts.len()
    }
    fn patch(&mut self, at: usize, to: usize) {
        match &mut self.insts[at] {
            Inst::Jmp(t) => *t = to,
            Inst::Split(_, b) => *b = to,
            Inst::RepLoop { exit, .. } => *exit = to,
            Inst::Look { end, .. } | Inst::Atomic { end } => *end = to,
            Inst::Cond { no, .. } => *no = to,
            _ => unreachable!("patching a non-jump"),
        }
    }

    fn emit(&mut self, n: &Node) {
        if let Some(o) = one_of(n) {
            self.insts.push(Inst::One(o));
            return;
        }
        match n {
            Node::Empty => {}
            Node::Cat(v) => v.iter().for_each(|x| self.emit(x)),
            Node::Alt(v) => {
                let mut jumps = Vec::new();
                for (i, b) in v.iter().enumerate() {
                    if i + 1 < v.len() {
                        let split = self.pc();
                        self.insts.push(Inst::Split(split + 1, 0));
                        self.emit(b);
                        jumps.push(self.pc());
                        self.insts.push(Inst::Jmp(0));
                        let next = self.pc();
                        self.patch(split, next);
                    } else {
                        self.emit(b);
                    }
                }
                let end = self.pc();
                for j in jumps {
                    self.patch(j, end);
                }
            }
            Node::Group(g, body) => {
                self.insts.push(Inst::Save(2 * g));
                self.emit(body);
                self.insts.push(Inst::Save(2 * g + 1));
            }
            Node::Repeat {
                node,
                min,
                max,
                greedy,
                possessive,
            } => {
                if *possessive {
                    let inner = Node::Repeat {
                        node: node.clone(),
                        min: *min,
                        max: *max,
                        greedy: true,
                        possessive: false,
                    };
                    self.emit(&Node::Atomic(Box::new(inner)));
                    return;
                }
                if *max == 0 {
                    return;
                }
                if let Some(one) = one_of(node) {
                    self.insts.push(Inst::RepOne {
                        one,
                        min: *min,
                        max: *max,
                        greedy: *greedy,
                    });
                    return;
                }
                if *min == 1 && *max == 1 {
                    self.emit(node);
                    return;
                }
                if *min == 0 && *max == 1 {
                    let split = self.pc();
                    self.insts.push(Inst::Split(0, 0));
                    self.emit(node);
                    let end = self.pc();
                    self.insts[split] = if *greedy {
                        Inst::Split(split + 1, end)
                    } else {
                        Inst::Split(end, split + 1)
                    };
                    return;
                }
                let reg = self.nregs;
                self.nregs += 1;
                self.insts.push(Inst::RepStart(reg));
                let lp = self.pc();
                self.insts.push(Inst::RepLoop {
                    reg,
                    min: *min,
                    max: *max,
                    greedy: *greedy,
                    exit: 0,
                });
                self.emit(node);
                self.insts.push(Inst::Jmp(lp));
                let end = self.pc();
                self.patch(lp, end);
            }
            Node::Atomic(body) => {
                let at = self.pc();
                self.insts.push(Inst::Atomic { end: 0 });
                self.emit(body);
                self.insts.push(Inst::Succeed);
                let end = self.pc();
                self.patch(at, end);
            }
            Node::Look {
                behind,
                negate,
                node,
            } => {
                let at = self.pc();
                let width = if *behind { node.width().0 as usize } else { 0 };
                self.insts.push(Inst::Look {
                    behind: *behind,
                    negate: *negate,
                    width,
                    end: 0,
                });
                self.emit(node);
                self.insts.push(Inst::Succeed);
                let end = self.pc();
                self.patch(at, end);
            }
            Node::Backref {
                group,
                icase,
                ascii,
                ..
            } => self.insts.push(Inst::Backref {
                group: *group,
                icase: *icase,
                ascii: *ascii,
            }),
            Node::Cond { group, yes, no } => {
                let at = self.pc();
                self.insts.push(Inst::Cond {
                    group: *group,
                    no: 0,
                });
                self.emit(yes);
                let j = self.pc();
                self.insts.push(Inst::Jmp(0));
                let no_pc = self.pc();
                self.patch(at, no_pc);
                self.emit(no);
                let end = self.pc();
                self.patch(j, end);
            }
            Node::Bol { multiline } => {
                self.insts
                    .push(if *multiline { Inst::BolM } else { Inst::Bol })
            }
            Node::Eol { multiline } => {
                self.insts
                    .push(if *multiline { Inst::EolM } else { Inst::Eol })
            }
            Node::StartText => self.insts.push(Inst::StartText),
            Node::EndText => self.insts.push(Inst::EndText),
            Node::WordB { ascii, negate } => self.insts.push(Inst::WordB {
                ascii: *ascii,
                negate: *negate,
            }),
            Node::Lit { .. } | Node::Any { .. } | Node::Class(_) => {
                unreachable!("single chars are handled above")
            }
        }
    }
}
