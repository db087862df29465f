//! Checks beyond types: what the parser cannot see in one field.
//!
//! [`check_entry`] looks at one entry with its file (name matches id, dates agree,
//! nothing blank or repeated); [`check_catalog`] looks across entries (ids and aliases
//! unique, summaries of comparable length). Each problem carries the file, line and
//! column, found by [`Locator`] only when there is a problem to place.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt::Display;
use std::hash::Hash;

use chrono::NaiveDate;

use crate::catalog::entry::{Entry, Status};
use crate::check::locate::Locator;
use crate::check::problem::Problem;

mod across;
pub use across::{check_keys, check_manifest, check_sources, check_summaries};

/// The fields a name can be in, as [`Keys::fields`] numbers them.
pub const KEY_FIELDS: [&str; 4] = ["id", "aliases", "name", "full_name"];

/// An entry's names as they look, in the order of [`Keys::fields`]: one string and
/// where each name ends in it. Two allocations an entry rather than one a name: the
/// loader keeps these for every entry until the checks across entries have run.
#[derive(Debug, Default)]
pub struct Folded {
    text: Box<str>,
    ends: Box<[u32]>,
}

impl Folded {
    pub fn names(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .map(|(start, end)| self.text.get(start as usize..end as usize).unwrap_or(""))
    }
}

/// The names an entry is found by (`certs show KEY`): borrowed from a parsed entry,
/// or read from a file the typed parse refused.
#[derive(Debug)]
pub struct Keys<'a> {
    pub id: Cow<'a, str>,
    pub name: Option<Cow<'a, str>>,
    pub full_name: Option<Cow<'a, str>>,
    pub aliases: Cow<'a, [String]>,
}

impl<'a> Keys<'a> {
    /// The same names, borrowed from these.
    pub fn view(&self) -> Keys<'_> {
        Keys {
            id: Cow::Borrowed(&self.id),
            name: self.name.as_deref().map(Cow::Borrowed),
            full_name: self.full_name.as_deref().map(Cow::Borrowed),
            aliases: Cow::Borrowed(&self.aliases),
        }
    }

    /// Every name with its field (an index into [`KEY_FIELDS`]), in the order
    /// [`check_keys`] reads them: the id, the aliases, the name, the full name.
    pub fn fields(&self) -> impl Iterator<Item = (u8, &str)> {
        std::iter::once((0, self.id.as_ref()))
            .chain(self.aliases.iter().map(|a| (1, a.as_str())))
            .chain(self.name.as_deref().map(|n| (2, n)))
            .chain(self.full_name.as_deref().map(|n| (3, n)))
    }

    /// Each name of [`fields`](Self::fields) as it looks
    /// ([`look_alike`](crate::catalog::vocab::look_alike)). The loader folds them
    /// while it parses, on every core, rather than in the one pass across entries.
    pub fn folded(&self) -> Folded {
        let mut text = String::new();
        let mut ends = Vec::new();
        for (_, key) in self.fields() {
            text.push_str(&crate::catalog::vocab::look_alike(key));
            ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
        }
        Folded {
            text: text.into_boxed_str(),
            ends: ends.into_boxed_slice(),
        }
    }

    /// An entry's names, borrowed: no copy of any of them.
    pub fn of(e: &'a Entry) -> Self {
        Keys {
            id: Cow::Borrowed(e.id.as_str()),
            name: Some(Cow::Borrowed(&e.name)),
            full_name: e.full_name.as_deref().map(Cow::Borrowed),
            aliases: Cow::Borrowed(&e.aliases),
        }
    }
}

/// Where each entry of a catalog came from, for the checks across entries: its file
/// as messages name it, and the file's text again, to place a problem. The loader
/// keeps no copy of every file for that: the copies were a third of the peak memory
/// of loading a large catalog, for problems that are rare.
pub trait Files {
    /// The file of the `i`-th entry, as shown in messages.
    fn name(&self, i: usize) -> &str;
    /// The text of the `i`-th entry's file; empty if it can no longer be read.
    fn text(&self, i: usize) -> String;
}

