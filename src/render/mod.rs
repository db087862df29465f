//! Writing results: one `--format` enum, one function per format, all writing to
//! `&mut dyn Write` so that `main` owns the single locked, buffered stdout and a
//! closed pipe surfaces as an error it can end quietly on.
//!
//! Listing commands describe their output once, as items plus [`Column`]s; this module
//! turns that into a table, CSV, TSV, Markdown, ids, JSON or YAML. JSON and YAML write
//! the items themselves, so their field names are the data files' field names.

mod delimited;
mod diff;
mod markdown;
mod table;
mod text;

use std::io::{self, Write};

use serde::Serialize;

pub use delimited::write_delimited;
pub use diff::diff_text;
pub use text::show_text;

/// Output formats for listing commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ListFormat {
    /// An aligned table for reading.
    #[default]
    Table,
    /// A JSON array of full records.
    Json,
    /// A YAML sequence of full records.
    Yaml,
    /// Comma-separated values with a header row.
    Csv,
    /// Tab-separated values with a header row.
    Tsv,
    /// One id per line, for `xargs` and shell loops.
    Ids,
    /// A Markdown table, for documents and wikis.
    Markdown,
}

/// Output formats for `certs show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ShowFormat {
    /// Labelled fields for reading.
    #[default]
    Text,
    /// The entry as JSON.
    Json,
    /// The entry as YAML, in the data file format.
    Yaml,
    /// A Markdown section, for documents and wikis.
    Markdown,
}

/// How output may look: decided once from `--color`, `NO_COLOR` and whether stdout is a terminal.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    pub color: bool,
    /// Terminal width when stdout is a terminal; `None` means do not wrap.
    pub width: Option<u16>,
}

impl Style {
    pub fn bold(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }

    pub fn dim(&self, s: &str) -> String {
        if self.color {
            format!("\x1b[2m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
}

/// One column of a listing: a header and how to get the cell from an item.
pub struct Column<T> {
    pub header: &'static str,
    pub value: fn(&T) -> String,
}

impl<T> Column<T> {
    pub const fn new(header: &'static str, value: fn(&T) -> String) -> Self {
        Column { header, value }
    }
}

/// Writes a listing. `table` columns are for reading (table, Markdown); `data`
/// columns are for machines (CSV, TSV; the first is the id for `ids`), headed by
/// field names. JSON and YAML serialize the items whole.
pub fn listing<T: Serialize>(
    out: &mut dyn Write,
    format: ListFormat,
    style: &Style,
    items: &[T],
    table: &[Column<T>],
    data: &[Column<T>],
) -> io::Result<()> {
    let cells = |cols: &[Column<T>]| -> Vec<Vec<String>> {
        items
            .iter()
            .map(|item| cols.iter().map(|c| (c.value)(item)).collect())
            .collect()
    };
    let headers = |cols: &[Column<T>]| -> Vec<&str> { cols.iter().map(|c| c.header).collect() };
    match format {
        // An empty frame says nothing; the command tells stderr why nothing matched.
        ListFormat::Table if items.is_empty() => Ok(()),
        ListFormat::Table => table::write_table(out, style, &headers(table), &cells(table)),
        ListFormat::Markdown => markdown::write_table(out, &headers(table), &cells(table)),
        ListFormat::Csv => write_delimited(out, b',', &headers(data), &cells(data)),
        ListFormat::Tsv => write_delimited(out, b'\t', &headers(data), &cells(data)),
        ListFormat::Ids => {
            for item in items {
                if let Some(first) = data.first() {
                    writeln!(out, "{}", (first.value)(item))?;
                }
            }
            Ok(())
        }
        ListFormat::Json => json(out, &items),
        ListFormat::Yaml => yaml(out, &items),
    }
}

/// Writes a grid of already-formatted cells (the coverage matrix) as a table,
/// Markdown or delimited text.
pub fn grid(
    out: &mut dyn Write,
    format: ListFormat,
    style: &Style,
    headers: &[&str],
    rows: &[Vec<String>],
) -> io::Result<()> {
    match format {
        ListFormat::Markdown => markdown::write_table(out, headers, rows),
        ListFormat::Csv => write_delimited(out, b',', headers, rows),
        ListFormat::Tsv => write_delimited(out, b'\t', headers, rows),
        _ => table::write_table(out, style, headers, rows),
    }
}

/// Pretty JSON with a final newline.
pub fn json<T: Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    // `From` keeps an I/O error an I/O error, so a closed pipe is still recognised.
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}

/// YAML in the data files' layout.
pub fn yaml<T: Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let text = serde_saphyr::to_string(value).map_err(io::Error::other)?;
    out.write_all(text.as_bytes())?;
    if !text.ends_with('\n') {
        writeln!(out)?;
    }
    Ok(())
}

pub use markdown::show_markdown;

/// Joins list values for a single cell.
pub fn join<T: ToString>(items: &[T], sep: &str) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(sep)
}

/// Word-wraps text to `width` columns, each line prefixed by `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::from(indent);
    let room = width.max(indent.len() + 20);
    for word in text.split_whitespace() {
        let len = line.chars().count();
        if len > indent.len() && len + 1 + word.chars().count() > room {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from(indent);
        }
        if line.len() > indent.len() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(line.trim_end());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_words_and_indent() {
        let w = wrap("one two three four five six", 30, "  ");
        assert!(
            w.lines()
                .all(|l| l.starts_with("  ") && l.chars().count() <= 30),
            "{w}"
        );
        assert_eq!(w.split_whitespace().count(), 6);
    }
}
