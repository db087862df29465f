//! Derived rows: what each listing command shows, built from the entries a
//! [`Selection`] picked. Each row type owns its columns ([`Row`]); the words in cells
//! come from [`crate::render::words`].

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::model::{Entry, Evidence, FIELDS, Industry, LIST_SEPARATOR, PartialDate};
use crate::query::{Selected, Selection, Span, StatusAsOf, Strength};
use crate::region::{Country, RegionQuery};
use crate::render::words;
use crate::render::{Column, Row};

/// The reasons an entry is in an answer, as the short strings `--explain` prints.
pub fn why(s: &Selected<'_>) -> Vec<String> {
    s.why.reasons.iter().map(words::reason).collect()
}

/// An entry in a listing, with why it is there. JSON and YAML write the entry itself;
/// with `--explain`, its status and reasons beside it.
pub struct EntryRow<'e> {
    pub selected: Selected<'e>,
    pub explain: bool,
}

impl Serialize for EntryRow<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Explained<'a> {
            #[serde(flatten)]
            entry: &'a Entry,
            status_as_of: StatusAsOf,
            why: Vec<String>,
        }
        if self.explain {
            Explained {
                entry: self.selected.entry,
                status_as_of: self.selected.why.status,
                why: why(&self.selected),
            }
            .serialize(s)
        } else {
            self.selected.entry.serialize(s)
        }
    }
}

fn where_(e: &Entry) -> String {
    let mut codes: Vec<String> = e.jurisdictions.iter().map(|j| j.to_string()).collect();
    for r in &e.scope.regions {
        let c = r.country.to_string();
        if !codes.contains(&c) {
            codes.push(c);
        }
    }
    codes.join(" ")
}

fn industries(e: &Entry) -> String {
    if e.industries.is_empty() {
        words::ANY_INDUSTRY_CELL.to_owned()
    } else {
        e.industries
            .iter()
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(" ")
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
            Column::token("WHERE", |r: &Self| where_(r.selected.entry)).droppable(2),
            Column::token("INDUSTRIES", |r: &Self| industries(r.selected.entry)).droppable(4),
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
            cols.push(Column::text("WHY", |r: &Self| why(&r.selected).join("; ")));
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
                why(&r.selected).join(LIST_SEPARATOR)
            }));
        }
        cols
    }
}

/// One evidence item of a selected entry; an entry that names none gets one row
/// with no item, so a gap is shown, not hidden.
#[derive(Serialize)]
pub struct EvidenceRow<'e> {
    pub entry: &'e str,
    pub name: &'e str,
    #[serde(flatten)]
    pub item: Option<&'e Evidence>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<Vec<String>>,
}

pub fn evidence<'e>(selected: &[Selected<'e>], explain: bool) -> Vec<EvidenceRow<'e>> {
    let mut rows = Vec::new();
    for s in selected {
        let e = s.entry;
        let why = explain.then(|| why(s));
        if e.evidence.is_empty() {
            rows.push(EvidenceRow {
                entry: e.id.as_str(),
                name: &e.name,
                item: None,
                why,
            });
            continue;
        }
        for item in &e.evidence {
            rows.push(EvidenceRow {
                entry: e.id.as_str(),
                name: &e.name,
                item: Some(item),
                why: why.clone(),
            });
        }
    }
    rows
}

impl Row for EvidenceRow<'_> {
    fn table(explain: bool) -> Vec<Column<Self>> {
        let mut cols = vec![
            Column::token("ENTRY", |r: &Self| r.entry.to_owned()),
            Column::token("TYPE", |r: &Self| match r.item {
                Some(i) => i.kind.to_string(),
                None => words::NONE_STATED.to_owned(),
            }),
            Column::text("TITLE", |r: &Self| {
                r.item.and_then(|i| i.title.clone()).unwrap_or_default()
            }),
            Column::token("REFERENCE", |r: &Self| {
                r.item.and_then(|i| i.reference.clone()).unwrap_or_default()
            })
            .droppable(2),
            Column::text("ACCESS", |r: &Self| words::access(r.item)),
            Column::text("CONTACT", |r: &Self| words::contact(r.item)).droppable(1),
        ];
        if explain {
            cols.push(Column::text("WHY", |r: &Self| {
                r.why.as_deref().unwrap_or_default().join("; ")
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
                r.why.as_deref().unwrap_or_default().join(LIST_SEPARATOR)
            }));
        }
        cols
    }
}

/// A region value with how many entries `list --region VALUE` returns for it.
#[derive(Debug, Serialize)]
pub struct RegionFacet {
    /// `sg`, `eu`, `global`.
    pub region: String,
    pub name: String,
    /// `country`, `group` or `global`.
    pub kind: &'static str,
    /// For groups: member country codes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    /// What `certs list --region VALUE` returns with the same flags.
    pub entries: usize,
    /// What `certs list --region VALUE --exact` returns.
    pub exact: usize,
}

