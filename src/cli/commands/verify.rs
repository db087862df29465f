//! `certs verify`: the catalog's literal facts against a plain-text copy of its source.

use std::io::Write;

use crate::cli::args::VerifyArgs;
use crate::cli::exit::{Exit, Refusal};
use crate::cli::session::Session;
use crate::render::{self, ReportFormat};

/// Largest source document `verify` reads: a long documentation page as text is a
/// few hundred kilobytes.
const MAX_DOCUMENT_BYTES: u64 = 16 * 1024 * 1024;

pub fn run(
    ctx: &Session,
    args: VerifyArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let catalog = ctx.load(err)?;
    let shown = crate::catalog::untrusted::shown_path(&args.document);
    let bytes = crate::load::read::read_limited(&args.document, MAX_DOCUMENT_BYTES, "a text file")
        .map_err(|e| match e {
            crate::load::read::Limited::TooLarge(n) => anyhow::anyhow!(
                "cannot verify against `{shown}`: it is {n} bytes, over the {MAX_DOCUMENT_BYTES}-byte limit for a document"
            ),
            crate::load::read::Limited::Other(msg) => anyhow::anyhow!("cannot verify against `{shown}`: {msg}"),
        })?;
    // Text has no NUL byte; a PDF, an image or `/dev/zero` copied to a file has many.
    // Refused as what it is, not read as a document with no sections.
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(Refusal::usage(format!(
            "cannot verify against `{shown}`: it holds a NUL byte (at byte {at}), so it is not text; expected a plain-text copy of the source document"
        )));
    }
    let text =
        crate::load::read::decode_as(bytes, "a document").map_err(|((line, col), msg)| {
            Refusal::usage(format!(
                "cannot verify against `{shown}`:{line}:{col}: {msg}"
            ))
        })?;
    let listed: Vec<&str> = catalog
        .manifest()
        .map(|m| m.sources.iter().map(|d| d.id.as_str()).collect())
        .unwrap_or_default();
    let document_id = match (&args.source, listed.as_slice()) {
        (Some(id), _) if listed.contains(&id.as_str()) => id.clone(),
        (Some(id), _) => {
            return Err(Refusal::usage(format!(
                "--source: `{id}` is not a document of the catalog's manifest; expected one of: {}",
                listed.join(", ")
            )));
        }
        (None, [only]) => (*only).to_owned(),
        (None, []) => {
            return Err(Refusal::usage(
                "the catalog has no catalog.toml naming its source documents; add one (see docs/GUIDE.md, section The catalog manifest)",
            ));
        }
        (None, _) => {
            return Err(Refusal::usage(format!(
                "the manifest lists several documents; say which with --source: {}",
                listed.join(", ")
            )));
        }
    };
    let doc = crate::check::verify::Document::parse(&text);
    let report = crate::check::verify::verify(catalog.entries().iter(), &document_id, &doc);
    match args.format {
        ReportFormat::Json => render::json(out, &report)?,
        ReportFormat::Text => render::verification(out, &report, &ctx.style)?,
    }
    Ok(if report.passed(args.strict) {
        Exit::Success
    } else {
        Exit::No
    })
}
