//! `certs site`: the selection as a static trust page in a folder.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::answer::history::{self, History};
use crate::answer::report;
use crate::answer::site::SiteMatrix;
use crate::catalog::untrusted::{shorten, shown_path};
use crate::cli::args::SiteArgs;
use crate::cli::exit::{Exit, Refusal};
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
    let mut plan = crate::answer::site::plan(catalog, &selection, args.title);
    plan.keep = args.keep;
    if let SiteMatrix::TooLarge { entries, columns } = plan.matrix {
        writeln!(
            err,
            "note: the coverage matrix would be {entries} entries by {columns} regions, over the {} cells a page lays out; matrix.html says so instead (catalog.csv and `certs matrix --format csv` have every cell)",
            crate::answer::report::MAX_TABLE_CELLS
        )?;
    }
    let pages = render::html::pages(&plan);
    // The same bytes `certs list --format json|csv` writes for this selection.
    // The plan selected the entries already: the same answer, not worked out again.
    let selected: Vec<crate::answer::query::Selected> =
        plan.rows.iter().map(|r| r.selected.clone()).collect();
    // What changed since the site was last built here, added to its history.
    let history = if args.no_history {
        History::default()
    } else {
        match &args.history {
            Some(file) => read_history(file)?,
            None => match owned_file(&args.out_dir, CHANGES)? {
                Some(path) => read_history(&path)?,
                None => History::default(),
            },
        }
    };
    // --no-history starts afresh: the previous build is not read at all.
    // With --history, the catalog that build published is the catalog.json beside it.
    let published_in = match &args.history {
        Some(file) => file
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
        None => args.out_dir.clone(),
    };
    let previous = match owned_file(&published_in, "catalog.json")? {
        Some(path) if !args.no_history => Some(read_published(&path)?),
        _ => None,
    };
    let record = match previous {
        Some(old) => history::record(build_day(selection.as_of)?, old, &selected),
        None => None,
    };
    plan.history = history.with(record);
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
        .chain([PathBuf::from(html::SCHEMA_FILE), PathBuf::from(CHANGES)])
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
        let mut changes = Vec::new();
        render::json(&mut changes, &plan.history)?;
        writer.file(Path::new(CHANGES), &changes)?;
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

/// The site's change log, every record, as data.
const CHANGES: &str = "changes.json";

/// Largest previous `catalog.json` or `changes.json` read back.
const MAX_PUBLISHED_BYTES: u64 = 256 * 1024 * 1024;

/// A file a previous build wrote into `out`, if there is one: a regular file, not a
/// link (a link could make certs read, and quote, a file elsewhere).
fn owned_file(out: &Path, name: &str) -> anyhow::Result<Option<PathBuf>> {
    let path = out.join(name);
    match std::fs::symlink_metadata(&path) {
        Err(_) => Ok(None),
        Ok(m) if m.is_file() => Ok(Some(path)),
        Ok(_) => Err(Refusal::usage(format!(
            "`{}` is not a regular file; a rebuild reads the previous build's {name} from there (remove it, or build with --no-history)",
            shown_path(&path)
        ))),
    }
}

fn read_text(path: &Path) -> anyhow::Result<String> {
    super::read_user_text(path, MAX_PUBLISHED_BYTES, "a JSON file")
}

/// A `changes.json` as a site wrote it.
fn read_history(path: &Path) -> anyhow::Result<History> {
    serde_json::from_str(&read_text(path)?).map_err(|e| {
        Refusal::usage(format!(
            "`{}`:{}:{}: not a change history as certs site writes it: {}; give another with --history, or start afresh with --no-history",
            shown_path(path),
            e.line(),
            e.column(),
            shorten(&e.to_string())
        ))
    })
}

/// The entries a previous build published, with their status on its day.
fn read_published(path: &Path) -> anyhow::Result<Vec<history::Published>> {
    let bad = |why: String| {
        Refusal::usage(format!(
            "`{}`: not a catalog as certs site writes it: {why}; start the history afresh with --no-history",
            shown_path(path)
        ))
    };
    let entries = crate::load::published::entries(&read_text(path)?).map_err(bad)?;
    Ok(entries
        .into_iter()
        .map(|(entry, status)| history::Published { entry, status })
        .collect())
}

/// The day a record is dated: `SOURCE_DATE_EPOCH`'s, where set, else the as-of day.
fn build_day(as_of: chrono::NaiveDate) -> anyhow::Result<chrono::NaiveDate> {
    Ok(super::source_date_epoch()?.map_or(as_of, |t| t.date_naive()))
}
