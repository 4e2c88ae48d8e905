//! The object model: payload layouts of every heap kind (`layout`).
pub mod layout;
