//! Stack effects of the opcodes and the flow analysis that computes a code unit's maximum stack depth
//! (also checking that every instruction is reached with one consistent depth).

use crate::bytecode::{Instr, Op};

/// Whether the argument of `op` is an instruction index (jumps, ForIter and the block setups).
pub fn is_jump(op: Op) -> bool {
    matches!(
        op,
        Op::Jump
            | Op::PopJumpIfFalse
            | Op::PopJumpIfTrue
            | Op::JumpIfFalseOrPop
            | Op::JumpIfTrueOrPop
            | Op::ForIter
            | Op::SetupExcept
            | Op::SetupFinally
            | Op::BeforeWith
    )
}

/// Whether execution never falls through to the next instruction.
fn is_terminal(op: Op) -> bool {
    matches!(
        op,
        Op::Jump | Op::ReturnValue | Op::Reraise | Op::RaiseVarargs
    )
}

/// Net stack effect of an instruction. `jump` selects the effect when the jump is taken (for block
/// setups: the depth at the handler relative to the depth before the instruction, exception included).
pub fn stack_effect(op: Op, arg: u32, jump: bool) -> i32 {
    let n = arg as i32;
    match op {
        Op::Nop | Op::Rot2 | Op::Rot3 | Op::Rot4 => 0,
        Op::Pop => -1,
        Op::Dup => 1,
        Op::Dup2 => 2,
        Op::LoadConst
        | Op::LoadFast
        | Op::LoadDeref
        | Op::LoadClosure
        | Op::LoadGlobal
        | Op::LoadName
        | Op::LoadClassDeref => 1,
        Op::StoreFast | Op::StoreDeref | Op::StoreGlobal | Op::StoreName => -1,
        Op::DeleteFast | Op::DeleteDeref | Op::DeleteGlobal | Op::DeleteName => 0,
        Op::LoadAttr => 0,
        Op::StoreAttr => -2,
        Op::DeleteAttr => -1,
        Op::LoadMethod => 1,
        Op::CallMethod => -(n + 1),
        Op::Subscript => -1,
        Op::StoreSubscr => -3,
        Op::DeleteSubscr => -2,
        Op::BuildSlice => 1 - n,
        Op::BinaryOp | Op::InplaceOp => -1,
        Op::UnaryOp => 0,
        Op::CompareOp | Op::IsOp | Op::ContainsOp => -1,
        Op::BuildTuple | Op::BuildList | Op::BuildSet | Op::BuildString => 1 - n,
        Op::BuildMap => 1 - 2 * n,
        Op::BuildConstKeyMap => -n,
        Op::ListAppend | Op::SetAdd => -1,
        Op::MapAdd => -2,
        Op::ListExtend | Op::SetUpdate | Op::DictUpdate | Op::DictMerge => -1,
        Op::ListToTuple => 0,
        Op::FormatValue => {
            if arg & 4 != 0 {
                -1
            } else {
                0
            }
        }
        Op::Jump => 0,
        Op::PopJumpIfFalse | Op::PopJumpIfTrue => -1,
        Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
            if jump {
                0
            } else {
                -1
            }
        }
        Op::GetIter => 0,
        Op::ForIter => {
            if jump {
                -1
            } else {
                1
            }
        }
        Op::Call => -n,
        Op::CallKw => -(n + 1),
        Op::CallEx => -1 - (n & 1),
        Op::MakeFunction => -1 - (n & 1) - ((n >> 1) & 1) - ((n >> 3) & 1),
        Op::ReturnValue => -1,
        Op::LoadBuildClass => 1,
        Op::YieldValue | Op::GetYieldFromIter => 0,
        Op::YieldFrom => -1,
        Op::SetupExcept | Op::SetupFinally => {
            if jump {
                1
            } else {
                0
            }
        }
        // (mgr -- exit enter); handler: (exit exc)
        Op::BeforeWith => 1,
        Op::PopBlock | Op::PopExcept => 0,
        Op::Reraise => -1,
        Op::RaiseVarargs => -n,
        Op::CheckExcMatch => 0,
        Op::WithExceptStart => 1,
        Op::LoadAssertionError => 1,
        Op::UnpackSequence => n - 1,
        Op::UnpackEx => (n & 0xff) + (n >> 8),
        Op::ImportName => -1,
        Op::ImportFrom => 1,
        Op::ImportStar => -1,
        Op::PrintExpr => -1,
        Op::SetupAnnotations => 0,
    }
}

/// Maximum operand-stack depth over all reachable paths. Errors when an instruction is reachable with
/// two different depths, when the depth goes negative, or when control runs off the end of the code.
pub(crate) fn max_stack_depth(code: &[Instr]) -> Result<u32, String> {
    let mut depth_at: Vec<i32> = vec![-1; code.len()];
    let mut work: Vec<(usize, i32)> = vec![(0, 0)];
    let mut max = 0i32;
    if code.is_empty() {
        return Ok(0);
    }
    while let Some((mut pc, mut depth)) = work.pop() {
        loop {
            if pc >= code.len() {
                return Err("control runs off the end of the code".into());
            }
            if depth_at[pc] >= 0 {
                if depth_at[pc] != depth {
                    return Err(format!(
                        "inconsistent stack depth at {pc}: {} vs {depth}",
                        depth_at[pc]
                    ));
                }
                break;
            }
            depth_at[pc] = depth;
            let ins = code[pc];
            if is_jump(ins.op) {
                let d = depth + stack_effect(ins.op, ins.arg, true);
                if d < 0 {
                    return Err(format!("negative stack depth at {pc} ({:?})", ins.op));
                }
                max = max.max(d);
                work.push((ins.arg as usize, d));
            }
            if is_terminal(ins.op) {
                if ins.op != Op::Jump && depth + stack_effect(ins.op, ins.arg, false) < 0 {
                    return Err(format!("negative stack depth at {pc} ({:?})", ins.op));
                }
                break;
            }
            depth += stack_effect(ins.op, ins.arg, false);
            if depth < 0 {
                return Err(format!("negative stack depth at {pc} ({:?})", ins.op));
            }
            max = max.max(depth);
            pc += 1;
        }
    }
    Ok(max as u32)
}
