//! SKELETON (being written): the disassembler behind `minipy --dis`.
use crate::bytecode::CodeUnit;

/// Renders a code unit and, recursively, the code units among its constants.
pub fn disassemble(code: &CodeUnit) -> String {
    let _ = code;
    todo!()
}
