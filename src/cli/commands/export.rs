//! `certs export oscal`: the selected entries as a NIST OSCAL component definition.

use std::io::Write;

use crate::cli::args::{ExportCommand, OscalArgs};
use crate::cli::exit::Exit;
use crate::cli::session::Session;
use crate::render::oscal::{self, Clock};
use crate::render::{self, DocumentFormat};

pub fn run(
    ctx: &Session,
    command: ExportCommand,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    match command {
        ExportCommand::Oscal(args) => run_oscal(ctx, args, out, err),
    }
}

fn run_oscal(
    ctx: &Session,
    args: OscalArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog = ctx.load(err)?;
    let selection = ctx.selection(&args.select);
    let selected = selection.apply(catalog.entries());
    let bytes = document(catalog, &selected, args.title, selection.as_of, args.format)?;
    super::deliver(&bytes, args.output.as_deref(), out)?;
    Ok(Exit::Success)
}

/// The export's bytes, as `certs export oscal` writes them and `certs site` publishes
/// them: one function, so the two are the same bytes for the same selection.
pub fn document(
    catalog: &crate::catalog::Catalog,
    selected: &[crate::answer::query::Selected<'_>],
    title: Option<String>,
    as_of: chrono::NaiveDate,
    format: DocumentFormat,
) -> anyhow::Result<Vec<u8>> {
    let manifest = catalog.manifest();
    let title = title
        .or_else(|| manifest.map(|m| m.title.clone()))
        .unwrap_or_else(|| "Compliance certifications".to_owned());
    let doc = oscal::export(selected, manifest, &title, as_of, clock()?);
    let mut bytes = Vec::new();
    match format {
        DocumentFormat::Json => render::json(&mut bytes, &doc)?,
        DocumentFormat::Yaml => render::yaml(&mut bytes, &doc)?,
    }
    Ok(bytes)
}

fn clock() -> anyhow::Result<Clock> {
    Ok(match super::source_date_epoch()? {
        Some(t) => Clock::SourceDateEpoch(t.timestamp()),
        None => Clock::None,
    })
}
