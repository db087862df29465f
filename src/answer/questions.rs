//! `certs answer`: one questionnaire row answered deterministically, or handed to a
//! person. It reads only what it can be sure of:
//!
//! - **entries**, by their keys (ids, names, full names, aliases, certificate
//!   numbers) as whole words, ignoring case and punctuation between words; an alias
//!   written only in lowercase letters and hyphens in the catalog (`cdn`,
//!   `trusted-cloud`) is an everyday word, and counts only as the catalog writes it,
//!   or as the whole question;
//! - **places**, as `--region` reads them: a country or group name starting with a
//!   capital (`Singapore`, `Southeast Asia`), or a code written in capitals (`SG`,
//!   `EU`; `IT`, `ID` and `AI` are acronyms far more often than Italy, Indonesia or
//!   Anguilla, and are not read as places); a group name of up to four letters
//!   (`SEA`) only in capitals;
//! - **industries**, as `--industry` reads them (`finance`, `banking`, `healthcare`).
//!
//! A row names exactly one entry: **yes** when it applies as `certs require` decides
//! (current on the day, in every named place, to every named industry), **no** with
//! why otherwise. Anything else (no entry, several, a key several entries share) is
//! **needs review**, with the reason. It never guesses from loose words and never
//! answers from related certifications or free text.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::answer::query::{Selection, StatusPick};
use crate::answer::report::{self, Requirement, Strictness};
use crate::catalog::Catalog;
use crate::catalog::entry::{Entry, Industry};
use crate::catalog::region::RegionQuery;
use crate::catalog::vocab::{Vocabulary, fold};

/// Codes that are acronyms in questionnaires before they are countries.
const NOT_PLACES: [&str; 3] = ["IT", "ID", "AI"];

