//! `certs require`: a gate for CI: does each named entry apply where and when it must.
//! Exit 0 when every requirement is met, 1 when one is not, 2 when the question
//! cannot be answered (an unknown or ambiguous key is a typo, not a "no").

use std::io::Write;

use crate::answer::query::{Selection, StatusPick};
use crate::answer::report::{self, Strictness};
use crate::catalog::entry::Entry;
use crate::cli::args::RequireArgs;
use crate::cli::exit::{Exit, Refusal};
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
    let entries: Vec<(&String, &Entry)> = args
        .keys
        .iter()
        .map(|k| resolve(catalog, k, &ctx.source).map(|e| (k, e)))
        .collect::<Result<_, _>>()
        .map_err(Refusal::usage)?;
    let selection = Selection {
        regions: args.region,
        industries: args.industry,
        exact: args.exact,
        statuses: StatusPick::Current,
        ..Selection::new(ctx.as_of(args.as_of))
    };
    let strict = Strictness {
        valid_for: args.valid_for,
        active: args.active,
    };
    let results: Vec<report::Requirement> = entries
        .into_iter()
        .map(|(k, e)| report::require(k, e, &selection, strict, args.explain))
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
