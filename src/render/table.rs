//! Tables for people, with comfy-table.
//!
//! On a terminal the table fits the window without breaking or cutting a word: no
//! column is narrower than its longest word, free-text columns wrap between words,
//! and when even that does not fit, the columns marked droppable go, least
//! important first, and a last line names them and how to see them. In a pipe
//! nothing is wrapped, dropped or styled, so `grep` and `less` see whole lines.

use std::io::{self, Write};

use comfy_table::{
    Attribute, Cell, ColumnConstraint, ContentArrangement, ContentLineStyle, LineStyle, Table,
    TableStyle, Width,
};

use super::{Fit, Style};

/// Column rules and a line under the header, no frame: the content gets the width
/// of an 80-column terminal, and `grep` sees a row per line.
const PLAIN: TableStyle = TableStyle::new()
    .header_lines(ContentLineStyle::none().junction('│'))
    .header_separator(LineStyle::none().fill('─').junction('┼'))
    .content_lines(ContentLineStyle::none().junction('│'));

/// Narrowest a free-text column gets before columns are dropped.
const COMFORTABLE_TEXT: usize = 12;
/// Widest a free-text column asks for before the rest is shared out.
const MAX_TEXT_WORD: usize = 24;

pub fn write_table(
    out: &mut dyn Write,
    style: &Style,
    headers: &[&str],
    layout: &[(Fit, u8)],
    rows: &[Vec<String>],
) -> io::Result<()> {
    // A cell of a megabyte (a hostile name within the file limit) would take the
    // table layout quadratic time; nobody reads past a few hundred characters.
    let capped: Vec<Vec<String>>;
    let rows = if rows.iter().flatten().any(|c| c.len() > MAX_CELL) {
        capped = rows
            .iter()
            .map(|r| r.iter().map(|c| cap(c)).collect())
            .collect();
        &capped[..]
    } else {
        rows
    };
    let Some(width) = style.width else {
        return write_fitted(out, style, headers, rows, None);
    };
    let width = usize::from(width);
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
    let mut kept: Vec<usize> = (0..headers.len()).collect();
    let words: Vec<usize> = (0..headers.len()).map(longest_word).collect();
    let mut want: Vec<usize> = (0..headers.len())
        .map(|i| match layout.get(i).map_or(Fit::Token, |l| l.0) {
            Fit::Token => words[i],
            Fit::Text => words[i].max(MAX_TEXT_WORD.min(longest_line(rows, i))),
        })
        .collect();
    // comfy-table adds one space of padding on each side, and a rule between columns.
    let needed = |kept: &[usize], want: &[usize]| -> usize {
        kept.iter().map(|&i| want[i] + 2).sum::<usize>() + kept.len().saturating_sub(1)
    };
    let is_text = |i: usize| layout.get(i).is_some_and(|l| l.0 == Fit::Text);
    // First narrow free text to a width that still reads well, then drop columns,
    // least important first, then narrow free text to its longest word: a column
    // never gets narrower than that, so no word is ever cut or split.
    for floor in [COMFORTABLE_TEXT, 0] {
        loop {
            if needed(&kept, &want) <= width {
                break;
            }
            let narrowest = |i: usize| floor.max(words[i]);
            if let Some(&i) = kept
                .iter()
                .filter(|&&i| is_text(i) && want[i] > narrowest(i))
                .max_by_key(|&&i| want[i])
            {
                want[i] -= 1;
                continue;
            }
            if floor == 0 {
                break;
            }
            let drop = kept
                .iter()
                .enumerate()
                .filter(|(_, i)| layout.get(**i).is_some_and(|l| l.1 > 0))
                .max_by_key(|(pos, i)| (layout[**i].1, *pos))
                .map(|(pos, _)| pos);
            match drop {
                Some(pos) => {
                    kept.remove(pos);
                }
                None => break,
            }
        }
    }
    let hidden: Vec<&str> = (0..headers.len())
        .filter(|i| !kept.contains(i))
        .map(|i| headers[i])
        .collect();
    let shown_headers: Vec<&str> = kept.iter().map(|&i| headers[i]).collect();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            kept.iter()
                .map(|&i| r.get(i).map_or("", String::as_str).to_owned())
                .collect()
        })
        .collect();
    let mins: Vec<usize> = kept.iter().map(|&i| want[i] + 2).collect();
    // When even the narrowest layout is wider than the terminal, the table overflows
    // rather than split a word: a wrapped line is easier to read than `certificati│on`.
    let terminal = width;
    let width = width.max(needed(&kept, &want));
    write_fitted(out, style, &shown_headers, &rows, Some((width, mins)))?;
    if !hidden.is_empty() {
        let note = super::wrap(&super::words::hidden_columns(&hidden), terminal, "");
        writeln!(out, "{}", style.dim(&note))?;
    }
    Ok(())
}