/// Checks one entry against its own file. `today` bounds dates that cannot be in the future.
pub fn check_entry(entry: &Entry, file: &str, text: &str, today: NaiveDate) -> Vec<Problem> {
    let mut found = Findings::default();

    let id = entry.id.as_str();
    let stem = file_stem(file);
    if stem != id {
        found.error(
            &["id"],
            Some(id.to_owned()),
            format!(
                "id `{id}` does not match the file name; expected the file to be named `{id}.yaml`, or the id to be `{}`",
                stem
            ),
        );
    }

    // Text must say something, and reaches terminals, spreadsheets and documents: no
    // control, bidirectional or invisible characters (a summary may break lines).
    let mut blank: Vec<&[&str]> = Vec::new();
    for t in entry.texts() {
        if crate::catalog::untrusted::is_blank(t.value) && !blank.contains(&t.path) {
            blank.push(t.path);
            let field = t.path.join(".");
            let message = if t.item {
                format!("`{field}` has a blank item; write a value or remove the item")
            } else if t.required {
                format!("`{field}` is blank; write a value")
            } else {
                format!("`{field}` is blank; write a value or remove the field")
            };
            found.error(t.path, None, message);
        }
        let multiline = t.path == ["summary"];
        if let Some(what) = crate::catalog::untrusted::first_forbidden(t.value, multiline) {
            found.error(
                t.path,
                None,
                format!(
                    "`{field}` contains {what}; remove it",
                    field = t.path.join(".")
                ),
            );
        }
    }
    if entry.jurisdictions.is_empty() {
        found.error(
            &["jurisdictions"],
            None,
            "`jurisdictions` is empty; list at least one country code, `eu` or `global`".into(),
        );
    }
    for a in &entry.aliases {
        if a.trim() != a {
            found.error(
                &["aliases"],
                Some(a.clone()),
                format!("alias `{a}` has a leading or trailing space; nobody could type it to find the entry"),
            );
        }
    }

    // A normalisation excuses one value `verify` would otherwise look for, and says
    // why: one that names no real value, or gives no real reason, could whitewash any
    // invented fact.
    if let Some(source) = &entry.source
        && !source.normalised.is_empty()
    {
        let facts = crate::check::verify::literal_facts(entry);
        for n in &source.normalised {
            let field = crate::catalog::untrusted::shorten(&n.field);
            let value = crate::catalog::untrusted::shorten(&n.value);
            if !facts.iter().any(|(f, _, _)| *f == n.field) {
                let mut fields: Vec<&str> = facts.iter().map(|(f, _, _)| f.as_str()).collect();
                fields.dedup();
                found.error(
                    &["source", "normalised"],
                    Some(n.field.clone()),
                    format!("`source.normalised` names the field `{field}`, which holds no fact of this entry that `verify` checks; expected one of: {}", fields.join(", ")),
                );
            } else if !facts.iter().any(|(f, v, _)| *f == n.field && *v == n.value) {
                found.error(
                    &["source", "normalised"],
                    Some(n.value.clone()),
                    format!("`source.normalised` excuses `{value}` in `{field}`, but the entry's `{field}` has no such value; write the value exactly as the entry does"),
                );
            }
            if n.reason.split_whitespace().count() < 3 {
                found.error(
                    &["source", "normalised"],
                    Some(n.reason.clone()),
                    format!("`source.normalised` gives `{}` as the reason for `{value}`; say in a few words why the value differs from the source", crate::catalog::untrusted::shorten(&n.reason)),
                );
            }
        }
        found.repeated(
            &["source", "normalised"],
            first_duplicate(
                source
                    .normalised
                    .iter()
                    .map(|n| format!("{}: {}", n.field, n.value)),
            ),
        );
    }

    // A basis says why one classification value is there: it must name a value the
    // entry has, and give exactly one reason, a phrase of the section or a judgement.
    if let Some(source) = &entry.source
        && !source.basis.is_empty()
    {
        let values = entry.classification();
        for b in &source.basis {
            let field = crate::catalog::untrusted::shorten(&b.field);
            let value = crate::catalog::untrusted::shorten(&b.value);
            if !crate::catalog::entry::CLASSIFICATION.contains(&b.field.as_str()) {
                found.error(
                    &["source", "basis"],
                    Some(b.field.clone()),
                    format!(
                        "`source.basis` names the field `{field}`; expected one of: {}",
                        crate::catalog::entry::CLASSIFICATION.join(", ")
                    ),
                );
                continue;
            }
            if !values.iter().any(|(f, v)| *f == b.field && *v == b.value) {
                found.error(
                    &["source", "basis"],
                    Some(b.value.clone()),
                    format!("`source.basis` gives a basis for `{value}` in `{field}`, which the entry's `{field}` does not hold; write the value exactly as the entry does"),
                );
            }
            match (&b.quote, &b.judged) {
                (Some(_), Some(_)) | (None, None) => found.error(
                    &["source", "basis"],
                    Some(b.value.clone()),
                    format!("the basis of `{value}` in `{field}` needs exactly one of `quote` (a phrase of the section) and `judged` (your reason)"),
                ),
                (None, Some(reason)) if reason.split_whitespace().count() < 3 => found.error(
                    &["source", "basis"],
                    Some(reason.clone()),
                    format!("the basis of `{value}` in `{field}` is judged `{}`; say in a few words why the value holds", crate::catalog::untrusted::shorten(reason)),
                ),
                _ => {}
            }
        }
        found.repeated(
            &["source", "basis"],
            first_duplicate(
                source
                    .basis
                    .iter()
                    .map(|b| format!("{}: {}", b.field, b.value)),
            ),
        );
    }

    // Lists are sets: a repeated item is a copy-paste slip.
    found.repeated(
        &["aliases"],
        first_duplicate(
            entry
                .aliases
                .iter()
                .map(|a| crate::catalog::vocab::look_alike(a)),
        ),
    );
    found.repeated(
        &["jurisdictions"],
        first_duplicate(entry.jurisdictions.iter()),
    );
    found.repeated(&["industries"], first_duplicate(entry.industries.iter()));
    found.repeated(&["standards"], first_duplicate(entry.standards.iter()));
    found.repeated(
        &["scope", "services"],
        first_duplicate(entry.scope.services.iter()),
    );
    found.repeated(
        &["scope", "regions"],
        first_duplicate(entry.scope.regions.iter().map(|r| &r.name)),
    );
    found.repeated(
        &["links"],
        first_duplicate(entry.links.iter().map(|l| l.as_str())),
    );
    for ev in &entry.evidence {
        found.repeated(&["evidence", "access"], first_duplicate(ev.access.iter()));
    }
    if let Some(a) = entry.aliases.iter().find(|a| a.eq_ignore_ascii_case(id)) {
        found.error(
            &["aliases"],
            Some(a.clone()),
            format!("alias `{a}` repeats the entry's own id"),
        );
    }

    // Dates must tell a possible story.
    let updated = entry.source_updated.map(|u| (u, u.date()));
    if let Some((stamp, day)) = updated
        && day > today
    {
        found.error(
            &["source_updated"],
            Some(stamp.to_string()),
            format!("`source_updated` {stamp} is in the future (today is {today})"),
        );
    }
    if let Some(achieved) = entry.achieved {
        let start = achieved.first_day();
        if start > today {
            found.error(
                &["achieved"],
                Some(achieved.to_string()),
                format!("`achieved` {achieved} is in the future (today is {today})"),
            );
        }
        if let Some((stamp, day)) = updated
            && start > day
        {
            found.error(
                &["achieved"],
                Some(achieved.to_string()),
                format!(
                    "`achieved` {achieved} is after `source_updated` {stamp}; a page cannot report what had not happened yet"
                ),
            );
        }
        if let Some(until) = entry.valid_until
            && until.last_day() < start
        {
            found.error(
                &["valid_until"],
                Some(until.to_string()),
                format!("`valid_until` {until} is before `achieved` {achieved}"),
            );
        }
    }
    if let Some(period) = &entry.period
        && period.start.first_day() > period.end.last_day()
    {
        found.error(
            &["period", "start"],
            Some(period.start.to_string()),
            format!(
                "`period.start` {} is after `period.end` {}",
                period.start, period.end
            ),
        );
    }

    // A stated status the dates contradict: certs answers from the dates, so the
    // file says one thing and every answer another.
    if let Some(until) = entry.valid_until {
        match entry.status {
            Some(Status::Active) if until.last_day() < today => found.warning(
                &["status"],
                format!("`status` is active, but `valid_until` {until} has passed (today is {today}); answers will call it expired: update `status` or `valid_until`"),
            ),
            Some(Status::Expired) if until.last_day() >= today => found.warning(
                &["status"],
                format!("`status` is expired, but `valid_until` {until} is still ahead (today is {today}); update `status` or `valid_until`"),
            ),
            _ => {}
        }
    }

    if entry.evidence.is_empty() {
        found.warning(
            &["id"],
            "entry lists no evidence a customer can obtain".into(),
        );
    }

    found.place(file, text, id)
}

