//! `certs site`: the selection as a static trust page in a folder.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::answer::report;
use crate::answer::site::SiteMatrix;
use crate::cli::args::SiteArgs;
use crate::cli::exit::Exit;
use crate::cli::folder;
use crate::cli::session::Session;
use crate::render::html::{self, DataFile};
use crate::render::{self, DocumentFormat, ListFormat};

pub fn run(
    ctx: &Session,
    args: SiteArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog = ctx.load(err)?;
    let selection = ctx.selection(&args.select);
    let title = args.title.clone();
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
    let selected = selection.apply(catalog.entries());
    let rows: Vec<report::EntryRow> = selected
        .iter()
        .map(|s| report::EntryRow {
            selected: s.clone(),
            explain: false,
        })
        .collect();
    let paths: Vec<PathBuf> = pages
        .iter()
        .map(|p| p.path(&plan))
        .chain(DataFile::ALL.map(|d| PathBuf::from(d.describe().0)))
        .chain([PathBuf::from(html::SCHEMA_FILE)])
        .collect();
    let dir = &args.out_dir;
    let done = folder::publish(dir, &paths, args.force, |writer| {
        for page in &pages {
            writer.file(&page.path(&plan), &page.build(&plan, catalog))?;
        }
        for data in DataFile::ALL {
            // The same bytes as the command each file names, for this selection.
            let bytes = match data {
                DataFile::Json | DataFile::Csv => {
                    let format = match data {
                        DataFile::Json => ListFormat::Json,
                        _ => ListFormat::Csv,
                    };
                    let mut bytes = Vec::new();
                    render::listing(&mut bytes, format, &render::Style::default(), &rows, false)?;
                    bytes
                }
                DataFile::Oscal => crate::cli::commands::export::document(
                    catalog,
                    &selected,
                    title.clone(),
                    selection.as_of,
                    DocumentFormat::Json,
                )?,
            };
            writer.file(Path::new(data.describe().0), &bytes)?;
        }
        let mut schema = Vec::new();
        render::json(&mut schema, &render::schema::listed())?;
        writer.file(Path::new(html::SCHEMA_FILE), &schema)?;
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
