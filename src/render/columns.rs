//! The columns of each report row, and the JSON of the rows whose records carry
//! words (reasons, ages, verdicts). Cells and records say things the same way
//! because both take their words from [`super::words`].

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::words;
use super::{Column, Row};
use crate::answer::query::{Reason, StatusAsOf};
use crate::answer::report::{
    Dated, EntryRow, EvidenceRow, IndustryFacet, RegionFacet, Requirement, Shortfall,
};
use crate::catalog::entry::{Entry, Evidence, FIELDS, LIST_SEPARATOR};

/// The reasons an entry is in an answer, as the short strings `--explain` prints.
pub fn why(reasons: &[Reason<'_>], e: &Entry) -> Vec<String> {
    reasons.iter().map(|r| words::reason(r, e)).collect()
}

/// An entry as the data format writes it, then its status as of the day (always:
/// JSON and YAML are what scripts branch on), then why it is in the answer (with
/// `--explain`). `list` and `show` write entries this way.
#[derive(Serialize)]
pub struct Judged<'a> {
    #[serde(flatten)]
    pub entry: &'a Entry,
    pub status_as_of: StatusAsOf,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<Vec<String>>,
}

impl Serialize for EntryRow<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Judged {
            entry: self.selected.entry,
            status_as_of: self.selected.why.status,
            why: self
                .explain
                .then(|| why(&self.selected.why.reasons, self.selected.entry)),
        }
        .serialize(s)
    }
}

impl Row for EntryRow<'_> {
    fn table(explain: bool) -> Vec<Column<Self>> {
        let mut cols = vec![
            Column::token("ID", |r: &Self| r.selected.entry.id.to_string()),
            Column::text("NAME", |r: &Self| r.selected.entry.name.clone()),
            Column::token("KIND", |r: &Self| r.selected.entry.kind.to_string()).droppable(3),
            Column::token("STATUS", |r: &Self| {
                r.selected.why.status.status.to_string()
            }),
            Column::token("WHERE", |r: &Self| {
                words::place_codes(r.selected.entry).join(" ")
            })
            .droppable(2),
            Column::token("INDUSTRIES", |r: &Self| {
                words::industries(r.selected.entry, " ")
            })
            .droppable(4),
            Column::token("UPDATED", |r: &Self| {
                r.selected
                    .entry
                    .source_updated
                    .map(|t| t.date().to_string())
                    .unwrap_or_default()
            })
            .droppable(5),
        ];
        if explain {
            cols.push(Column::text("WHY", |r: &Self| {
                why(&r.selected.why.reasons, r.selected.entry).join("; ")
            }));
        }
        cols
    }

    /// Every field of the entry format, headed by its name, then the status as of
    /// the selection's day.
    fn data(explain: bool) -> Vec<Column<Self>> {
        let mut cols: Vec<Column<Self>> = FIELDS
            .iter()
            .map(|f| {
                let text = f.text;
                Column::token(f.name, move |r: &Self| {
                    text(r.selected.entry).unwrap_or_default()
                })
            })
            .collect();
        cols.push(Column::token("status_as_of", |r: &Self| {
            r.selected.why.status.status.to_string()
        }));
        if explain {
            cols.push(Column::token("why", |r: &Self| {
                why(&r.selected.why.reasons, r.selected.entry).join(LIST_SEPARATOR)
            }));
        }
        cols
    }
}

impl Row for EvidenceRow<'_> {
    fn table(explain: bool) -> Vec<Column<Self>> {
        let mut cols = vec![
            Column::token("ENTRY", |r: &Self| r.entry.to_owned()).once_per_entry(),
            Column::token("TYPE", |r: &Self| match r.item {
                Some(i) => i.kind.to_string(),
                None => words::NONE_STATED.to_owned(),
            }),
            Column::text("TITLE", |r: &Self| {
                r.item.and_then(|i| i.title.clone()).unwrap_or_default()
            })
            .droppable(2),
            // A certificate number is what an auditor asks for: it outlasts the
            // title, and the contact, which says the same for every item of an entry.
            Column::token("REFERENCE", |r: &Self| {
                r.item.and_then(|i| i.reference.clone()).unwrap_or_default()
            })
            .droppable(1),
            Column::text("ACCESS", |r: &Self| words::access(r.item)),
            Column::text("CONTACT", |r: &Self| words::contact(r.item))
                .droppable(3)
                .once_per_entry(),
        ];
        if explain {
            cols.push(Column::text("WHY", |r: &Self| {
                why(r.why.as_deref().unwrap_or_default(), r.of).join("; ")
            }));
        }
        cols
    }

    fn data(explain: bool) -> Vec<Column<Self>> {
        let field = |f: fn(&Evidence) -> Option<String>| {
            move |r: &Self| r.item.and_then(f).unwrap_or_default()
        };
        let mut cols = vec![
            Column::token("entry", |r: &Self| r.entry.to_owned()),
            Column::token("name", |r: &Self| r.name.to_owned()),
            Column::token("type", field(|i| Some(i.kind.to_string()))),
            Column::token("title", field(|i| i.title.clone())),
            Column::token("reference", field(|i| i.reference.clone())),
            Column::token(
                "access",
                field(|i| {
                    Some(
                        i.access
                            .iter()
                            .map(|a| a.as_str())
                            .collect::<Vec<_>>()
                            .join(LIST_SEPARATOR),
                    )
                }),
            ),
            Column::token("contact", field(|i| i.contact.clone())),
            Column::token("url", field(|i| i.url.as_ref().map(|u| u.to_string()))),
        ];
        if explain {
            cols.push(Column::token("why", |r: &Self| {
                why(r.why.as_deref().unwrap_or_default(), r.of).join(LIST_SEPARATOR)
            }));
        }
        cols
    }
}

