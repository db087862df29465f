//! `certs regions`: how many selected entries apply in each region.

use std::io::Write;

use crate::answer::report;
use crate::cli::args::RegionsArgs;
use crate::cli::exit::Exit;
use crate::cli::session::Session;

use super::listing;

pub fn run(
    ctx: &Session,
    args: RegionsArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let (catalog, selection) = ctx.select(&args.listing.select, err)?;
    let rows = report::regions(catalog.entries(), &selection, args.all);
    // A count of zero is an answer, not a miss.
    listing(ctx, &args.listing, &rows, out, err, String::new).map(|_| Exit::Success)
}
