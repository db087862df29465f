//! The command-line wing: arguments into one call into an exit code. Takes the process's
//! arguments, environment and config file; hands on an [`exit::Exit`]. The clap types
//! ([`args`]) stop here: each command turns them into plain settings and a selection,
//! asks the `answer` wing, and passes the rows to one renderer. `anyhow` lives only here.

pub mod app;
pub mod args;
pub(crate) mod commands;
pub(crate) mod config;
pub mod exit;
pub(crate) mod folder;
pub mod session;
mod values;