/// Counts for each region value: every country the entries name (or every country
/// with `all`), the groups, and `global`. Each count is the length of the list the
/// same selection gives for that value, so the two can never disagree.
pub fn regions(entries: &[Entry], selection: &Selection, all: bool) -> Vec<RegionFacet> {
    let mut countries: BTreeSet<Country> = BTreeSet::new();
    if all {
        countries.extend(Country::all());
    } else {
        for s in selection.apply(entries) {
            countries.extend(s.entry.countries());
        }
    }
    let values = countries
        .into_iter()
        .map(RegionQuery::Country)
        .chain(crate::region::GROUPS.iter().map(RegionQuery::Group))
        .chain(std::iter::once(RegionQuery::Global));
    values
        .map(|q| {
            let broad = selection.for_region(q);
            let exact = Selection {
                exact: true,
                ..broad.clone()
            };
            let (kind, name, members) = match q {
                RegionQuery::Country(c) => ("country", c.name().to_owned(), Vec::new()),
                RegionQuery::Group(g) => (
                    "group",
                    g.description.to_owned(),
                    g.members.iter().map(|c| c.to_string()).collect(),
                ),
                RegionQuery::Global => ("global", words::GLOBAL_NAME.to_owned(), Vec::new()),
            };
            RegionFacet {
                region: q.label().to_owned(),
                name,
                kind,
                members,
                entries: count(entries, &broad),
                exact: count(entries, &exact),
            }
        })
        .collect()
}

fn count(entries: &[Entry], s: &Selection) -> usize {
    entries.iter().filter(|e| s.verdict(e).is_some()).count()
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

/// An industry with how many entries `list --industry VALUE` returns for it.
#[derive(Debug, Serialize)]
pub struct IndustryFacet {
    pub industry: Industry,
    pub entries: usize,
    pub exact: usize,
}

pub fn industries_facets(entries: &[Entry], selection: &Selection) -> Vec<IndustryFacet> {
    Industry::ALL
        .iter()
        .map(|&industry| {
            let broad = selection.for_industry(industry);
            let exact = Selection {
                exact: true,
                ..broad.clone()
            };
            IndustryFacet {
                industry,
                entries: count(entries, &broad),
                exact: count(entries, &exact),
            }
        })
        .collect()
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

crate::vocab::vocabulary! {
    /// What the coverage matrix's columns are.
    MatrixBy ("matrix axis") {
        /// Region values.
        Region = "region",
        /// Industries.
        Industry = "industry",
    }
}

/// A matrix column: a region or an industry value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatrixColumn {
    Region(RegionQuery),
    Industry(Industry),
}

impl MatrixColumn {
    pub fn label(&self) -> String {
        match self {
            MatrixColumn::Region(q) => q.label().to_owned(),
            MatrixColumn::Industry(i) => i.to_string(),
        }
    }
}

/// Entries as rows, values as columns; a cell is marked exactly when `certs list`
/// with that column's value returns the entry, and says how it matched.
#[derive(Debug, Serialize)]
pub struct Matrix {
    pub columns: Vec<String>,
    pub rows: Vec<MatrixRow>,
}

#[derive(Debug, Serialize)]
pub struct MatrixRow {
    pub id: String,
    /// One per column: `named`, `global` or `any`; `null` where the entry does not apply.
    pub marks: Vec<Option<&'static str>>,
}

/// The default columns: the countries the selected entries name (and `global` when
/// one is global), or the industries they name (and none else).
pub fn matrix_columns(selected: &[Selected<'_>], by: MatrixBy) -> Vec<MatrixColumn> {
    match by {
        MatrixBy::Region => {
            let codes: BTreeSet<Country> =
                selected.iter().flat_map(|s| s.entry.countries()).collect();
            let mut cols: Vec<MatrixColumn> = codes
                .into_iter()
                .map(|c| MatrixColumn::Region(RegionQuery::Country(c)))
                .collect();
            if selected.iter().any(|s| s.entry.is_global()) {
                cols.push(MatrixColumn::Region(RegionQuery::Global));
            }
            cols
        }
        MatrixBy::Industry => Industry::ALL
            .iter()
            .filter(|i| selected.iter().any(|s| s.entry.industries.contains(i)))
            .map(|&i| MatrixColumn::Industry(i))
            .collect(),
    }
}

pub fn matrix(
    selected: &[Selected<'_>],
    selection: &Selection,
    columns: &[MatrixColumn],
) -> Matrix {
    let per_column: Vec<Selection> = columns
        .iter()
        .map(|c| match c {
            MatrixColumn::Region(q) => selection.for_region(*q),
            MatrixColumn::Industry(i) => selection.for_industry(*i),
        })
        .collect();
    let rows = selected
        .iter()
        .map(|s| MatrixRow {
            id: s.entry.id.to_string(),
            marks: columns
                .iter()
                .zip(&per_column)
                .map(|(c, sel)| {
                    sel.verdict(s.entry).map(|v| match (v.strength(), c) {
                        (Strength::Named, _) => "named",
                        (Strength::Broad, MatrixColumn::Region(_)) => "global",
                        (Strength::Broad, MatrixColumn::Industry(_)) => "any",
                    })
                })
                .collect(),
        })
        .collect();
    Matrix {
        columns: columns.iter().map(MatrixColumn::label).collect(),
        rows,
    }
}

/// An entry with a date and how far that date is from the reference day.
pub struct Dated<'e> {
    pub id: &'e str,
    pub name: &'e str,
    /// The data field the date comes from: `source_updated` or `valid_until`.
    pub field: &'static str,
    pub date: String,
    /// Whole days from the date to the reference day (negative: the date is ahead).
    pub days: i64,
    pub status: StatusAsOf,
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

/// Entries whose source page was last updated before `as_of - older_than`, oldest
/// first. Entries without `source_updated` cannot be judged and are left out.
pub fn stale<'e>(selected: &[Selected<'e>], older_than: Span, as_of: NaiveDate) -> Vec<Dated<'e>> {
    let cutoff = older_than.before(as_of);
    let mut out: Vec<(NaiveDate, Dated<'e>)> = selected
        .iter()
        .filter_map(|s| {
            let ts = s.entry.source_updated?;
            let day = ts.date();
            (day < cutoff).then(|| (day, dated(s, "source_updated", ts.to_string(), day, as_of)))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(b.1.id)));
    out.into_iter().map(|(_, d)| d).collect()
}

/// Entries whose `valid_until` falls between `as_of` and `as_of + within`, soonest
/// first. A `valid_until` of `2027-03` counts as its last day, 2027-03-31.
pub fn expiring<'e>(selected: &[Selected<'e>], within: Span, as_of: NaiveDate) -> Vec<Dated<'e>> {
    let end = within.after(as_of);
    let mut out: Vec<(NaiveDate, Dated<'e>)> = selected
        .iter()
        .filter_map(|s| {
            let until: PartialDate = s.entry.valid_until?;
            let day = until.last_day();
            (as_of <= day && day <= end)
                .then(|| (day, dated(s, "valid_until", until.to_string(), day, as_of)))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(b.1.id)));
    out.into_iter().map(|(_, d)| d).collect()
}

