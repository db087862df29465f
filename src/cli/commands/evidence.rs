//! `certs evidence`: what backs each selected entry, and how to obtain it.

use std::io::Write;

use crate::answer::report;
use crate::cli::args::ListingArgs;
use crate::cli::exit::Exit;
use crate::cli::session::Session;

use super::listing;

pub fn run(
    ctx: &Session,
    args: ListingArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let (catalog, selection) = ctx.select(&args.select, err)?;
    let rows = report::evidence(&selection.apply(catalog.entries()), args.explain);
    listing(ctx, &args, &rows, out, err, || "no entries match".into())
}
