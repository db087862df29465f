//! `certs verify`: the catalog's literal facts checked against a plain-text copy of
//! the source document, section by section.
//!
//! A section starts at a heading line followed by a `Last updated : STAMP` line (the
//! document's own layout) and runs to the next one. For each entry citing the
//! document, every literal fact must appear in its section, ignoring case, spacing
//! and the spaces a document puts before punctuation: names of bodies, levels,
//! services, regions, counts, standards, certificate numbers, links, and dates in
//! any of the forms documents write them. The section's stamp must equal the entry's
//! `source_updated`; a different stamp is drift. Values the entry lists under
//! `source.normalised` are accepted with their reason. The catalog's own
//! classification (kind, industries, jurisdictions, aliases) is reported value by
//! value with its basis from `source.basis`: a quoted phrase, looked for in the
//! section like a fact; a judgement, reported with its reason; or none. The summary
//! is the catalog's own words and is not checked.

use chrono::Datelike;
use serde::Serialize;

use crate::catalog::entry::{Entry, PartialDate, Scope};

/// A document split into its sections.
pub struct Document {
    sections: Vec<Section>,
    /// Each heading's first section, so finding one is a lookup, not a scan: a
    /// document of a million headings checked for thousands of entries stays linear.
    by_heading: std::collections::HashMap<String, usize>,
}

struct Section {
    heading: String,
    stamp: String,
    /// The section's text, folded for matching.
    folded: String,
}

impl Document {
    /// Splits a document into sections at each heading followed by a `Last updated`
    /// line. Headings in a table of contents have no such line and are passed over.
    pub fn parse(text: &str) -> Document {
        let lines: Vec<&str> = text.lines().collect();
        let mut starts: Vec<(usize, String, String)> = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let heading = line.trim();
            if heading.is_empty() || heading.starts_with("Last updated") {
                continue;
            }
            // The next non-blank line, within a few, must be the stamp.
            let stamp = lines[i + 1..]
                .iter()
                .map(|l| l.trim())
                .filter(|l| !l.is_empty())
                .take(1)
                .find_map(|l| l.strip_prefix("Last updated"))
                .map(|rest| rest.trim_start().trim_start_matches(':').trim().to_owned());
            if let Some(stamp) = stamp {
                starts.push((i, heading.to_owned(), stamp));
            }
        }
        let sections = starts
            .iter()
            .enumerate()
            .map(|(n, (start, heading, stamp))| {
                let end = starts.get(n + 1).map_or(lines.len(), |next| next.0);
                Section {
                    heading: heading.clone(),
                    stamp: stamp.clone(),
                    folded: fold(&lines[*start..end].join("\n")),
                }
            })
            .collect::<Vec<Section>>();
        let mut by_heading = std::collections::HashMap::with_capacity(sections.len());
        for (i, s) in sections.iter().enumerate() {
            by_heading.entry(s.heading.clone()).or_insert(i);
        }
        Document {
            sections,
            by_heading,
        }
    }

    fn section(&self, heading: &str) -> Option<&Section> {
        self.by_heading.get(heading).map(|&i| &self.sections[i])
    }

    #[cfg(test)]
    pub fn headings(&self) -> impl Iterator<Item = &str> {
        self.sections.iter().map(|s| s.heading.as_str())
    }
}

/// Lowercase, curly quotes straight, runs of white space as one space, and no space
/// before `,` `.` `)` `;` `:` or after `(`: documents space punctuation unevenly.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        let c = match c {
            '“' | '”' => '"',
            '‘' | '’' => '\'',
            c => c,
        };
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space && !matches!(c, ',' | '.' | ')' | ';' | ':') && !out.ends_with('(') {
            out.push(' ');
        }
        pending_space = false;
        out.extend(c.to_lowercase());
    }
    out
}

/// What became of one fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum Outcome {
    Verified,
    /// The entry says the value is a deliberate normalisation, and why.
    Accepted {
        reason: String,
    },
    /// None of these forms is in the section.
    NotFound {
        searched: Vec<String>,
    },
    /// The section's stamp is not the entry's: the page changed since.
    Drifted {
        document: String,
    },
}

