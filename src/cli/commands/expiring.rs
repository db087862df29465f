//! `certs expiring`: entries whose `valid_until` falls within a span of the as-of day.

use std::io::Write;

use crate::answer::report;
use crate::cli::args::ExpiringArgs;
use crate::cli::exit::Exit;
use crate::cli::session::Session;

use super::listing;

pub fn run(
    ctx: &Session,
    args: ExpiringArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let (catalog, selection) = ctx.select(&args.listing.select, err)?;
    let selected = selection.apply(catalog.entries());
    let rows = report::expiring(&selected, args.within, selection.as_of);
    let span = args.within;
    listing(ctx, &args.listing, &rows, out, err, || {
        let undated = selected.iter().filter(|s| s.entry.valid_until.is_none());
        format!(
            "nothing expires within {span}; {} of the {} entries selected give no `valid_until`",
            undated.count(),
            selected.len()
        )
    })
}
