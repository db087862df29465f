//! `certs list`: the entries that apply to a selection, with why when asked.

use std::io::Write;

use crate::answer::query;
use crate::answer::report::EntryRow;
use crate::cli::args::ListArgs;
use crate::cli::exit::Exit;
use crate::cli::session::Session;

use super::listing;

pub fn run(
    ctx: &Session,
    args: ListArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let (catalog, selection) = ctx.select(&args.listing.select, err)?;
    let mut rows = selection.apply(catalog.entries());
    query::sort(&mut rows, args.sort, args.reverse);
    let explain = args.listing.explain;
    let rows: Vec<EntryRow> = rows
        .into_iter()
        .map(|selected| EntryRow { selected, explain })
        .collect();
    listing(ctx, &args.listing, &rows, out, err, || {
        "no entries match".into()
    })
}