impl Row for RegionFacet {
    fn table(_: bool) -> Vec<Column<Self>> {
        vec![
            Column::token("REGION", |r: &Self| r.region.clone()),
            Column::text("NAME", |r: &Self| r.name.clone()),
            Column::token("ENTRIES", |r: &Self| r.entries.to_string()),
            Column::token("EXACT", |r: &Self| r.exact.to_string()),
            Column::token("MEMBERS", |r: &Self| r.members.join(" ")).droppable(1),
        ]
    }

    fn data(_: bool) -> Vec<Column<Self>> {
        vec![
            Column::token("region", |r: &Self| r.region.clone()),
            Column::token("name", |r: &Self| r.name.clone()),
            Column::token("kind", |r: &Self| r.kind.to_owned()),
            Column::token("entries", |r: &Self| r.entries.to_string()),
            Column::token("exact", |r: &Self| r.exact.to_string()),
            Column::token("members", |r: &Self| r.members.join(LIST_SEPARATOR)),
        ]
    }
}

impl Row for IndustryFacet {
    fn table(_: bool) -> Vec<Column<Self>> {
        vec![
            Column::token("INDUSTRY", |r: &Self| r.industry.to_string()),
            Column::token("ENTRIES", |r: &Self| r.entries.to_string()),
            Column::token("EXACT", |r: &Self| r.exact.to_string()),
        ]
    }

    fn data(_: bool) -> Vec<Column<Self>> {
        vec![
            Column::token("industry", |r: &Self| r.industry.to_string()),
            Column::token("entries", |r: &Self| r.entries.to_string()),
            Column::token("exact", |r: &Self| r.exact.to_string()),
        ]
    }
}

/// Written with the data's own field name for the date (`source_updated: …`).
impl Serialize for Dated<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(6))?;
        m.serialize_entry("id", self.id)?;
        m.serialize_entry("name", self.name)?;
        m.serialize_entry(self.field, &self.date)?;
        m.serialize_entry("days", &self.days)?;
        m.serialize_entry("age", &words::age(self.days))?;
        m.serialize_entry("status_as_of", &self.status)?;
        m.end()
    }
}

impl Row for Dated<'_> {
    fn table(_: bool) -> Vec<Column<Self>> {
        vec![
            Column::token("ID", |d: &Self| d.id.to_owned()),
            Column::text("NAME", |d: &Self| d.name.to_owned()),
            Column::token("DATE", |d: &Self| d.date.clone()),
            Column::token("AGE", |d: &Self| words::age(d.days)),
            Column::token("STATUS", |d: &Self| d.status.status.to_string()).droppable(1),
        ]
    }

    fn data(_: bool) -> Vec<Column<Self>> {
        vec![
            Column::token("id", |d: &Self| d.id.to_owned()),
            Column::token("name", |d: &Self| d.name.to_owned()),
            Column::token("field", |d: &Self| d.field.to_owned()),
            Column::token("date", |d: &Self| d.date.clone()),
            Column::token("days", |d: &Self| d.days.to_string()),
            Column::token("age", |d: &Self| words::age(d.days)),
            Column::token("status_as_of", |d: &Self| d.status.status.to_string()),
        ]
    }
}

/// Evidence rows: the item's own fields beside its entry; `why` with `--explain`.
impl Serialize for EvidenceRow<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("entry", self.entry)?;
        m.serialize_entry("name", self.name)?;
        m.serialize_entry("status_as_of", &self.status)?;
        match self.item {
            Some(i) => {
                m.serialize_entry("type", &i.kind)?;
                m.serialize_entry("title", &i.title)?;
                m.serialize_entry("reference", &i.reference)?;
                m.serialize_entry("access", &i.access)?;
                m.serialize_entry("contact", &i.contact)?;
                m.serialize_entry("url", &i.url)?;
            }
            None => m.serialize_entry("type", &Option::<()>::None)?,
        }
        if let Some(reasons) = &self.why {
            m.serialize_entry("why", &why(reasons, self.of))?;
        }
        m.end()
    }
}

/// A requirement's verdict: `ok`, what it resolved to, and why not (or why, with
/// `--explain`).
impl Serialize for Requirement<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("key", &self.key)?;
        m.serialize_entry("id", self.entry.id.as_str())?;
        m.serialize_entry("ok", &self.ok())?;
        m.serialize_entry("status_as_of", &self.status)?;
        let unmet: Vec<String> = self.unmet.iter().map(shortfall).collect();
        m.serialize_entry("unmet", &unmet)?;
        if let Some(reasons) = &self.why {
            m.serialize_entry("why", &why(reasons, self.entry))?;
        }
        m.end()
    }
}

/// One shortfall, as `require` prints it after `not met:`.
pub fn shortfall(s: &Shortfall<'_>) -> String {
    match s {
        Shortfall::NotCurrent(e, status) => words::not_current(e, *status),
        Shortfall::NotStatedActive(e, status) => words::not_stated_active(e, *status),
        Shortfall::Expires(e, until, needed) => words::expires(e, *until, *needed),
        Shortfall::Region(e, q, exact, missing) => words::not_in_region(e, q, *exact, missing),
        Shortfall::Industry(e, i, exact) => words::not_for_industry(e, *i, *exact),
    }
}
