//! `certs`: a compliance evidence catalog.
//!
//! Data flows one way, one wing (folder) per stage, and imports run the other way:
//!
//! ```text
//! data/*.yaml ─▶ load ─▶ check ─▶ Catalog ─▶ answer ─▶ render ─▶ stdout
//!                                  (catalog: the types all of them speak)
//! ```
//!
//! [`cli`] reads the arguments and calls one command; [`render`] writes rows in one
//! format each; [`answer`] decides which entries apply and why; [`load`] turns bytes into
//! entries and asks [`check`] for every problem; [`catalog`] holds the types. A wing
//! imports only from wings below it in that list (`tests/architecture.rs` checks it).
//! ARCHITECTURE.md walks one call through them.

pub mod answer;
pub mod catalog;
pub mod check;
pub mod cli;
pub mod load;
pub mod render;
