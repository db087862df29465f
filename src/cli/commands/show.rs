//! `certs show`: one entry in full, its status judged on the as-of day.

use std::io::Write;

use crate::answer::query::status_as_of;
use crate::cli::args::ShowArgs;
use crate::cli::exit::{Exit, Refusal};
use crate::cli::session::Session;
use crate::render::{self, ListFormat, ShowContext, ShowFormat};

use super::resolve;

pub fn run(
    ctx: &Session,
    args: ShowArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog = ctx.load(err)?;
    let entry = resolve(catalog, &args.key, &ctx.source).map_err(Refusal::no)?;
    let format = args.format.unwrap_or(match ctx.format {
        Some(ListFormat::Json) => ShowFormat::Json,
        Some(ListFormat::Yaml) => ShowFormat::Yaml,
        Some(ListFormat::Markdown) => ShowFormat::Markdown,
        _ => ShowFormat::Text,
    });
    // Status and the source page's age are both judged on the as-of day.
    let day = ctx.as_of(args.as_of);
    let show = ShowContext {
        status: status_as_of(entry, day),
        today: day,
        manifest: catalog.manifest(),
    };
    match format {
        ShowFormat::Text => render::show_text(out, entry, &show, &ctx.style)?,
        ShowFormat::Json => render::json(out, entry)?,
        ShowFormat::Yaml => render::yaml(out, entry)?,
        ShowFormat::Markdown => render::show_markdown(out, entry, &show)?,
    }
    Ok(Exit::Success)
}
