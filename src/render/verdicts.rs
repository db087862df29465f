//! Human-readable results that are not listings: `validate`'s problems and summary,
//! `require`'s verdicts, and the coverage matrix's grid.

use std::io::{self, Write};

use super::{ListFormat, Style, grid, json, words, yaml};
use crate::answer::report::{Mark, Matrix, Requirement};
use crate::catalog::untrusted::{printable, shorten};
use crate::load::Loaded;

/// Compiler-style problem lines, then `21 entries, 0 problems`.
/// `errors` and `warnings` count every problem found, also those left out.
pub fn validation(
    out: &mut dyn Write,
    loaded: &Loaded,
    errors: usize,
    warnings: usize,
    verbose: bool,
    style: &Style,
) -> io::Result<()> {
    if verbose {
        for (file, why) in &loaded.skipped {
            writeln!(out, "{}: note: skipped, {why}", printable(file))?;
        }
    }
    for p in &loaded.problems {
        let word = p.severity_word();
        let word = if p.is_error() {
            style.red(word)
        } else {
            style.yellow(word)
        };
        writeln!(
            out,
            "{}: {word}: {}",
            printable(&p.location()),
            printable(&p.message)
        )?;
    }
    let entries = match loaded.files {
        1 => "1 entry".to_owned(),
        n => format!("{n} entries"),
    };
    match (errors, warnings) {
        (0, 0) => writeln!(out, "{entries}, 0 problems"),
        (e, w) => writeln!(
            out,
            "{entries}, {e} error{}, {w} warning{}",
            plural(e),
            plural(w)
        ),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `ok: ospar`, or `not met: …` for each shortfall; with `--explain`, why it passes.
pub fn requirements(out: &mut dyn Write, results: &[Requirement], style: &Style) -> io::Result<()> {
    for r in results {
        if r.ok() {
            writeln!(
                out,
                "{}: {}",
                style.green("ok"),
                printable(r.entry.id.as_str())
            )?;
            for why in r.why.iter().flatten() {
                writeln!(out, "  {}", words::reason(why, r.entry))?;
            }
        }
        for s in &r.unmet {
            writeln!(
                out,
                "{}: {}",
                style.red("not met"),
                printable(&super::shortfall(s))
            )?;
        }
    }
    Ok(())
}

/// The matrix: `●` named, `○` global or cross-industry in a table; words in CSV/TSV.
pub fn matrix(
    out: &mut dyn Write,
    format: ListFormat,
    style: &Style,
    m: &Matrix,
) -> io::Result<()> {
    match format {
        ListFormat::Json => return json(out, m),
        ListFormat::Yaml => return yaml(out, m),
        ListFormat::Ids => {
            // The entries the matrix marks somewhere, as a list of ids is read.
            for r in m
                .rows
                .iter()
                .filter(|r| r.marks.iter().any(|m| *m != Mark::None))
            {
                writeln!(out, "{}", r.id)?;
            }
            return Ok(());
        }
        _ => {}
    }
    let for_people = matches!(format, ListFormat::Table | ListFormat::Markdown);
    let mark = |m: Mark| match (m, for_people) {
        (Mark::None, _) => String::new(),
        (Mark::Named, true) => "●".to_owned(),
        (Mark::Global | Mark::Any, true) => "○".to_owned(),
        (m, false) => m.word().unwrap_or_default().to_owned(),
    };
    let mut headers = vec![if for_people { "ID" } else { "id" }];
    headers.extend(m.columns.iter().map(String::as_str));
    let rows: Vec<Vec<String>> = m
        .rows
        .iter()
        .map(|r| {
            std::iter::once(r.id.clone())
                .chain(r.marks.iter().map(|m| mark(*m)))
                .collect()
        })
        .collect();
    grid(out, format, style, &headers, &rows)?;
    if for_people && format == ListFormat::Table && !rows.is_empty() {
        writeln!(out, "● names it   ○ global or cross-industry")?;
    }
    Ok(())
}

/// `certs verify` for people: per entry what was verified, what was not found (and
/// what was searched for), what drifted, what was accepted and why; then the totals.
pub fn verification(
    out: &mut dyn Write,
    r: &crate::check::verify::Report,
    style: &Style,
) -> io::Result<()> {
    use crate::check::verify::{Outcome, TagOutcome};
    for e in &r.entries {
        let Some(section) = &e.section else {
            writeln!(
                out,
                "{}: {}: cites no source section",
                e.id,
                style.red("not found")
            )?;
            continue;
        };
        if !e.section_found {
            writeln!(
                out,
                "{}: {}: the document has no section `{}`",
                e.id,
                style.red("not found"),
                printable(&shorten(section))
            )?;
            continue;
        }
        let verified = e
            .facts
            .iter()
            .filter(|f| f.outcome == Outcome::Verified)
            .count();
        let count =
            |f: fn(&TagOutcome) -> bool| e.classification.iter().filter(|t| f(&t.outcome)).count();
        let quoted = count(|o| matches!(o, TagOutcome::QuoteVerified { .. }));
        let judged = count(|o| matches!(o, TagOutcome::Judged { .. }));
        writeln!(
            out,
            "{} ({}): {verified} of {} verified; {} tags: {quoted} quoted, {judged} judged",
            e.id,
            printable(section),
            e.facts.len(),
            e.classification.len()
        )?;
        for f in &e.facts {
            match &f.outcome {
                Outcome::Verified => {}
                Outcome::Accepted { reason } => writeln!(
                    out,
                    "  {}: {} `{}`: {}",
                    style.yellow("accepted"),
                    f.field,
                    printable(&f.value),
                    printable(reason)
                )?,
                Outcome::NotFound { searched } => writeln!(
                    out,
                    "  {}: {} `{}` (searched for {})",
                    style.red("not found"),
                    f.field,
                    printable(&f.value),
                    searched
                        .iter()
                        .map(|s| format!("`{}`", printable(s)))
                        .collect::<Vec<_>>()
                        .join(", ")
                )?,
                Outcome::Drifted { document } => writeln!(
                    out,
                    "  {}: {} is `{}` in the catalog but `{}` in the document; the page changed since the entry was written",
                    style.red("drifted"),
                    f.field,
                    printable(&f.value),
                    // The stamp is the document's text, as untrusted as the catalog's.
                    printable(&shorten(document))
                )?,
            }
        }
        for t in &e.classification {
            let tag = format!("{} `{}`", t.field, printable(&t.value));
            match &t.outcome {
                TagOutcome::QuoteVerified { .. } => {}
                TagOutcome::Judged { reason } => writeln!(
                    out,
                    "  {}: {tag}: {}",
                    style.yellow("judged"),
                    printable(reason)
                )?,
                TagOutcome::QuoteNotFound { quote } => writeln!(
                    out,
                    "  {}: {tag} (searched for `{}`)",
                    style.red("quote not found"),
                    printable(quote)
                )?,
                TagOutcome::NoBasis => writeln!(out, "  {}: {tag}", style.red("no basis"))?,
            }
        }
    }
    let t = &r.totals;
    let unsourced = if t.unsourced > 0 {
        format!(", {} entries without a section", t.unsourced)
    } else {
        String::new()
    };
    writeln!(
        out,
        "{} of {} literal facts verified, {} accepted with a reason, {} not found, {} drifted{unsourced}",
        t.verified, t.facts, t.accepted, t.not_found, t.drifted
    )?;
    writeln!(
        out,
        "{} tags: {} quoted and found, {} judged, {} quote not found, {} without basis",
        t.tags, t.quote_verified, t.judged, t.quote_not_found, t.no_basis
    )
}