/// The longest line a free-text column would like: its longest cell.
fn longest_line(rows: &[Vec<String>], i: usize) -> usize {
    rows.iter()
        .filter_map(|r| r.get(i))
        .map(|c| c.chars().count())
        .max()
        .unwrap_or(0)
}

/// Longest cell a table shows, in bytes; longer ones end in `…`.
const MAX_CELL: usize = 500;

fn cap(cell: &str) -> String {
    if cell.len() <= MAX_CELL {
        return cell.to_owned();
    }
    let mut end = MAX_CELL;
    while !cell.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &cell[..end])
}

fn write_fitted(
    out: &mut dyn Write,
    style: &Style,
    headers: &[&str],
    rows: &[Vec<String>],
    fit: Option<(usize, Vec<usize>)>,
) -> io::Result<()> {
    let mut table = Table::new();
    table.load_style(PLAIN);
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
    match fit {
        Some((width, mins)) => {
            table.set_content_arrangement(ContentArrangement::Dynamic);
            table.set_width(u16::try_from(width).unwrap_or(u16::MAX));
            let total = mins.iter().sum::<usize>() + mins.len().saturating_sub(1);
            if total <= width {
                table.set_constraints(mins.iter().map(|&m| {
                    ColumnConstraint::LowerBoundary(Width::Fixed(
                        u16::try_from(m).unwrap_or(u16::MAX),
                    ))
                }));
            }
        }
        None => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    writeln!(out, "{}", table.trim_fmt())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word of every cell appears whole on some line of the table.
    fn no_word_is_split(table: &str, headers: &[&str], rows: &[Vec<String>], layout: &[(Fit, u8)]) {
        for row in rows {
            for (i, cell) in row.iter().enumerate() {
                if layout[i].0 == Fit::Token {
                    for word in cell.split_whitespace() {
                        let dropped = !table.lines().next().unwrap_or("").contains(headers[i]);
                        assert!(
                            dropped || table.lines().any(|l| l.contains(word)),
                            "`{word}` split in\n{table}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn narrow_terminals_drop_columns_rather_than_split_words() {
        let headers = [
            "ID",
            "NAME",
            "KIND",
            "STATUS",
            "WHERE",
            "INDUSTRIES",
            "UPDATED",
        ];
        let layout = [
            (Fit::Token, 0),
            (Fit::Text, 0),
            (Fit::Token, 3),
            (Fit::Token, 0),
            (Fit::Token, 2),
            (Fit::Token, 4),
            (Fit::Token, 1),
        ];
        let rows = vec![
            [
                "dca-big-data",
                "DCA Big Data Trusted Cloud Service certification",
                "self-assessment",
                "not-yet-achieved",
                "cn global",
                "telecommunications finance",
                "2020-10-19",
            ]
            .map(String::from)
            .to_vec(),
            [
                "c5",
                "C5",
                "certification",
                "unstated",
                "de",
                "any",
                "2020-10-19",
            ]
            .map(String::from)
            .to_vec(),
        ];
        for width in [60u16, 80, 100, 40] {
            let style = Style {
                color: false,
                width: Some(width),
            };
            let mut out = Vec::new();
            write_table(&mut out, &style, &headers, &layout, &rows).unwrap();
            let text = String::from_utf8(out).unwrap();
            no_word_is_split(&text, &headers, &rows, &layout);
            if width >= 60 {
                assert!(
                    text.lines()
                        .all(|l| l.chars().count() <= usize::from(width)),
                    "wider than {width}:\n{text}"
                );
                assert!(text.contains("dca-big-data") && text.contains("not-yet-achieved"));
            }
        }
    }

    #[test]
    fn a_long_word_widens_its_column_and_a_dropped_column_is_named() {
        let headers = ["ID", "TEXT", "MORE"];
        let layout = [(Fit::Token, 0), (Fit::Text, 0), (Fit::Token, 1)];
        let rows = vec![vec![
            "a".to_owned(),
            "the Informationstechnik of it".to_owned(),
            "something-long-to-drop".to_owned(),
        ]];
        let style = Style {
            color: false,
            width: Some(40),
        };
        let mut out = Vec::new();
        write_table(&mut out, &style, &headers, &layout, &rows).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("Informationstechnik"), "{text}");
        assert!(!text.contains('…'), "{text}");
        assert!(!text.contains("something-long-to-drop"), "{text}");
        assert!(text.contains("(left out to fit: MORE;"), "{text}");
        assert!(text.lines().all(|l| l.chars().count() <= 40), "{text}");
    }
}
