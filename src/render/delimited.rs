//! CSV and TSV. Quoting follows RFC 4180 (a field with the separator, a quote or a
//! line break is quoted, quotes doubled); it is a dozen lines, not worth a crate.
//! TSV has no quoting convention, so tabs and line breaks in a field become spaces.

use std::io::{self, Write};

pub fn write_delimited(
    out: &mut dyn Write,
    sep: u8,
    headers: &[&str],
    rows: &[Vec<String>],
) -> io::Result<()> {
    write_row(out, sep, headers.iter().copied())?;
    for row in rows {
        write_row(out, sep, row.iter().map(String::as_str))?;
    }
    Ok(())
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
    fn tsv_flattens_tabs() {
        let mut out = Vec::new();
        write_delimited(&mut out, b'\t', &["x"], &[vec!["a\tb".to_owned()]]).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "x\na b\n");
    }
}
