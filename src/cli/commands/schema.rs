//! `certs schema`: the JSON Schema of an entry, as data files or as output write it.

use std::io::Write;

use crate::cli::args::SchemaArgs;
use crate::cli::exit::Exit;
use crate::render;

pub fn run(args: &SchemaArgs, out: &mut dyn Write) -> anyhow::Result<Exit> {
    let schema = if args.output {
        render::schema::listed()
    } else {
        render::schema::entry()
    };
    render::json(out, &schema)?;
    Ok(Exit::Success)
}
