//! Tables for people, with comfy-table.
//!
//! On a terminal the table fits the window and wraps long cells; in a pipe nothing is
//! wrapped or styled, so `grep` and `less` see whole lines, unless `--color always`.

use std::io::{self, Write};

use comfy_table::{Attribute, Cell, ContentArrangement, Table, presets};

use super::Style;

pub fn write_table(
    out: &mut dyn Write,
    style: &Style,
    headers: &[&str],
    rows: &[Vec<String>],
) -> io::Result<()> {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners());
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
    writeln!(out, "{table}")
}
