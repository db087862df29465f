//! `certs diff`: what changed between two catalogs, material or editorial.

use std::io::Write;

use crate::answer::diff;
use crate::cli::args::DiffArgs;
use crate::cli::exit::Exit;
use crate::cli::session::Session;
use crate::load::Source;
use crate::render::{self, ReportFormat};

pub fn run(
    ctx: &Session,
    args: DiffArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let old = ctx.load_source(&Source::Dir(args.old), err)?;
    let other;
    let new = match args.new {
        Some(dir) => {
            other = ctx.load_source(&Source::Dir(dir), err)?;
            &other
        }
        None => ctx.load(err)?,
    };
    let d = diff::diff(&old, new);
    match args.format {
        ReportFormat::Json => render::json(out, &d)?,
        ReportFormat::Text => render::diff_text(out, &d, &ctx.style)?,
    }
    Ok(if args.exit_code && d.has_material() {
        Exit::No
    } else {
        Exit::Success
    })
}
