//! `certs require`: a gate for CI: does each named entry apply where and when it must.

use std::io::Write;

use crate::answer::query::{Selection, StatusPick};
use crate::answer::report;
use crate::cli::args::RequireArgs;
use crate::cli::exit::Exit;
use crate::cli::session::Session;
use crate::render::{self, ReportFormat};

use super::resolve;

pub fn run(
    ctx: &Session,
    args: RequireArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog = ctx.load(err)?;
    let selection = Selection {
        regions: args.region,
        industries: args.industry,
        exact: args.exact,
        statuses: StatusPick::Current,
        ..Selection::new(ctx.as_of(args.as_of))
    };
    let results: Vec<report::Requirement> = args
        .keys
        .iter()
        .map(|k| {
            let found = resolve(catalog, k, &ctx.source);
            report::require(k, found, &selection, args.explain)
        })
        .collect();
    match args.format {
        ReportFormat::Json => render::json(out, &results)?,
        ReportFormat::Text => render::requirements(out, &results, &ctx.style)?,
    }
    Ok(if results.iter().all(|r| r.ok()) {
        Exit::Success
    } else {
        Exit::No
    })
}
