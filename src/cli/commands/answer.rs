//! `certs answer QUESTIONS.csv`: each row of a questionnaire answered yes, no or
//! needs review, with why, the entries, a citation and the evidence; every other
//! column passed through unchanged and in order.

use std::io::Write;
use std::path::Path;

use crate::answer::questions::{Answer, Reader};
use crate::catalog::Catalog;
use crate::catalog::untrusted::{shorten, shown_path};
use crate::cli::args::AnswerArgs;
use crate::cli::exit::{Exit, Refusal};
use crate::cli::session::Session;
use crate::render::{self, SheetFormat, brief, words};

/// Largest questionnaire read: a 10,000-row export is a few megabytes.
const MAX_SHEET_BYTES: u64 = 64 * 1024 * 1024;

/// The columns added to every row, in order.
const ADDED: [&str; 5] = ["answer", "entries", "why", "citation", "evidence"];

pub fn run(
    ctx: &Session,
    args: AnswerArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Exit> {
    let shown = shown_path(&args.file);
    let bytes = crate::load::read::read_limited(&args.file, MAX_SHEET_BYTES, "a CSV or TSV file")
        .map_err(|e| match e {
            crate::load::read::Limited::TooLarge(n) => Refusal::usage(format!(
                "cannot read `{shown}`: it is {n} bytes, over the {MAX_SHEET_BYTES}-byte limit for a questionnaire"
            )),
            crate::load::read::Limited::Other(msg) => {
                Refusal::usage(format!("cannot read `{shown}`: {msg}"))
            }
        })?;
    let tabs = is_tsv(&args.file, &bytes);
    let (headers, rows) =
        read_sheet(&bytes, tabs).map_err(|m| Refusal::usage(format!("`{shown}`: {m}")))?;
    let column = question_column(&headers, args.column.as_deref())
        .map_err(|m| Refusal::usage(format!("`{shown}`: {m}")))?;
    let catalog = ctx.load(err)?;
    let as_of = ctx.as_of(args.as_of);
    let reader = Reader::new(catalog);

    // Added columns keep their names unless the input has one: then `certs answer`.
    let added: Vec<String> = ADDED
        .iter()
        .map(|a| {
            if headers.iter().any(|h| h.trim().eq_ignore_ascii_case(a)) {
                format!("certs {a}")
            } else {
                (*a).to_owned()
            }
        })
        .collect();
    let mut counts = [0usize; 3];
    let mut table: Vec<Vec<String>> = Vec::with_capacity(rows.len());
    for mut row in rows {
        row.resize(headers.len(), String::new());
        if row.iter().all(|c| c.trim().is_empty()) {
            // An empty row of the export: kept as it is, not a question.
            row.extend(std::iter::repeat_n(String::new(), ADDED.len()));
            table.push(row);
            continue;
        }
        let cells = match reader.answer(&row[column], as_of) {
            Answer::Yes(r) => {
                counts[0] += 1;
                let why = r
                    .why
                    .iter()
                    .flatten()
                    .map(|w| words::reason(w, r.entry))
                    .collect::<Vec<_>>();
                answered("yes", r.entry, why.join("; "), catalog)
            }
            Answer::No(r) => {
                counts[1] += 1;
                let why = r.unmet.iter().map(render::shortfall).collect::<Vec<_>>();
                answered("no", r.entry, why.join("; "), catalog)
            }
            Answer::Review(why, entries) => {
                counts[2] += 1;
                let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
                vec![
                    "needs review".into(),
                    ids.join("; "),
                    why,
                    String::new(),
                    String::new(),
                ]
            }
        };
        row.extend(cells);
        table.push(row);
    }

    let format = args.format.unwrap_or(if tabs {
        SheetFormat::Tsv
    } else {
        SheetFormat::Csv
    });
    let all_headers: Vec<&str> = headers
        .iter()
        .map(String::as_str)
        .chain(added.iter().map(String::as_str))
        .collect();
    let mut bytes = Vec::new();
    match format {
        SheetFormat::Csv => {
            render::write_passing_through(&mut bytes, b',', &all_headers, &table, headers.len())?
        }
        SheetFormat::Tsv => {
            render::write_passing_through(&mut bytes, b'\t', &all_headers, &table, headers.len())?
        }
        SheetFormat::Markdown => render::markdown_table(&mut bytes, &all_headers, &table)?,
        SheetFormat::Json => {
            // One object per row, its keys in the sheet's order.
            writeln!(bytes, "[")?;
            for (i, row) in table.iter().enumerate() {
                let pairs = all_headers
                    .iter()
                    .zip(row)
                    .map(|(h, v)| {
                        Ok(format!(
                            "{}: {}",
                            serde_json::to_string(h)?,
                            serde_json::to_string(v)?
                        ))
                    })
                    .collect::<Result<Vec<String>, serde_json::Error>>()?;
                let sep = if i + 1 < table.len() { "," } else { "" };
                writeln!(bytes, "  {{{}}}{sep}", pairs.join(", "))?;
            }
            writeln!(bytes, "]")?;
        }
    }
    super::deliver(&bytes, args.output.as_deref(), out)?;
    let total = counts.iter().sum::<usize>();
    let rows = if total == 1 { "row" } else { "rows" };
    let review = if counts[2] == 1 { "needs" } else { "need" };
    writeln!(
        err,
        "{total} {rows}: {} yes, {} no, {} {review} review",
        counts[0], counts[1], counts[2]
    )?;
    Ok(if counts[2] == 0 {
        Exit::Success
    } else {
        Exit::No
    })
}

/// The added cells of a row answered yes or no: never without a citation.
fn answered(
    answer: &str,
    e: &crate::catalog::entry::Entry,
    why: String,
    catalog: &Catalog,
) -> Vec<String> {
    let evidence = if e.evidence.is_empty() {
        format!("{} by the source", words::NONE_STATED)
    } else {
        e.evidence
            .iter()
            .map(words::evidence)
            .collect::<Vec<_>>()
            .join("; ")
    };
    vec![
        answer.to_owned(),
        e.id.to_string(),
        why,
        brief::citation(e, catalog)
            .unwrap_or_else(|| format!("{} (the entry cites no source)", e.name)),
        evidence,
    ]
}

/// Tab-separated when the file says so by its name, or its first line has more tabs
/// than commas.
fn is_tsv(path: &Path, bytes: &[u8]) -> bool {
    let named = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv") || e.eq_ignore_ascii_case("tab"));
    let first = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let count = |c: u8| first.iter().filter(|&&b| b == c).count();
    named || count(b'\t') > count(b',')
}

/// The header and the rows, as text; a byte that is not UTF-8 is an error naming
/// its line.
fn read_sheet(bytes: &[u8], tabs: bool) -> Result<(Vec<String>, Vec<Vec<String>>), String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if tabs { b'\t' } else { b',' })
        .flexible(true)
        .has_headers(false)
        .from_reader(bytes);
    let mut records = reader.byte_records();
    let text = |r: &csv::ByteRecord| -> Result<Vec<String>, String> {
        let line = r.position().map_or(0, |p| p.line());
        r.iter()
            .map(|f| {
                String::from_utf8(f.to_vec()).map_err(|_| {
                    format!("line {line} is not UTF-8 text; save the sheet as UTF-8 CSV")
                })
            })
            .collect()
    };
    let headers = match records.next() {
        None => return Err("the file is empty; expected a header row and questions".into()),
        Some(r) => text(&r.map_err(|e| e.to_string())?)?,
    };
    let mut rows = Vec::new();
    for r in records {
        rows.push(text(&r.map_err(|e| e.to_string())?)?);
    }
    Ok((headers, rows))
}

/// The question column: `--column`, else `question`, else the one header with both
/// "question" and "text" (CAIQ exports have "Question ID" beside "Question Text").
fn question_column(headers: &[String], asked: Option<&str>) -> Result<usize, String> {
    let listed = || {
        headers
            .iter()
            .map(|h| format!("`{}`", shorten(h)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(name) = asked {
        return headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| {
                format!(
                    "no column `{}`; the headers are: {}",
                    shorten(name),
                    listed()
                )
            });
    }
    if let Some(i) = headers
        .iter()
        .position(|h| h.trim().eq_ignore_ascii_case("question"))
    {
        return Ok(i);
    }
    let both: Vec<usize> = headers
        .iter()
        .enumerate()
        .filter(|(_, h)| {
            let h = h.to_lowercase();
            h.contains("question") && h.contains("text")
        })
        .map(|(i, _)| i)
        .collect();
    match both.as_slice() {
        [one] => Ok(*one),
        _ => Err(format!(
            "cannot tell which column holds the questions; name it with --column. The headers are: {}",
            listed()
        )),
    }
}
