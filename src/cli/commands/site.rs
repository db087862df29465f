//! `certs site`: the selection as a static trust page in a folder.

use std::io::Write;

use crate::answer::report;
use crate::cli::args::SiteArgs;
use crate::cli::exit::Exit;
use crate::cli::folder;
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
    let done = folder::publish(dir, &files, args.force)?;
    let mut note = String::new();
    if done.removed > 0 {
        note.push_str(&format!(
            "; removed {} it wrote before and no longer writes",
            done.removed
        ));
    }
    if done.kept > 0 {
        let s = if done.kept == 1 { "" } else { "s" };
        note.push_str(&format!("; kept {} file{s} it did not write", done.kept));
    }
    writeln!(
        out,
        "wrote {} files for {} entries to {}{note}",
        done.written,
        plan.rows.len(),
        crate::catalog::untrusted::printable(&dir.display().to_string())
    )?;
    Ok(Exit::Success)
}
