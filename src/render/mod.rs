//! Writing results: one `--format` enum, one function per format, all writing to
//! `&mut dyn Write` so that `main` owns the single locked, buffered stdout and a
//! closed pipe surfaces as an error it can end quietly on.
//!
//! Listing commands describe their output once, as items plus [`Column`]s; this module
//! turns that into a table, CSV, TSV, Markdown, ids, JSON or YAML. JSON and YAML write
//! the items themselves, so their field names are the data files' field names.

pub(crate) mod brief;
mod columns;
mod delimited;
mod diff;
mod history;
pub(crate) mod html;
mod markdown;
pub(crate) mod oscal;
pub(crate) mod schema;
mod table;
mod text;
mod verdicts;
pub(crate) mod words;

use std::io::{self, Write};

use serde::Serialize;

use crate::catalog::untrusted::printable;

pub use columns::{Judged, shortfall};
pub use delimited::{write_delimited, write_passing_through};
pub use diff::diff_text;
pub use markdown::write_table as markdown_table;
pub use text::{ShowContext, show_text};
pub use verdicts::{matrix, requirements, validation, verification};

crate::catalog::vocab::vocabulary! {
    /// Output formats for listing commands.
    #[derive(Default)]
    ListFormat ("format") {
        /// An aligned table for reading.
        #[default]
        Table = "table",
        /// JSON: the records, with the data files' field names.
        Json = "json",
        /// YAML: the records, in the data files' layout.
        Yaml = "yaml",
        /// Comma-separated values with a header row.
        Csv = "csv",
        /// Tab-separated values with a header row.
        Tsv = "tsv",
        /// One id per line, for `xargs` and shell loops.
        Ids = "ids",
        /// A Markdown table, for documents and wikis.
        Markdown = "markdown" | "md",
    }
}

crate::catalog::vocab::vocabulary! {
    /// Output formats for `certs show`.
    ShowFormat ("format") {
        /// Labelled fields for reading.
        Text = "text",
        /// The entry as JSON.
        Json = "json",
        /// The entry as YAML, in the data file format.
        Yaml = "yaml",
        /// A Markdown section, for documents and wikis.
        Markdown = "markdown" | "md",
    }
}

crate::catalog::vocab::vocabulary! {
    /// Output formats for commands that report results rather than list records.
    ReportFormat ("format") {
        /// Lines for reading.
        Text = "text",
        /// JSON for scripts and CI annotations.
        Json = "json",
    }
}

crate::catalog::vocab::vocabulary! {
    /// Output formats for a document a person sends (`certs report`).
    #[derive(Default)]
    BriefFormat ("format") {
        /// Markdown, for a ticket, a wiki or an email.
        #[default]
        Markdown = "markdown",
        /// One HTML file, laid out for print (save it as PDF from any browser).
        Html = "html",
        /// Plain text.
        Text = "text",
    }
}

crate::catalog::vocab::vocabulary! {
    /// Output formats for an answered questionnaire (`certs answer`).
    SheetFormat ("format") {
        /// Comma-separated, as spreadsheets export.
        Csv = "csv",
        /// Tab-separated.
        Tsv = "tsv",
        /// JSON: one object per row, columns in order.
        Json = "json",
        /// A Markdown table.
        Markdown = "markdown",
    }
}

crate::catalog::vocab::vocabulary! {
    /// Output formats for documents other tools read (the OSCAL export).
    DocumentFormat ("format") {
        /// JSON, as OSCAL tools read it by default.
        Json = "json",
        /// YAML, the same document.
        Yaml = "yaml",
    }
}