/// What a row asked, as far as it can be read, and the answer.
pub enum Answer<'e> {
    /// The one named entry applies: `certs require` passes.
    Yes(Requirement<'e>),
    /// The one named entry does not apply, and why.
    No(Requirement<'e>),
    /// A person must answer: why, and the entries the row named.
    Review(String, Vec<&'e Entry>),
}

/// A key an entry is found by, as words, and whether it counts only as written.
struct Key {
    words: Vec<String>,
    /// For an everyday-word alias: the alias exactly as the catalog writes it.
    literal: Option<String>,
    entry: usize,
    shown: String,
}

/// The keys, places and industries of a catalog, indexed once for every row.
pub struct Reader<'e> {
    entries: &'e [Entry],
    /// Keys by their first word.
    keys: HashMap<String, Vec<Key>>,
    places: HashMap<String, RegionQuery>,
    industries: HashMap<String, Industry>,
}

/// A question's words, each with its place in the text: letters and digits, the rest
/// separates.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

impl<'e> Reader<'e> {
    pub fn new(catalog: &'e Catalog) -> Self {
        let entries = catalog.entries();
        let mut keys: HashMap<String, Vec<Key>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            let mut add = |text: &str, everyday: bool| {
                let w: Vec<String> = words(text).iter().map(|(_, w)| w.to_lowercase()).collect();
                let Some(first) = w.first().cloned() else {
                    return;
                };
                keys.entry(first).or_default().push(Key {
                    words: w,
                    literal: everyday.then(|| text.to_owned()),
                    entry: i,
                    shown: text.to_owned(),
                });
            };
            add(e.id.as_str(), false);
            add(&e.name, false);
            if let Some(f) = &e.full_name {
                add(f, false);
            }
            for a in &e.aliases {
                let everyday = a.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
                add(a, everyday);
            }
            for ev in &e.evidence {
                if let Some(r) = &ev.reference {
                    add(r, false);
                }
            }
        }
        let mut places = HashMap::new();
        for q in RegionQuery::all() {
            match q {
                RegionQuery::Global => {}
                RegionQuery::Group(g) => {
                    places.insert(fold(g.name), q);
                    for a in g.aliases {
                        places.insert(fold(a), q);
                    }
                    places.insert(fold(g.description), q);
                }
                RegionQuery::Country(c) => {
                    places.insert(fold(c.code()), q);
                    for n in c.names() {
                        places.insert(fold(n), q);
                    }
                }
            }
        }
        let mut industries = HashMap::new();
        for &i in Industry::all() {
            industries.insert(fold(i.name()), i);
            for a in i.aliases() {
                industries.insert(fold(a), i);
            }
        }
        Reader {
            entries,
            keys,
            places,
            industries,
        }
    }

    /// The entries a question names, each with the key that named it.
    fn named(&self, question: &str) -> Vec<(usize, &Key)> {
        let ws = words(question);
        let lower: Vec<String> = ws.iter().map(|(_, w)| w.to_lowercase()).collect();
        let whole = fold(question.trim().trim_end_matches('?'));
        let mut found: Vec<(usize, &Key)> = Vec::new();
        for (at, first) in lower.iter().enumerate() {
            for key in self.keys.get(first).into_iter().flatten() {
                let n = key.words.len();
                if lower.get(at..at + n) != Some(&key.words[..]) {
                    continue;
                }
                if let Some(literal) = &key.literal {
                    // As the catalog writes it, in its case and with its hyphens.
                    let (start, _) = ws[at];
                    let end = ws[at + n - 1].0 + ws[at + n - 1].1.len();
                    let written = &question[start..end];
                    if written != literal && whole != fold(literal) {
                        continue;
                    }
                }
                found.push((at, key));
            }
        }
        found
    }

    /// The places a question names, as `--region` reads them.
    fn places(&self, question: &str) -> Vec<RegionQuery> {
        let ws = words(question);
        let mut out: Vec<RegionQuery> = Vec::new();
        let mut at = 0;
        while at < ws.len() {
            let mut step = 1;
            for n in (1..=3).rev() {
                let Some(span) = ws.get(at..at + n) else {
                    continue;
                };
                let text: Vec<&str> = span.iter().map(|(_, w)| *w).collect();
                let text = text.join(" ");
                let Some(q) = self.places.get(&fold(&text)) else {
                    continue;
                };
                let capitals = text.bytes().all(|b| !b.is_ascii_lowercase());
                let short = text.len() <= 4 && n == 1;
                let ok = if short {
                    // A code or a short group name: only in capitals, and not an acronym.
                    capitals && !NOT_PLACES.contains(&text.as_str())
                } else {
                    // A name: a proper noun starts with a capital.
                    text.starts_with(|c: char| c.is_uppercase())
                };
                if ok {
                    if !out.contains(q) {
                        out.push(*q);
                    }
                    step = n;
                    break;
                }
            }
            at += step;
        }
        out
    }

    /// The industries a question names, as `--industry` reads them.
    fn industries(&self, question: &str) -> Vec<Industry> {
        let ws = words(question);
        let mut out = Vec::new();
        for n in [2, 1] {
            for span in ws.windows(n) {
                let text: Vec<&str> = span.iter().map(|(_, w)| *w).collect();
                if let Some(&i) = self.industries.get(&fold(&text.join(" ")))
                    && !out.contains(&i)
                {
                    out.push(i);
                }
            }
        }
        out
    }

    /// The answer to one question, judged on `as_of`.
    pub fn answer(&self, question: &str, as_of: NaiveDate) -> Answer<'e> {
        if question.trim().is_empty() {
            return Answer::Review("the row has no question".into(), Vec::new());
        }
        let named = self.named(question);
        let mut entries: Vec<usize> = named.iter().map(|(_, k)| k.entry).collect();
        entries.sort_unstable();
        entries.dedup();
        let listed: Vec<&'e Entry> = entries.iter().map(|&i| &self.entries[i]).collect();
        // A key two entries share (a certificate number, say) names neither for sure.
        for (at, key) in &named {
            let sharing: Vec<&'e Entry> = named
                .iter()
                .filter(|(a, k)| a == at && k.words == key.words && k.entry != key.entry)
                .map(|(_, k)| &self.entries[k.entry])
                .collect();
            if !sharing.is_empty() {
                return Answer::Review(
                    format!("`{}` is a key of several entries", key.shown),
                    listed,
                );
            }
        }
        let e = match listed.as_slice() {
            [] => {
                return Answer::Review(
                    "the question names no certification, attestation or audit of the catalog"
                        .into(),
                    listed,
                );
            }
            [e] => *e,
            several => {
                let ids: Vec<&str> = several.iter().map(|e| e.id.as_str()).collect();
                return Answer::Review(
                    format!(
                        "the question names several entries ({}); answer each on its own",
                        ids.join(", ")
                    ),
                    listed,
                );
            }
        };
        let selection = Selection {
            regions: self.places(question),
            industries: self.industries(question),
            statuses: StatusPick::Current,
            ..Selection::new(as_of)
        };
        let r = report::require(e.id.as_str(), e, &selection, Strictness::default(), true);
        if r.ok() {
            Answer::Yes(r)
        } else {
            Answer::No(r)
        }
    }
}
