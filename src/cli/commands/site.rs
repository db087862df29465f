//! `certs site`: the selection as a static trust page in a folder.

use std::io::Write;

use crate::answer::report;
use crate::cli::args::SiteArgs;
use crate::cli::exit::Exit;
use crate::cli::session::Session;
use crate::render::{self, ListFormat};

pub fn run(
    ctx: &Session,
    args: SiteArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog = ctx.load(err)?;
    let selection = ctx.selection(&args.select);
    let plan = crate::answer::site::plan(catalog, &selection, args.title);
    let mut files = render::html::pages(&plan, catalog);
    // The same bytes `certs list --format json|csv` writes for this selection.
    let rows: Vec<report::EntryRow> = selection
        .apply(catalog.entries())
        .into_iter()
        .map(|selected| report::EntryRow {
            selected,
            explain: false,
        })
        .collect();
    for (name, format) in [
        ("catalog.json", ListFormat::Json),
        ("catalog.csv", ListFormat::Csv),
    ] {
        let mut bytes = Vec::new();
        render::listing(&mut bytes, format, &render::Style::default(), &rows, false)?;
        files.push((name.into(), bytes));
    }
    let dir = &args.out_dir;
    let cannot = |what: &std::path::Path, e: std::io::Error| {
        anyhow::anyhow!("cannot write `{}`: {}", what.display(), e)
    };
    for (path, bytes) in &files {
        let path = dir.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| cannot(parent, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| cannot(&path, e))?;
    }
    writeln!(
        out,
        "wrote {} files for {} entries to {}",
        files.len(),
        plan.rows.len(),
        crate::catalog::untrusted::printable(&dir.display().to_string())
    )?;
    Ok(Exit::Success)
}
