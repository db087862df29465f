//! `certs report`: one question answered as a document to send.

use std::io::Write;

use crate::cli::args::ReportArgs;
use crate::cli::exit::Exit;
use crate::cli::session::Session;
use crate::render::BriefFormat;
use crate::render::brief;

pub fn run(
    ctx: &Session,
    args: ReportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog = ctx.load(err)?;
    let selection = ctx.selection(&args.select);
    let b =
        crate::answer::brief::brief(catalog, &selection, args.stale_after, args.expiring_within);
    let blocks = brief::blocks(&b, &selection, catalog);
    let mut bytes = Vec::new();
    match args.format {
        BriefFormat::Markdown => brief::markdown(&mut bytes, &blocks)?,
        BriefFormat::Html => brief::html_page(&mut bytes, &blocks)?,
        BriefFormat::Text => brief::text(&mut bytes, &blocks)?,
    }
    super::deliver(&bytes, args.output.as_deref(), out)?;
    // A report is an answer even when nothing answers the question: it says so.
    Ok(Exit::Success)
}
