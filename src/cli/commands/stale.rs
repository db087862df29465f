//! `certs stale`: entries whose source page has not been updated for a while.

use std::io::Write;

use crate::answer::report;
use crate::cli::args::StaleArgs;
use crate::cli::exit::Exit;
use crate::cli::session::Session;

use super::{listing, only_keys};

pub fn run(
    ctx: &Session,
    args: StaleArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let (catalog, selection) = ctx.select(&args.listing.select, err)?;
    let picked = only_keys(catalog, &selection, &args.keys, &ctx.source)?;
    let rows = report::stale(&picked, args.older_than, selection.as_of);
    let span = args.older_than;
    listing(ctx, &args.listing, &rows, out, err, || {
        format!("no source page is older than {span}")
    })
}
