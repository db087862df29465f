//! Tables for people, with comfy-table.
//!
//! On a terminal the table fits the window and wraps long cells between words; in a
//! pipe nothing is wrapped or styled, so `grep` and `less` see whole lines, unless
//! `--color always`.

use std::io::{self, Write};

use comfy_table::{
    Attribute, Cell, ColumnConstraint, ContentArrangement, ContentLineStyle, LineStyle, Table,
    TableStyle, Width,
};

use super::Style;

/// Column rules and a line under the header, no frame: the content gets the width
/// of an 80-column terminal, and `grep` sees a row per line.
const PLAIN: TableStyle = TableStyle::new()
    .header_lines(ContentLineStyle::none().junction('│'))
    .header_separator(LineStyle::none().fill('─').junction('┼'))
    .content_lines(ContentLineStyle::none().junction('│'));

pub fn write_table(
    out: &mut dyn Write,
    style: &Style,
    headers: &[&str],
    rows: &[Vec<String>],
) -> io::Result<()> {
    let mut table = Table::new();
    table.load_style(PLAIN);
    match style.width {
        Some(width) => {
            table.set_content_arrangement(ContentArrangement::Dynamic);
            table.set_width(width);
        }
        None => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table.set_header(headers.iter().map(|h| {
        let cell = Cell::new(h);
        if style.color {
            cell.add_attribute(Attribute::Bold)
        } else {
            cell
        }
    }));
    for row in rows {
        table.add_row(row);
    }
    if style.width.is_some() {
        // Never narrower than the longest word, so cells wrap between words
        // (`certification`, not `certificati`/`on`).
        let longest_word = |i: usize| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(String::as_str)
                .chain(headers.get(i).copied())
                .flat_map(str::split_whitespace)
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0)
        };
        // comfy-table's widths include one space of padding on each side.
        let mins: Vec<usize> = (0..headers.len()).map(|i| longest_word(i) + 2).collect();
        let needed = mins.iter().sum::<usize>() + mins.len().saturating_sub(1);
        if style.width.is_some_and(|w| needed <= usize::from(w)) {
            table.set_constraints(mins.iter().map(|&m| {
                ColumnConstraint::LowerBoundary(Width::Fixed(u16::try_from(m).unwrap_or(u16::MAX)))
            }));
        }
    }
    writeln!(out, "{}", table.trim_fmt())
}