crate::catalog::vocab::vocabulary! {
    /// When to use colour.
    ColorChoice ("colour choice") {
        /// On a terminal, unless `NO_COLOR` is set or `TERM=dumb`.
        Auto = "auto",
        /// Always, even in a pipe.
        Always = "always",
        /// Never.
        Never = "never",
    }
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

    pub fn red(&self, s: &str) -> String {
        self.paint("31", s)
    }

    pub fn green(&self, s: &str) -> String {
        self.paint("32", s)
    }

    pub fn yellow(&self, s: &str) -> String {
        self.paint("33", s)
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
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

/// How a column's cells may be laid out in a narrow table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Ids, codes, dates, single words: never split inside a word.
    Token,
    /// Free text: wrapped between words, or cut with `…`.
    Text,
}

/// One column of a listing: a header, how to get the cell from an item, how it fits,
/// and whether it may be dropped when the terminal is too narrow (highest `drop` first).
pub struct Column<T: ?Sized> {
    pub header: &'static str,
    pub value: Box<dyn Fn(&T) -> String>,
    pub fit: Fit,
    /// 0: always shown; otherwise dropped before columns with a lower number.
    pub drop: u8,
    /// In a table on a terminal, shown on the first of a run of rows about the same
    /// entry (the same first cell) and left blank below while it says the same.
    pub once: bool,
}

impl<T: ?Sized> Column<T> {
    /// A column of ids, codes or dates, never dropped.
    pub fn token(header: &'static str, value: impl Fn(&T) -> String + 'static) -> Self {
        Column {
            header,
            value: Box::new(value),
            fit: Fit::Token,
            drop: 0,
            once: false,
        }
    }

    /// A column of free text, never dropped.
    pub fn text(header: &'static str, value: impl Fn(&T) -> String + 'static) -> Self {
        Column {
            fit: Fit::Text,
            ..Column::token(header, value)
        }
    }

    /// May be dropped from a narrow table; higher numbers go first.
    pub fn droppable(mut self, order: u8) -> Self {
        self.drop = order;
        self
    }

    /// Said once for a run of rows about the same entry (see [`Column::once`]).
    pub fn once_per_entry(mut self) -> Self {
        self.once = true;
        self
    }
}

/// A row type that knows its columns: `table` for people (table, Markdown), `data`
/// for machines (CSV, TSV; headed by field names, the first is the id for `ids`).
/// JSON and YAML serialize the rows themselves.
/// With `explain`, both add the reasons an item is in the answer.
pub trait Row: Serialize {
    fn table(explain: bool) -> Vec<Column<Self>>;
    fn data(explain: bool) -> Vec<Column<Self>>;
}

/// Writes a listing in `format`.
pub fn listing<T: Row>(
    out: &mut dyn Write,
    format: ListFormat,
    style: &Style,
    items: &[T],
    explain: bool,
) -> io::Result<()> {
    // Catalog text is untrusted: control and bidirectional characters are escaped
    // before any format sees them.
    let cells = |cols: &[Column<T>]| -> Vec<Vec<String>> {
        items
            .iter()
            .map(|item| {
                cols.iter()
                    .map(|c| printable(&(c.value)(item)).into_owned())
                    .collect()
            })
            .collect()
    };
    let headers = |cols: &[Column<T>]| -> Vec<&str> { cols.iter().map(|c| c.header).collect() };
    match format {
        // An empty frame says nothing; the command tells stderr why nothing matched.
        ListFormat::Table if items.is_empty() => Ok(()),
        ListFormat::Table => {
            let table = T::table(explain);
            let layout: Vec<(Fit, u8)> = table.iter().map(|c| (c.fit, c.drop)).collect();
            let mut rows = cells(&table);
            // On a terminal only: in a pipe every row stays whole for `grep`. Bottom
            // up, so each row is compared with the row above as computed.
            let grouped = if style.width.is_some() { rows.len() } else { 0 };
            for r in (1..grouped).rev() {
                if rows[r].first() != rows[r - 1].first() {
                    continue;
                }
                for (i, c) in table.iter().enumerate() {
                    if c.once && rows[r].get(i) == rows[r - 1].get(i) {
                        rows[r][i].clear();
                    }
                }
            }
            table::write_table(out, style, &headers(&table), &layout, &rows)
        }
        ListFormat::Markdown => {
            let table = T::table(explain);
            markdown::write_table(out, &headers(&table), &cells(&table))
        }
        ListFormat::Csv => {
            let data = T::data(explain);
            write_delimited(out, b',', &headers(&data), &cells(&data))
        }
        ListFormat::Tsv => {
            let data = T::data(explain);
            write_delimited(out, b'\t', &headers(&data), &cells(&data))
        }
        ListFormat::Ids => {
            let data = T::data(explain);
            for item in items {
                if let Some(first) = data.first() {
                    writeln!(out, "{}", printable(&(first.value)(item)))?;
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
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| printable(c).into_owned()).collect())
        .collect();
    let rows = &rows;
    match format {
        ListFormat::Markdown => markdown::write_table(out, headers, rows),
        ListFormat::Csv => write_delimited(out, b',', headers, rows),
        ListFormat::Tsv => write_delimited(out, b'\t', headers, rows),
        _ => {
            // The first column names the row; the others may go, the last first.
            let layout: Vec<(Fit, u8)> = (0..headers.len())
                .map(|i| (Fit::Token, u8::from(i > 0)))
                .collect();
            table::write_table(out, style, headers, &layout, rows)
        }
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

/// Word-wraps text to `width` columns, each line prefixed by `indent`. Linear in the
/// text's length: the line's width is counted as it grows, never recounted.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::with_capacity(text.len() + indent.len());
    let start = indent.chars().count();
    let room = width.max(start + 20);
    out.push_str(indent);
    let mut len = start;
    for word in text.split_whitespace() {
        let w = word.chars().count();
        if len > start && len + 1 + w > room {
            out.push('\n');
            out.push_str(indent);
            len = start;
        }
        if len > start {
            out.push(' ');
            len += 1;
        }
        out.push_str(word);
        len += w;
    }
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
