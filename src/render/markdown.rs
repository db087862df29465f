//! Markdown, for pasting into a questionnaire answer or a wiki page.

use std::io::{self, Write};

use super::join;
use super::text::{describe_evidence, describe_jurisdiction};
use crate::model::Entry;

/// A pipe table; `|` and line breaks inside cells are escaped so the table holds.
pub fn write_table(out: &mut dyn Write, headers: &[&str], rows: &[Vec<String>]) -> io::Result<()> {
    let line = |cells: &mut dyn Iterator<Item = String>| {
        format!("| {} |", cells.collect::<Vec<_>>().join(" | "))
    };
    writeln!(out, "{}", line(&mut headers.iter().map(|h| escape(h))))?;
    writeln!(
        out,
        "{}",
        line(&mut headers.iter().map(|_| "---".to_owned()))
    )?;
    for row in rows {
        writeln!(out, "{}", line(&mut row.iter().map(|c| escape(c))))?;
    }
    Ok(())
}

fn escape(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// One entry as a Markdown section.
pub fn show_markdown(out: &mut dyn Write, e: &Entry) -> io::Result<()> {
    match &e.full_name {
        Some(full) => writeln!(out, "## {} ({full})\n", e.name)?,
        None => writeln!(out, "## {}\n", e.name)?,
    }
    let mut field = |label: &str, value: String| -> io::Result<()> {
        if value.is_empty() {
            Ok(())
        } else {
            writeln!(out, "- **{label}:** {}", escape(&value))
        }
    };
    field("Id", format!("`{}`", e.id))?;
    field("Kind", e.kind.to_string())?;
    field("Status", e.status.to_string())?;
    field("Issuer", e.issuer.clone().unwrap_or_default())?;
    field("Auditor", e.auditor.clone().unwrap_or_default())?;
    field(
        "Jurisdictions",
        e.jurisdictions
            .iter()
            .map(describe_jurisdiction)
            .collect::<Vec<_>>()
            .join(", "),
    )?;
    field("Industries", join(&e.industries, ", "))?;
    field("Level", e.scope.level.clone().unwrap_or_default())?;
    field("Services", e.scope.services.join(", "))?;
    field("Standards", e.standards.join("; "))?;
    field(
        "Achieved",
        e.achieved.map(|d| d.to_string()).unwrap_or_default(),
    )?;
    field(
        "Valid until",
        e.valid_until.map(|d| d.to_string()).unwrap_or_default(),
    )?;
    field(
        "Source updated",
        e.source_updated.map(|d| d.to_string()).unwrap_or_default(),
    )?;
    writeln!(
        out,
        "\n{}\n",
        e.summary.split_whitespace().collect::<Vec<_>>().join(" ")
    )?;
    if !e.evidence.is_empty() {
        writeln!(out, "**Evidence**\n")?;
        for ev in &e.evidence {
            writeln!(out, "- {}", escape(&describe_evidence(ev)))?;
        }
        writeln!(out)?;
    }
    for l in &e.links {
        writeln!(out, "<{l}>")?;
    }
    Ok(())
}