/// One literal fact of an entry and its outcome.
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    pub field: String,
    pub value: String,
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// What became of one classification value's basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "kebab-case")]
pub enum TagOutcome {
    /// The quoted phrase is in the section.
    QuoteVerified { quote: String },
    /// The maintainer's judgement, with its reason: reported, never checked.
    Judged { reason: String },
    /// The quoted phrase is not in the section (or the section is missing).
    QuoteNotFound { quote: String },
    /// No basis recorded.
    NoBasis,
}

/// One classification value of an entry and its basis.
#[derive(Debug, Clone, Serialize)]
pub struct Tag {
    pub field: String,
    pub value: String,
    #[serde(flatten)]
    pub outcome: TagOutcome,
}

/// One entry's facts.
#[derive(Debug, Serialize)]
pub struct EntryReport {
    pub id: String,
    /// The section the entry cites, or `None` when it cites no source.
    pub section: Option<String>,
    /// False when the document has no such section: every fact is then not found.
    pub section_found: bool,
    pub facts: Vec<Fact>,
    /// The classification values (kind, jurisdictions, industries, aliases) and their bases.
    pub classification: Vec<Tag>,
}

/// Counts over every fact.
#[derive(Debug, Default, Serialize, PartialEq, Eq)]
pub struct Totals {
    pub facts: usize,
    pub verified: usize,
    pub accepted: usize,
    pub not_found: usize,
    pub drifted: usize,
    /// Entries that cite no source, or a section the document lacks.
    pub unsourced: usize,
    /// Classification values, and what became of their bases.
    pub tags: usize,
    pub quote_verified: usize,
    pub judged: usize,
    pub quote_not_found: usize,
    pub no_basis: usize,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub document: String,
    pub entries: Vec<EntryReport>,
    pub totals: Totals,
}

impl Report {
    /// Every fact verified or accepted and every quote found; with `strict`, every
    /// classification value has a basis too.
    pub fn passed(&self, strict: bool) -> bool {
        let t = &self.totals;
        t.not_found == 0
            && t.drifted == 0
            && t.unsourced == 0
            && t.quote_not_found == 0
            && (!strict || t.no_basis == 0)
    }
}

/// Checks every entry that cites `document_id` (and every entry that cites none,
/// which cannot be traced) against the document.
pub fn verify<'e>(
    entries: impl Iterator<Item = &'e Entry>,
    document_id: &str,
    doc: &Document,
) -> Report {
    let mut reports = Vec::new();
    for e in entries {
        let Some(source) = &e.source else {
            reports.push(EntryReport {
                id: e.id.to_string(),
                section: None,
                section_found: false,
                facts: Vec::new(),
                classification: classification(e, None),
            });
            continue;
        };
        if source.document != document_id {
            continue;
        }
        let section = doc.section(&source.section);
        let facts = literal_facts(e)
            .into_iter()
            .map(|(field, value, forms)| {
                let accepted = source
                    .normalised
                    .iter()
                    .find(|n| n.field == field && n.value == value);
                let outcome = match (section, accepted) {
                    (_, Some(n)) => Outcome::Accepted {
                        reason: n.reason.clone(),
                    },
                    (None, None) => Outcome::NotFound { searched: forms },
                    (Some(s), None) if field == "source_updated" => {
                        if s.stamp == value {
                            Outcome::Verified
                        } else {
                            Outcome::Drifted {
                                document: s.stamp.clone(),
                            }
                        }
                    }
                    (Some(s), None) => {
                        if forms.iter().any(|f| contains_word(&s.folded, &fold(f))) {
                            Outcome::Verified
                        } else {
                            Outcome::NotFound { searched: forms }
                        }
                    }
                };
                Fact {
                    field,
                    value,
                    outcome,
                }
            })
            .collect();
        reports.push(EntryReport {
            id: e.id.to_string(),
            section: Some(source.section.clone()),
            section_found: section.is_some(),
            facts,
            classification: classification(e, section),
        });
    }
    let mut totals = Totals::default();
    for r in &reports {
        if !r.section_found {
            totals.unsourced += 1;
        }
        for f in &r.facts {
            totals.facts += 1;
            match f.outcome {
                Outcome::Verified => totals.verified += 1,
                Outcome::Accepted { .. } => totals.accepted += 1,
                Outcome::NotFound { .. } => totals.not_found += 1,
                Outcome::Drifted { .. } => totals.drifted += 1,
            }
        }
        for t in &r.classification {
            totals.tags += 1;
            match t.outcome {
                TagOutcome::QuoteVerified { .. } => totals.quote_verified += 1,
                TagOutcome::Judged { .. } => totals.judged += 1,
                TagOutcome::QuoteNotFound { .. } => totals.quote_not_found += 1,
                TagOutcome::NoBasis => totals.no_basis += 1,
            }
        }
    }
    Report {
        document: document_id.to_owned(),
        entries: reports,
        totals,
    }
}

