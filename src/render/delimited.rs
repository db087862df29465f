//! CSV and TSV. Quoting follows RFC 4180 (a field with the separator, a quote or a
//! line break is quoted, quotes doubled); it is a dozen lines, not worth a crate.
//! TSV has no quoting convention, so tabs and line breaks in a field become spaces.
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula
//! (`=HYPERLINK(…)`), so, as OWASP recommends for CSV injection, such a value is
//! written with a leading `'`, unless it is a plain number (`-18` days).

use std::io::{self, Write};

pub fn write_delimited(
    out: &mut dyn Write,
    sep: u8,
    headers: &[&str],
    rows: &[Vec<String>],
) -> io::Result<()> {
    write_passing_through(out, sep, headers, rows, 0)
}

/// As [`write_delimited`], but the first `kept` cells of each row are the user's own
/// (a questionnaire's columns, passed through as they came) and are written as they
/// are; only the cells certs adds are neutralised.
pub fn write_passing_through(
    out: &mut dyn Write,
    sep: u8,
    headers: &[&str],
    rows: &[Vec<String>],
    kept: usize,
) -> io::Result<()> {
    write_row(out, sep, headers.iter().copied())?;
    for row in rows {
        let safe: Vec<std::borrow::Cow<str>> = row
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i < kept {
                    std::borrow::Cow::Borrowed(c.as_str())
                } else {
                    neutralise(c)
                }
            })
            .collect();
        write_row(out, sep, safe.iter().map(|c| c.as_ref()))?;
    }
    Ok(())
}

/// A value a spreadsheet would read as a formula, with a `'` in front.
fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().is_err() {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

fn write_row<'a>(
    out: &mut dyn Write,
    sep: u8,
    fields: impl Iterator<Item = &'a str>,
) -> io::Result<()> {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.write_all(&[sep])?;
        }
        if sep == b'\t' {
            let clean: String = field
                .chars()
                .map(|c| {
                    if matches!(c, '\t' | '\n' | '\r') {
                        ' '
                    } else {
                        c
                    }
                })
                .collect();
            out.write_all(clean.as_bytes())?;
        } else if field.contains([sep as char, '"', '\n', '\r']) {
            write!(out, "\"{}\"", field.replace('"', "\"\""))?;
        } else {
            out.write_all(field.as_bytes())?;
        }
    }
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_it() {
        let mut out = Vec::new();
        let rows = vec![vec![
            "a,b".to_owned(),
            "say \"hi\"".to_owned(),
            "plain".to_owned(),
        ]];
        write_delimited(&mut out, b',', &["x", "y", "z"], &rows).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "x,y,z\n\"a,b\",\"say \"\"hi\"\"\",plain\n"
        );
    }

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        let mut out = Vec::new();
        let rows = vec![vec![
            "=HYPERLINK(\"x\")".to_owned(),
            "@SUM(A1)".to_owned(),
            "-18".to_owned(),
            "+cmd".to_owned(),
        ]];
        write_delimited(&mut out, b',', &["a", "b", "c", "d"], &rows).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "a,b,c,d\n\"'=HYPERLINK(\"\"x\"\")\",'@SUM(A1),-18,'+cmd\n"
        );
    }

    #[test]
    fn tsv_flattens_tabs() {
        let mut out = Vec::new();
        write_delimited(&mut out, b'\t', &["x"], &[vec!["a\tb".to_owned()]]).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "x\na b\n");
    }
}
