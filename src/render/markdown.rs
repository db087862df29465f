//! Markdown, for pasting into a questionnaire answer or a wiki page.

use std::io::{self, Write};

use super::text::{Section, ShowContext, heading, lines, sections};
use crate::catalog::entry::Entry;

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

/// Catalog text as inert Markdown: HTML and link syntax cannot come alive, emphasis
/// and code marks are literal, `|` cannot end a table cell, control characters are
/// escaped and line breaks are spaces.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Line breaks are spaces first, so that they are not escaped as controls.
    let s = s.replace(['\r', '\n'], " ");
    for c in crate::catalog::untrusted::printable(&s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
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
    for section in sections(e) {
        let title = section.title();
        match section {
            Section::Summary(text) => writeln!(out, "\n{}", escape(&text))?,
            Section::Evidence(items) | Section::Basis(items) => {
                writeln!(out, "\n**{title}**\n")?;
                for item in items {
                    writeln!(out, "- {}", escape(&item))?;
                }
            }
            Section::Links(links) => {
                writeln!(out, "\n**{title}**\n")?;
                for l in links {
                    // A validated link: http(s), a host, no `<`, `>`, space or quote,
                    // so it cannot break out of the autolink.
                    writeln!(out, "- <{l}>")?;
                }
            }
        }
    }
    Ok(())
}