/// Each classification value of `e` with its basis, a quote looked for in `section`.
fn classification(e: &Entry, section: Option<&Section>) -> Vec<Tag> {
    e.classification()
        .into_iter()
        .map(|(field, value)| {
            let outcome = match e.basis(field, &value) {
                None => TagOutcome::NoBasis,
                Some(b) => match (&b.quote, &b.judged) {
                    (Some(q), _) => {
                        if section.is_some_and(|s| contains_word(&s.folded, &fold(q))) {
                            TagOutcome::QuoteVerified { quote: q.clone() }
                        } else {
                            TagOutcome::QuoteNotFound { quote: q.clone() }
                        }
                    }
                    (None, Some(reason)) => TagOutcome::Judged {
                        reason: reason.clone(),
                    },
                    (None, None) => TagOutcome::NoBasis,
                },
            };
            Tag {
                field: field.to_owned(),
                value,
                outcome,
            }
        })
        .collect()
}

/// True when `needle` stands in `hay` as a whole: not inside a longer word or number.
fn contains_word(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    hay.match_indices(needle).any(|(at, _)| {
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        let first = needle.chars().next();
        let last = needle.chars().next_back();
        let glued_before = word(first) && word(before);
        let glued_after = word(last) && word(after);
        !(glued_before || glued_after)
    })
}

