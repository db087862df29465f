//! `certs site`: the selection as a static trust page in a folder.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::answer::report;
use crate::answer::site::SiteMatrix;
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
    if let SiteMatrix::TooLarge { entries, columns } = plan.matrix {
        writeln!(
            err,
            "note: the coverage matrix would be {entries} entries by {columns} regions, over the {} cells a page lays out; matrix.html says so instead (catalog.csv and `certs matrix --format csv` have every cell)",
            crate::answer::report::MAX_TABLE_CELLS
        )?;
    }
    let pages = render::html::pages(&plan);
    // The same bytes `certs list --format json|csv` writes for this selection.
    let rows: Vec<report::EntryRow> = selection
        .apply(catalog.entries())
        .into_iter()
        .map(|selected| report::EntryRow {
            selected,
            explain: false,
        })
        .collect();
    let data = [
        ("catalog.json", ListFormat::Json),
        ("catalog.csv", ListFormat::Csv),
    ];
    let paths: Vec<PathBuf> = pages
        .iter()
        .map(|p| p.path(&plan))
        .chain(data.iter().map(|(name, _)| PathBuf::from(name)))
        .collect();
    let dir = &args.out_dir;
    let done = folder::publish(dir, &paths, args.force, |writer| {
        for page in &pages {
            writer.file(&page.path(&plan), &page.build(&plan, catalog))?;
        }
        for (name, format) in data {
            let mut bytes = Vec::new();
            render::listing(&mut bytes, format, &render::Style::default(), &rows, false)?;
            writer.file(Path::new(name), &bytes)?;
        }
        Ok(())
    })?;
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
        crate::catalog::untrusted::shown_path(dir)
    )?;
    Ok(Exit::Success)
}
