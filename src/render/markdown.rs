//! Markdown, for pasting into a questionnaire answer or a wiki page.

use std::io::{self, Write};

use super::text::{ShowContext, heading, lines, sections};
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

/// One entry as a Markdown section: the same lines and sections as the text form.
pub fn show_markdown(out: &mut dyn Write, e: &Entry, ctx: &ShowContext) -> io::Result<()> {
    writeln!(out, "## {}\n", escape(&heading(e, " — ")))?;
    for (label, value) in lines(e, ctx) {
        let mut label = label.to_owned();
        if let Some(first) = label.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        if label == "Id" {
            writeln!(out, "- **{label}:** `{value}`")?;
        } else {
            writeln!(out, "- **{label}:** {}", escape(&value))?;
        }
    }
    for (title, items) in sections(e) {
        if title == "Summary" {
            for item in items {
                writeln!(out, "\n{}", escape(&item))?;
            }
            continue;
        }
        writeln!(out, "\n**{title}**\n")?;
        for item in items {
            writeln!(out, "- {}", escape(&item))?;
        }
    }
    Ok(())
}
