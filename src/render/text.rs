//! `certs show`: one entry for people, as labelled lines and sections. Text and
//! Markdown both walk [`FIELDS`] through [`lines`] and [`sections`], so they show the
//! same fields; only the markup differs.

use std::io::{self, Write};

use chrono::NaiveDate;

use super::{Style, words, wrap};
use crate::answer::query::StatusAsOf;
use crate::catalog::entry::{Entry, FIELDS, Shown};
use crate::catalog::manifest::Manifest;
use crate::catalog::untrusted::printable;

/// What `show` knows besides the entry: the day it is judged on, its status then,
/// and the catalog's manifest, which names the source documents.
pub struct ShowContext<'m> {
    pub status: StatusAsOf,
    pub today: NaiveDate,
    pub manifest: Option<&'m Manifest>,
}

/// The heading: `C5 — Cloud Computing Compliance Criteria Catalogue`.
pub fn heading(e: &Entry, sep: &str) -> String {
    match &e.full_name {
        Some(full) => format!("{}{sep}{full}", e.name),
        None => e.name.clone(),
    }
}

/// The labelled lines, in field order; absent fields are left out.
pub fn lines(e: &Entry, ctx: &ShowContext) -> Vec<(&'static str, String)> {
    FIELDS
        .iter()
        .filter_map(|f| {
            let value = match (f.shown, f.name) {
                (Shown::Heading | Shown::Section, _) => return None,
                (Shown::Status, _) => words::status(ctx.status),
                (Shown::Source, _) => words::source(e.source.as_ref()?, ctx.manifest),
                (Shown::Updated, _) => {
                    let stamp = e.source_updated?;
                    let days = (ctx.today - stamp.date()).num_days();
                    format!("{stamp} ({})", words::ago(days))
                }
                (Shown::Line, "jurisdictions") => e
                    .jurisdictions
                    .iter()
                    .map(words::jurisdiction)
                    .collect::<Vec<_>>()
                    .join(", "),
                (Shown::Line, "industries") if e.industries.is_empty() => {
                    format!("{} (cross-industry)", words::ANY_INDUSTRY_CELL)
                }
                (Shown::Line, _) => (f.text)(e)?,
            };
            Some((f.label, value))
        })
        .collect()
}

/// The sections after the lines: summary, evidence, links, each as a title and items.
pub fn sections(e: &Entry) -> Vec<(&'static str, Vec<String>)> {
    let mut out = vec![(
        "Summary",
        vec![e.summary.split_whitespace().collect::<Vec<_>>().join(" ")],
    )];
    let evidence = if e.evidence.is_empty() {
        vec![format!("{} by the source", words::NONE_STATED)]
    } else {
        e.evidence.iter().map(words::evidence).collect()
    };
    out.push(("Evidence", evidence));
    if !e.links.is_empty() {
        out.push(("Links", e.links.iter().map(|l| l.to_string()).collect()));
    }
    out
}

const LABEL: usize = 16;

pub fn show_text(
    out: &mut dyn Write,
    e: &Entry,
    ctx: &ShowContext,
    style: &Style,
) -> io::Result<()> {
    let heading = heading(e, " — ");
    writeln!(out, "{}", style.bold(&printable(&heading)))?;
    let indent = " ".repeat(LABEL + 2);
    for (label, value) in lines(e, ctx) {
        let value = printable(&value).into_owned();
        let value = match style.width {
            Some(w) => wrap(&value, w as usize, &indent).trim_start().to_owned(),
            None => value,
        };
        writeln!(out, "  {}{value}", style.dim(&format!("{label:<LABEL$}")))?;
    }
    for (title, items) in sections(e) {
        writeln!(out, "\n{}", style.bold(title))?;
        let bullet = title != "Summary";
        for item in items {
            let item = printable(&item).into_owned();
            let (first, rest) = if bullet {
                ("  - ", "    ")
            } else {
                ("  ", "  ")
            };
            match style.width {
                Some(w) => writeln!(out, "{first}{}", wrap(&item, w as usize, rest).trim_start())?,
                None => writeln!(out, "{first}{item}")?,
            }
        }
    }
    Ok(())
}
