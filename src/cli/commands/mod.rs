//! One file per command: each `run` takes the session and its own arguments, loads
//! what it needs, asks the `answer` wing, hands the rows to one renderer, and returns
//! the exit status. What several commands share (finding an entry by key, writing a
//! listing) is here.

use std::io::Write;

use crate::answer::query::{Selected, Selection};
use crate::catalog::entry::Entry;
use crate::catalog::{Catalog, Lookup};
use crate::cli::args::ListingArgs;
use crate::cli::exit::{Exit, Refusal};
use crate::cli::session::Session;
use crate::load::Source;
use crate::render::{self, ListFormat, Row};

pub mod answer;
pub mod completions;
pub mod diff;
pub mod evidence;
pub mod expiring;
pub mod export;
pub mod industries;
pub mod list;
pub mod man;
pub mod matrix;
pub mod regions;
pub mod report;
pub mod require;
pub mod schema;
pub mod show;
pub mod site;
pub mod stale;
pub mod validate;
pub mod verify;

/// `SOURCE_DATE_EPOCH`, as reproducible builds set it: whole seconds since 1970 in
/// UTC; `None` when unset or empty. The OSCAL export and the site's history date by it.
pub fn source_date_epoch() -> anyhow::Result<Option<chrono::DateTime<chrono::Utc>>> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) if !v.is_empty() => v
            .parse::<i64>()
            .ok()
            .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
            .map(Some)
            .ok_or_else(|| {
                Refusal::usage(format!(
                    "SOURCE_DATE_EPOCH is `{}`; expected whole seconds since 1970-01-01 UTC",
                    crate::catalog::untrusted::shorten(&v)
                ))
            }),
        _ => Ok(None),
    }
}

/// Writes a command's document to `-o FILE`, or to standard output without one.
pub fn deliver(
    bytes: &[u8],
    output: Option<&std::path::Path>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    match output {
        Some(path) => std::fs::write(path, bytes).map_err(|e| {
            Refusal::usage(format!(
                "cannot write `{}`: {}",
                crate::catalog::untrusted::shown_path(path),
                crate::load::read::io_reason(&e)
            ))
        })?,
        None => out.write_all(bytes)?,
    }
    Ok(())
}

/// A file a user named (a questionnaire, a published catalog or history), as UTF-8
/// text: a regular file of at most `limit` bytes; `what` names it in messages.
pub fn read_user_text(path: &std::path::Path, limit: u64, what: &str) -> anyhow::Result<String> {
    use crate::load::read::{Limited, decode_as, read_limited};
    let shown = crate::catalog::untrusted::shown_path(path);
    let bytes = read_limited(path, limit, what).map_err(|e| match e {
        Limited::TooLarge(n) => Refusal::usage(format!(
            "cannot read `{shown}`: it is {n} bytes, over the {limit}-byte limit for {what}"
        )),
        Limited::Other(m) => Refusal::usage(format!("cannot read `{shown}`: {m}")),
    })?;
    decode_as(bytes, what)
        .map_err(|((line, col), m)| Refusal::usage(format!("`{shown}`:{line}:{col}: {m}")))
}

/// The entry a key finds, or why it finds none: an unknown key suggests the closest
/// entry, an ambiguous one lists every candidate.
pub fn resolve<'c>(catalog: &'c Catalog, key: &str, source: &Source) -> Result<&'c Entry, String> {
    let shown = crate::catalog::untrusted::shorten(key);
    match catalog.lookup(key) {
        Lookup::Found(e) => Ok(e),
        Lookup::Ambiguous(found) => {
            let ids: Vec<String> = found.iter().map(|e| format!("`{}`", e.id)).collect();
            Err(format!(
                "`{shown}` is ambiguous in {}: it could be {}; give one of those ids",
                source.describe(),
                ids.join(", ")
            ))
        }
        Lookup::Missing(near) => {
            let hint = near.map_or_else(
                || "; `certs list --format ids` lists the ids".to_owned(),
                |e| format!("; did you mean `{}`?", e.id),
            );
            Err(format!("no entry `{shown}` in {}{hint}", source.describe()))
        }
    }
}

/// The selection narrowed to the entries `keys` name (all selected ones without keys).
pub fn only_keys<'c>(
    catalog: &'c Catalog,
    selection: &Selection,
    keys: &[String],
    source: &Source,
) -> anyhow::Result<Vec<Selected<'c>>> {
    let selected = selection.apply(catalog.entries());
    if keys.is_empty() {
        return Ok(selected);
    }
    let mut ids = Vec::new();
    for key in keys {
        let e = resolve(catalog, key, source).map_err(Refusal::no)?;
        ids.push(e.id.clone());
    }
    Ok(selected
        .into_iter()
        .filter(|s| ids.contains(&s.entry.id))
        .collect())
}

/// Writes a listing; on an empty table, says why on stderr. Exit 1 when nothing was
/// found, as `grep` does.
pub fn listing<R: Row>(
    ctx: &Session,
    args: &ListingArgs,
    rows: &[R],
    out: &mut dyn Write,
    err: &mut dyn Write,
    why_empty: impl FnOnce() -> String,
) -> anyhow::Result<Exit> {
    let format = ctx.list_format(args.format);
    render::listing(out, format, &ctx.style, rows, args.explain)?;
    if !rows.is_empty() {
        return Ok(Exit::Success);
    }
    if format == ListFormat::Table {
        let why = why_empty();
        if !why.is_empty() {
            writeln!(err, "{why}")?;
        }
    }
    Ok(Exit::No)
}
