//! `certs diff`: what changed between two catalogs, material or editorial.

use std::io::Write;

use crate::answer::diff;
use crate::cli::args::DiffArgs;
use crate::cli::exit::{Exit, Refusal};
use crate::cli::session::Session;
use crate::load::Source;
use crate::render::{self, ReportFormat};

pub fn run(
    ctx: &Session,
    args: DiffArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let old = side(ctx, args.old, err)?;
    let other;
    let new = match args.new {
        Some(path) => {
            other = side(ctx, path, err)?;
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

/// One side of the comparison: a catalog directory, or a `catalog.json` as `certs
/// list --format json` or `certs site` wrote it (so a published page can be compared
/// with a working copy).
fn side(
    ctx: &Session,
    path: std::path::PathBuf,
    err: &mut dyn Write,
) -> anyhow::Result<crate::catalog::Catalog> {
    if !path.is_file() {
        return ctx.load_source(&Source::Dir(path), err);
    }
    let shown = crate::catalog::untrusted::shown_path(&path);
    let text = super::read_user_text(&path, 256 * 1024 * 1024, "a catalog.json")?;
    let entries = crate::load::published::entries(&text).map_err(|m| {
        Refusal::usage(format!(
            "`{shown}` is not a catalog as `certs list --format json` writes it: {m}"
        ))
    })?;
    Ok(crate::catalog::Catalog::new(
        entries.into_iter().map(|(e, _)| e).collect(),
    ))
}
