//! `certs industries`: how many selected entries apply to each industry.

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
    let rows = report::industries_facets(catalog.entries(), &selection);
    // A count of zero is an answer, not a miss.
    listing(ctx, &args, &rows, out, err, String::new).map(|_| Exit::Success)
}
