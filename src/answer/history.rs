//! A trust page's memory: what changed between the catalog a site published and the
//! one it publishes now, as dated records, newest first. The comparison is `certs
//! diff`'s (material or editorial by field), plus each entry's status as of the day,
//! so an entry that expires only because its date passed is announced too.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::answer::diff;
use crate::answer::lifecycle::Span;
use crate::answer::query::Selected;
use crate::catalog::Catalog;
use crate::catalog::entry::Entry;

/// Every record, newest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct History {
    pub records: Vec<Record>,
}

/// One build that changed something.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// The day of the build: the as-of day, or `SOURCE_DATE_EPOCH`'s.
    #[serde(with = "day")]
    pub date: NaiveDate,
    pub entries: Vec<EntryChange>,
}

/// What happened to one entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryChange {
    pub id: String,
    pub name: String,
    pub change: Change,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Added,
    Removed,
    Changed,
}

/// One field's old and new value, as `certs diff` reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldChange {
    pub field: String,
    pub material: bool,
    pub old: Value,
    pub new: Value,
}

/// An entry as a site published it: the entry, and its status on that build's day.
pub struct Published {
    pub entry: Entry,
    pub status: String,
}

/// The field name a status change is recorded under.
pub const STATUS_AS_OF: &str = "status as of the day";

/// What changed from `old` (the published entries) to `new` (this build's
/// selection), as a record of `date`; `None` when nothing did.
pub fn record(date: NaiveDate, old: Vec<Published>, new: &[Selected<'_>]) -> Option<Record> {
    let statuses: Vec<(String, String)> = old
        .iter()
        .map(|p| (p.entry.id.to_string(), p.status.clone()))
        .collect();
    let before = Catalog::new(old.into_iter().map(|p| p.entry).collect());
    let after = Catalog::new(new.iter().map(|s| s.entry.clone()).collect());
    let d = diff::diff(&before, &after);
    let name_of = |c: &Catalog, id: &str| {
        c.entries()
            .iter()
            .find(|e| e.id.as_str() == id)
            .map(|e| e.name.clone())
            .unwrap_or_default()
    };
    let mut entries: Vec<EntryChange> = Vec::new();
    for id in &d.added {
        entries.push(EntryChange {
            id: id.clone(),
            name: name_of(&after, id),
            change: Change::Added,
            fields: Vec::new(),
        });
    }
    for id in &d.removed {
        // Gone from the page because a date passed (it expired): say so.
        let fields = before
            .entries()
            .iter()
            .find(|e| e.id.as_str() == id)
            .and_then(|e| {
                let now = crate::answer::query::status_as_of(e, date);
                let then = statuses.iter().find(|(i, _)| i == id)?.1.clone();
                let now_word = now.status.to_string();
                (now_word != then).then(|| FieldChange {
                    field: STATUS_AS_OF.to_owned(),
                    material: true,
                    old: Value::String(then),
                    new: Value::String(match now.date {
                        Some(d) if now.status == crate::answer::query::Lifecycle::Expired => {
                            format!("{now_word} ({d})")
                        }
                        _ => now_word,
                    }),
                })
            })
            .into_iter()
            .collect();
        entries.push(EntryChange {
            id: id.clone(),
            name: name_of(&before, id),
            change: Change::Removed,
            fields,
        });
    }
    for c in &d.changed {
        entries.push(EntryChange {
            id: c.id.clone(),
            name: name_of(&after, &c.id),
            change: Change::Changed,
            fields: c
                .fields
                .iter()
                .map(|f| FieldChange {
                    field: f.field.clone(),
                    material: f.material,
                    old: f.old.clone(),
                    new: f.new.clone(),
                })
                .collect(),
        });
    }
    // A status that changed because a date passed, with no field changed.
    for s in new {
        let id = s.entry.id.as_str();
        let now = s.why.status.status.to_string();
        let Some((_, then)) = statuses.iter().find(|(i, _)| i == id) else {
            continue;
        };
        if *then == now {
            continue;
        }
        let change = FieldChange {
            field: STATUS_AS_OF.to_owned(),
            material: true,
            old: Value::String(then.clone()),
            new: Value::String(now),
        };
        match entries.iter_mut().find(|e| e.id == id) {
            Some(e) => e.fields.push(change),
            None => entries.push(EntryChange {
                id: id.to_owned(),
                name: s.entry.name.clone(),
                change: Change::Changed,
                fields: vec![change],
            }),
        }
    }
    entries.sort_by(|a, b| a.id.cmp(&b.id));
    (!entries.is_empty()).then_some(Record { date, entries })
}

impl History {
    /// The history with `record` added as the newest.
    pub fn with(mut self, record: Option<Record>) -> History {
        if let Some(r) = record {
            self.records.insert(0, r);
        }
        self
    }

    /// The records of the last `keep` before `as_of`: what the page and the feed show.
    /// `changes.json` keeps them all.
    pub fn kept(&self, keep: Span, as_of: NaiveDate) -> &[Record] {
        let since = keep.before(as_of);
        let n = self.records.iter().take_while(|r| r.date >= since).count();
        &self.records[..n]
    }

    /// The records an entry appears in, newest first, with each record's index.
    pub fn of<'h>(&'h self, id: &'h str) -> impl Iterator<Item = (usize, &'h Record)> + 'h {
        self.records
            .iter()
            .enumerate()
            .filter(move |(_, r)| r.entries.iter().any(|e| e.id == id))
    }

    /// A record's anchor in `changes.html` and its part of the feed's entry id:
    /// its date, and a number when several builds of one day changed something.
    pub fn anchor(&self, index: usize) -> String {
        let r = &self.records[index];
        let same_day_before = self.records[index + 1..]
            .iter()
            .filter(|o| o.date == r.date)
            .count();
        if same_day_before == 0 {
            format!("c{}", r.date)
        } else {
            format!("c{}-{}", r.date, same_day_before + 1)
        }
    }
}

/// A day as `YYYY-MM-DD` in JSON.
mod day {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(d)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(d)?;
        NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map_err(|_| serde::de::Error::custom(format!("`{text}` is not a day (YYYY-MM-DD)")))
    }
}
