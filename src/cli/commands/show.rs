//! `certs show`: entries in full, each with its status judged on the as-of day.

use std::io::Write;

use crate::answer::query::status_as_of;
use crate::catalog::entry::Entry;
use crate::cli::args::ShowArgs;
use crate::cli::exit::{Exit, Refusal};
use crate::cli::session::Session;
use crate::render::{self, Judged, ListFormat, ShowContext, ShowFormat};

use super::resolve;

pub fn run(
    ctx: &Session,
    args: ShowArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog = ctx.load(err)?;
    // Every key is found before anything is written: a typo in the third key must not
    // leave two entries on stdout and an error after them.
    let entries: Vec<&Entry> = args
        .keys
        .iter()
        .map(|key| resolve(catalog, key, &ctx.source).map_err(Refusal::no))
        .collect::<Result<_, _>>()?;
    let format = args.format.unwrap_or(match ctx.format {
        Some(ListFormat::Json) => ShowFormat::Json,
        Some(ListFormat::Yaml) => ShowFormat::Yaml,
        Some(ListFormat::Markdown) => ShowFormat::Markdown,
        _ => ShowFormat::Text,
    });
    // Status and the source page's age are both judged on the as-of day.
    let day = ctx.as_of(args.as_of);
    let judged: Vec<Judged> = entries
        .iter()
        .map(|e| Judged {
            entry: e,
            status_as_of: status_as_of(e, day),
            why: None,
        })
        .collect();
    match (format, judged.as_slice()) {
        (ShowFormat::Json, [one]) => render::json(out, one)?,
        (ShowFormat::Json, all) => render::json(out, all)?,
        (ShowFormat::Yaml, [one]) => render::yaml(out, one)?,
        (ShowFormat::Yaml, all) => render::yaml(out, &all)?,
        (ShowFormat::Text | ShowFormat::Markdown, all) => {
            for (i, j) in all.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                let show = ShowContext {
                    status: j.status_as_of,
                    today: day,
                    manifest: catalog.manifest(),
                };
                if format == ShowFormat::Text {
                    render::show_text(out, j.entry, &show, &ctx.style)?;
                } else {
                    render::show_markdown(out, j.entry, &show)?;
                }
            }
        }
    }
    Ok(Exit::Success)
}