/// What `check_entry` found, placed in the file only if there is anything; at most
/// [`MAX_PER_FILE`](crate::check::tree::MAX_PER_FILE), as the tree walk reports.
#[derive(Default)]
struct Findings(Vec<Finding>, bool);

struct Finding {
    /// The field (`["scope", "level"]`); the value inside it, when the problem is one value.
    path: &'static [&'static str],
    value: Option<String>,
    message: String,
    is_error: bool,
}

impl Findings {
    fn error(&mut self, path: &'static [&'static str], value: Option<String>, message: String) {
        if self.0.len() >= crate::check::tree::MAX_PER_FILE {
            self.1 = true;
            return;
        }
        self.0.push(Finding {
            path,
            value,
            message,
            is_error: true,
        });
    }

    fn warning(&mut self, path: &'static [&'static str], message: String) {
        if self.0.len() >= crate::check::tree::MAX_PER_FILE {
            self.1 = true;
            return;
        }
        self.0.push(Finding {
            path,
            value: None,
            message,
            is_error: false,
        });
    }

    /// A list that holds `item` twice: lists are sets, a repeat is a copy-paste slip.
    fn repeated(&mut self, path: &'static [&'static str], item: Option<String>) {
        if let Some(d) = item {
            let message = format!("`{}` lists `{d}` more than once", path.join("."));
            self.error(path, Some(d), message);
        }
    }

    fn place(self, file: &str, text: &str, id: &str) -> Vec<Problem> {
        if self.0.is_empty() {
            return Vec::new();
        }
        let locator = Locator::new(text);
        let more = self.1;
        let mut placed: Vec<Problem> = self
            .0
            .into_iter()
            .map(|f| {
                let pos = match &f.value {
                    Some(v) => locator.value(f.path, v),
                    None => locator.key(f.path),
                };
                let p = if f.is_error {
                    Problem::error(file, f.message)
                } else {
                    Problem::warning(file, f.message)
                };
                p.at(pos).entry(id)
            })
            .collect();
        if more {
            let last = placed
                .last()
                .map_or((1, 1), |p| (p.line.unwrap_or(1), p.column.unwrap_or(1)));
            placed.push(
                Problem::error(
                    file,
                    format!(
                        "more problems in this file are not listed (the first {} are); fix these and validate again",
                        crate::check::tree::MAX_PER_FILE
                    ),
                )
                .at(last)
                .entry(id),
            );
        }
        placed
    }
}

/// The file name without its directory and extension, which must equal the entry's
/// id. Only `/` separates directories: on Unix `\` is an ordinary character of a name.
pub fn file_stem(file: &str) -> &str {
    let name = file.rsplit('/').next().unwrap_or(file);
    name.strip_suffix(".yaml")
        .or_else(|| name.strip_suffix(".yml"))
        .unwrap_or(name)
}

/// The first item that repeats an earlier one, as text. Lists in an entry are short,
/// so they are compared pairwise; a long one (a generated or hostile file) is hashed.
fn first_duplicate<T: Eq + Hash + Display>(items: impl Iterator<Item = T>) -> Option<String> {
    let items: Vec<T> = items.collect();
    if items.len() <= 16 {
        return (1..items.len())
            .find(|&i| items[..i].contains(&items[i]))
            .map(|i| items[i].to_string());
    }
    let mut seen = HashSet::with_capacity(items.len());
    items
        .iter()
        .find(|item| !seen.insert(*item))
        .map(ToString::to_string)
}
