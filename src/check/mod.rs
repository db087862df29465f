//! The check wing: entries (and a source document) into problems and verdicts on facts.
//! Takes parsed entries, their file text, or a plain-text source page; hands on
//! [`Problem`](problem::Problem)s placed at a file, line and column, and `verify`'s
//! report. Problems are collected, never thrown: one run finds everything it can.

pub(crate) mod locate;
pub mod problem;
pub(crate) mod tree;
pub(crate) mod validate;
pub(crate) mod verify;
