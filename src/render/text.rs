//! `certs show`: one entry for people, as labelled lines and sections. Text and
//! Markdown both walk [`FIELDS`] through [`lines`] and [`sections`], so they show the
//! same fields; only the markup differs.

use std::io::{self, Write};

use chrono::NaiveDate;

use super::{Style, words, wrap};
use crate::answer::query::StatusAsOf;
use crate::catalog::entry::{Entry, FIELDS, Link};
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

/// Where `certs show` puts a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// In the heading (name, full name).
    Heading,
    /// A labelled line.
    Line,
    /// A labelled line holding the lifecycle status as of a date, not just the stated one.
    Status,
    /// A labelled line holding the source page's stamp and its age.
    Updated,
    /// A labelled line naming the source document and section, from the manifest.
    Source,
    /// A section of its own.
    Section,
}

/// How `show` presents each field of [`FIELDS`]: its label, and where it goes. The
/// model lists the fields; presenting them is this module's business. A test holds
/// this table to the field table, so a new field cannot go unshown.
fn presentation(field: &str) -> Option<(&'static str, Shown)> {
    Some(match field {
        "id" => ("id", Shown::Line),
        "name" => ("name", Shown::Heading),
        "full_name" => ("full name", Shown::Heading),
        "aliases" => ("aliases", Shown::Line),
        "kind" => ("kind", Shown::Line),
        "status" => ("status", Shown::Status),
        "issuer" => ("issuer", Shown::Line),
        "auditor" => ("auditor", Shown::Line),
        "jurisdictions" => ("jurisdictions", Shown::Line),
        "industries" => ("industries", Shown::Line),
        "scope.level" => ("level", Shown::Line),
        "scope.data_centres" => ("data centres", Shown::Line),
        "scope.regions" => ("regions", Shown::Line),
        "scope.services" => ("services", Shown::Line),
        "standards" => ("standards", Shown::Line),
        "achieved" => ("achieved", Shown::Line),
        "valid_until" => ("valid until", Shown::Line),
        "period" => ("period", Shown::Line),
        "source" => ("source", Shown::Source),
        "source_updated" => ("source updated", Shown::Updated),
        "evidence" => ("evidence", Shown::Section),
        "summary" => ("summary", Shown::Section),
        "links" => ("links", Shown::Section),
        "related_certifications" => ("also holds", Shown::Line),
        _ => return None,
    })
}

/// The labelled lines, in field order; absent fields are left out.
pub fn lines(e: &Entry, ctx: &ShowContext) -> Vec<(&'static str, String)> {
    FIELDS
        .iter()
        .filter_map(|f| {
            let (label, shown) = presentation(f.name)?;
            let value = match (shown, f.name) {
                (Shown::Heading | Shown::Section, _) => return None,
                (Shown::Status, _) => words::status(ctx.status),
                (Shown::Source, _) => words::source(e.source.as_ref()?, ctx.manifest),
                (Shown::Updated, _) => {
                    let stamp = e.source_updated?;
                    let days = (ctx.today - stamp.date()).num_days();
                    // The document's zone, where its manifest entry states one.
                    let zone = e
                        .source
                        .as_ref()
                        .and_then(|s| ctx.manifest?.document(&s.document))
                        .and_then(|d| d.timezone.as_deref())
                        .map_or_else(String::new, |z| format!(" {z}"));
                    format!("{stamp}{zone} ({})", words::ago(days))
                }
                (Shown::Line, "jurisdictions") => words::jurisdictions(e),
                (Shown::Line, "industries") => words::industries_line(e),
                (Shown::Line, _) => (f.text)(e)?,
            };
            Some((label, value))
        })
        .collect()
}

/// A section after the labelled lines. Renderers match on the kind, never on a title.
pub enum Section<'e> {
    /// The summary, as one paragraph.
    Summary(String),
    /// One line per evidence item, or one saying the source names none.
    Evidence(Vec<String>),
    /// The official pages; validated links, so safe inside `<…>` and `href`.
    Links(&'e [Link]),
    /// Why each classification value is there, when the entry records bases.
    Basis(Vec<String>),
}

impl Section<'_> {
    pub fn title(&self) -> &'static str {
        match self {
            Section::Summary(_) => "Summary",
            Section::Evidence(_) => "Evidence",
            Section::Links(_) => "Links",
            Section::Basis(_) => "Why it is classified so",
        }
    }
}

/// The sections after the lines: summary, evidence, links (when there are any).
pub fn sections(e: &Entry) -> Vec<Section<'_>> {
    let mut out = vec![
        Section::Summary(e.summary.split_whitespace().collect::<Vec<_>>().join(" ")),
        Section::Evidence(if e.evidence.is_empty() {
            vec![format!("{} by the source", words::NONE_STATED)]
        } else {
            e.evidence.iter().map(words::evidence).collect()
        }),
    ];
    if !e.links.is_empty() {
        out.push(Section::Links(&e.links));
    }
    if e.source.as_ref().is_some_and(|s| !s.basis.is_empty()) {
        out.push(Section::Basis(
            e.classification()
                .into_iter()
                .map(|(field, value)| words::basis(field, &value, e.basis(field, &value)))
                .collect(),
        ));
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
    let heading = printable(&heading(e, " — ")).into_owned();
    let heading = match style.width {
        Some(w) => wrap(&heading, w as usize, ""),
        None => heading,
    };
    writeln!(out, "{}", style.bold(&heading))?;
    let indent = " ".repeat(LABEL + 2);
    for (label, value) in lines(e, ctx) {
        let value = printable(&value).into_owned();
        let value = match style.width {
            Some(w) => wrap(&value, w as usize, &indent).trim_start().to_owned(),
            None => value,
        };
        writeln!(out, "  {}{value}", style.dim(&format!("{label:<LABEL$}")))?;
    }
    for section in sections(e) {
        writeln!(out, "\n{}", style.bold(section.title()))?;
        let ((first, rest), items) = match section {
            Section::Summary(text) => (("  ", "  "), vec![text]),
            Section::Evidence(items) | Section::Basis(items) => (("  - ", "    "), items),
            Section::Links(links) => (
                ("  - ", "    "),
                links.iter().map(|l| l.to_string()).collect(),
            ),
        };
        for item in items {
            let item = printable(&item).into_owned();
            match style.width {
                Some(w) => writeln!(out, "{first}{}", wrap(&item, w as usize, rest).trim_start())?,
                None => writeln!(out, "{first}{item}")?,
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_a_label_and_a_place() {
        for f in FIELDS {
            assert!(
                presentation(f.name).is_some(),
                "`{}` has no presentation",
                f.name
            );
        }
        assert_eq!(presentation("nope"), None);
    }
}
