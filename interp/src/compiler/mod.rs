//! SKELETON (being written): AST -> bytecode.
use crate::bytecode::CodeUnit;

/// A compile-time error, reported by the VM as a Python exception of class `kind` (usually "SyntaxError").
#[derive(Debug, Clone)]
pub struct CompileError {
    pub kind: &'static str,
    pub msg: String,
    pub filename: String,
    pub line: u32,
    pub col: u32,
}

/// Compiles a module. `interactive` (REPL) makes expression statements print their value (PrintExpr).
pub fn compile(source: &str, filename: &str, interactive: bool) -> Result<CodeUnit, CompileError> {
    let _ = (source, filename, interactive);
    todo!()
}