fn dated<'e>(
    s: &Selected<'e>,
    field: &'static str,
    date: String,
    day: NaiveDate,
    as_of: NaiveDate,
) -> Dated<'e> {
    Dated {
        id: s.entry.id.as_str(),
        name: &s.entry.name,
        field,
        date,
        days: (as_of - day).num_days(),
        status: s.why.status,
    }
}

/// The outcome of `certs require` for one requested entry.
#[derive(Debug, Serialize)]
pub struct Requirement {
    pub key: String,
    /// The id it resolved to, when it exists.
    pub id: Option<String>,
    pub ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_as_of: Option<StatusAsOf>,
    /// Why it falls short; empty when it passes.
    pub unmet: Vec<String>,
    /// With `--explain`: why it passes, for each asked value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<Vec<String>>,
}

/// Checks one entry against a requirement: it must be current on the selection's
/// day, and apply in **every** asked region and to **every** asked industry (by the
/// same rules as `list`).
pub fn require(
    key: &str,
    found: Result<&Entry, String>,
    selection: &Selection,
    explain: bool,
) -> Requirement {
    let e = match found {
        Ok(e) => e,
        Err(why_not) => {
            return Requirement {
                key: key.to_owned(),
                id: None,
                ok: false,
                status_as_of: None,
                unmet: vec![why_not],
                why: None,
            };
        }
    };
    let status = crate::query::status_as_of(e, selection.as_of);
    let mut unmet = Vec::new();
    let mut reasons = Vec::new();
    if !status.status.is_current() {
        unmet.push(words::not_current(e, status));
    }
    for q in &selection.regions {
        match crate::query::region_match(e, q, selection.exact) {
            Some(m) => reasons.push(words::reason(&crate::query::Reason::Region(*q, m))),
            None => unmet.push(words::not_in_region(e, q, selection.exact)),
        }
    }
    for &i in &selection.industries {
        match crate::query::industry_match(e, i, selection.exact) {
            Some(m) => reasons.push(words::reason(&crate::query::Reason::Industry(i, m))),
            None => unmet.push(words::not_for_industry(e, i, selection.exact)),
        }
    }
    reasons.push(words::reason(&crate::query::Reason::Status(status)));
    Requirement {
        key: key.to_owned(),
        id: Some(e.id.to_string()),
        ok: unmet.is_empty(),
        status_as_of: Some(status),
        unmet,
        why: explain.then_some(reasons),
    }
}
