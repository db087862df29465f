//! `certs validate`: every problem of a catalog, or of the files given, in one run.

use std::io::Write;

use anyhow::Context;

use crate::cli::args::ValidateArgs;
use crate::cli::exit::Exit;
use crate::cli::session::Session;
use crate::load::{self, Source};
use crate::render::{self, ReportFormat};

/// Most problems `validate` reports in one run.
const MAX_PROBLEMS: usize = 1000;

pub fn run(
    ctx: &Session,
    args: ValidateArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let mut loaded = match args.paths.as_slice() {
        [] => load::load(&ctx.source, ctx.today())
            .with_context(|| format!("cannot validate {}", ctx.source.describe()))?,
        [dir] if dir.is_dir() || !dir.exists() => {
            let source = Source::Dir(dir.clone());
            load::load(&source, ctx.today())
                .with_context(|| format!("cannot validate {}", source.describe()))?
        }
        paths => load::load_paths(paths, ctx.today()).context("cannot validate")?,
    };
    loaded
        .problems
        .sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    let errors = loaded.error_count();
    let warnings = loaded.problems.len() - errors;
    // Thousands of problems are one mistake repeated; the first thousand show it.
    let left_out = loaded.problems.len().saturating_sub(MAX_PROBLEMS);
    loaded.problems.truncate(MAX_PROBLEMS);
    match args.format {
        ReportFormat::Json => render::json(out, &loaded.problems)?,
        ReportFormat::Text => {
            render::validation(out, &loaded, errors, warnings, args.verbose, &ctx.style)?
        }
    }
    if left_out > 0 {
        writeln!(
            err,
            "note: {left_out} more problems not shown; the first {MAX_PROBLEMS} are above"
        )?;
    }
    let failed = errors > 0 || (args.strict && warnings > 0);
    Ok(if failed { Exit::No } else { Exit::Success })
}