/// Every literal fact of an entry: (field, value, the forms to search for).
pub(crate) fn literal_facts(e: &Entry) -> Vec<(String, String, Vec<String>)> {
    // Taken apart without `..`: a field added to the format does not compile until it
    // is checked here or named as the catalog's own words (names people type, the
    // classification, the summary, how to obtain evidence).
    let Entry {
        id: _,
        name: _,
        full_name,
        aliases: _,
        kind: _,
        status: _,
        issuer,
        auditor,
        jurisdictions: _,
        industries: _,
        scope,
        standards,
        achieved,
        valid_until,
        period,
        source_updated,
        evidence,
        summary: _,
        links,
        related_certifications,
        source: _,
    } = e;
    let Scope {
        level,
        data_centres,
        regions,
        services,
    } = scope;
    let mut facts = Vec::new();
    let mut text = |field: &str, value: &str| {
        facts.push((field.to_owned(), value.to_owned(), vec![value.to_owned()]));
    };
    for (field, value) in [
        ("full_name", full_name),
        ("issuer", issuer),
        ("auditor", auditor),
        ("scope.level", level),
    ] {
        if let Some(v) = value {
            text(field, v);
        }
    }
    if let Some(n) = data_centres {
        text("scope.data_centres", &n.to_string());
    }
    for r in regions {
        text("scope.regions", &r.name);
    }
    for v in services {
        text("scope.services", v);
    }
    for v in standards {
        text("standards", v);
    }
    for v in related_certifications {
        text("related_certifications", v);
    }
    for ev in evidence {
        if let Some(r) = &ev.reference {
            text("evidence.reference", r);
        }
    }
    for l in links {
        let bare = l
            .as_str()
            .split_once("://")
            .map_or(l.as_str(), |(_, rest)| rest);
        let bare = bare.trim_end_matches('/');
        facts.push((
            "links".to_owned(),
            l.to_string(),
            vec![l.to_string(), bare.to_owned()],
        ));
    }
    let mut date = |field: &str, d: PartialDate| {
        facts.push((field.to_owned(), d.to_string(), date_forms(d)));
    };
    if let Some(d) = achieved {
        date("achieved", *d);
    }
    if let Some(d) = valid_until {
        date("valid_until", *d);
    }
    if let Some(p) = period {
        date("period.start", p.start);
        date("period.end", p.end);
    }
    if let Some(stamp) = source_updated {
        facts.push((
            "source_updated".to_owned(),
            stamp.to_string(),
            vec![stamp.to_string()],
        ));
    }
    facts
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The ways documents write a date, at its precision: `August 31, 2020`,
/// `31 August 2020`, `Aug 31, 2020`, `2020-08-31`; `June 2020`, `Jun 2020`,
/// `2020-06`; `2020`.
pub fn date_forms(d: PartialDate) -> Vec<String> {
    match d {
        PartialDate::Year(y) => vec![format!("{y}")],
        PartialDate::Month(y, m) => {
            let name = MONTHS[(m as usize).saturating_sub(1) % 12];
            vec![
                format!("{name} {y}"),
                format!("{} {y}", &name[..3]),
                format!("{y}-{m:02}"),
            ]
        }
        PartialDate::Day(day) => {
            let (y, m, dd) = (day.year(), day.month(), day.day());
            let name = MONTHS[(m as usize).saturating_sub(1) % 12];
            let short = &name[..3];
            vec![
                format!("{name} {dd}, {y}"),
                format!("{dd} {name} {y}"),
                format!("{short} {dd}, {y}"),
                format!("{dd} {short} {y}"),
                format!("{y}-{m:02}-{dd:02}"),
            ]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "Contents\n\nC5\n\nRegion\n\nC5\n\nLast updated : 2020-10-19 11:18:18\n\nOn August 31, 2020, it passed the German  BSI ( Federal ) criteria , etc.\n\nMTCS\n \nLast updated : 2020-02-19 11:13:18\n\nLevel 3 since June 2020.\n";

    #[test]
    fn sections_start_at_a_heading_with_a_stamp() {
        let d = Document::parse(DOC);
        assert_eq!(d.headings().collect::<Vec<_>>(), ["C5", "MTCS"]);
        let c5 = d.section("C5").unwrap();
        assert_eq!(c5.stamp, "2020-10-19 11:18:18");
        assert!(
            c5.folded.contains("german bsi (federal) criteria, etc."),
            "{}",
            c5.folded
        );
        assert!(!c5.folded.contains("level 3"));
    }

    #[test]
    fn dates_are_found_in_the_forms_documents_use() {
        let d = Document::parse(DOC);
        let c5 = &d.section("C5").unwrap().folded;
        let day: PartialDate = "2020-08-31".parse().unwrap();
        assert!(date_forms(day).iter().any(|f| contains_word(c5, &fold(f))));
        let month: PartialDate = "2020-06".parse().unwrap();
        let mtcs = &d.section("MTCS").unwrap().folded;
        assert!(
            date_forms(month)
                .iter()
                .any(|f| contains_word(mtcs, &fold(f)))
        );
        assert!(
            !date_forms(month)
                .iter()
                .any(|f| contains_word(c5, &fold(f)))
        );
    }

    #[test]
    fn words_are_whole() {
        assert!(contains_word("level 3 since", "level 3"));
        assert!(!contains_word("level 30", "level 3"));
        assert!(!contains_word("15", "1"));
        assert!(contains_word("no: 01018 ", "01018"));
    }
}
