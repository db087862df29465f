//! `certs schema`: the JSON Schema of an entry.

use std::io::Write;

use crate::catalog::entry::Entry;
use crate::cli::exit::Exit;
use crate::render;

pub fn run(out: &mut dyn Write) -> anyhow::Result<Exit> {
    render::json(out, &schemars::schema_for!(Entry))?;
    Ok(Exit::Success)
}
