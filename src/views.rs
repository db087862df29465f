//! Derived views over selected entries: evidence rows, facet counts, the coverage
//! matrix, freshness and expiry lists, and requirement checks. Each is a pure function
//! from entries to plain rows that `render` can write in any format.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{Months, NaiveDate};
use serde::Serialize;

use crate::model::{Access, Entry, EvidenceType, Industry, Jurisdiction, Status};
use crate::region::{Country, GROUPS, RegionQuery};

/// One evidence item with the entry it belongs to.
#[derive(Debug, Serialize)]
pub struct EvidenceRow<'a> {
    pub entry: &'a str,
    pub name: &'a str,
    #[serde(rename = "type")]
    pub kind: EvidenceType,
    pub title: Option<&'a str>,
    pub reference: Option<&'a str>,
    pub access: &'a [Access],
    pub contact: Option<&'a str>,
    pub url: Option<&'a str>,
}

pub fn evidence<'a>(entries: &[&'a Entry]) -> Vec<EvidenceRow<'a>> {
    entries
        .iter()
        .flat_map(|e| {
            e.evidence.iter().map(move |ev| EvidenceRow {
                entry: e.id.as_str(),
                name: &e.name,
                kind: ev.kind,
                title: ev.title.as_deref(),
                reference: ev.reference.as_deref(),
                access: &ev.access,
                contact: ev.contact.as_deref(),
                url: ev.url.as_ref().map(|u| u.as_str()),
            })
        })
        .collect()
}

/// A region value with how many of the entries apply there.
#[derive(Debug, Serialize)]
pub struct RegionFacet {
    /// `sg`, `eu`, `global`.
    pub code: String,
    pub name: String,
    /// `country`, `group` or `global`.
    pub kind: &'static str,
    /// For groups: member country codes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    /// Entries that name this region (jurisdiction or covered region), global ones excluded.
    pub entries: usize,
}

/// The regions `--region` accepts, with entry counts: every country the entries
/// touch (or every country with `all`), the groups, and `global`.
pub fn regions(entries: &[&Entry], all: bool) -> Vec<RegionFacet> {
    let mut per_country: BTreeMap<Country, usize> = BTreeMap::new();
    if all {
        per_country.extend(Country::all().map(|c| (c, 0)));
    }
    for e in entries {
        let mut mine: Vec<Country> = e.countries().collect();
        mine.sort_unstable();
        mine.dedup();
        for c in mine {
            *per_country.entry(c).or_default() += 1;
        }
    }
    let mut out: Vec<RegionFacet> = per_country
        .into_iter()
        .map(|(c, n)| RegionFacet {
            code: c.to_string(),
            name: c.name().to_owned(),
            kind: "country",
            members: Vec::new(),
            entries: n,
        })
        .collect();
    for g in GROUPS {
        let q = RegionQuery::Countries {
            label: g.name.to_owned(),
            members: g.members.to_vec(),
        };
        out.push(RegionFacet {
            code: g.name.to_owned(),
            name: g.description.to_owned(),
            kind: "group",
            members: g.members.iter().map(|c| c.to_string()).collect(),
            entries: entries
                .iter()
                .filter(|e| !e.is_global() && q.matches(e))
                .count(),
        });
    }
    out.push(RegionFacet {
        code: "global".to_owned(),
        name: "Applies everywhere".to_owned(),
        kind: "global",
        members: Vec::new(),
        entries: entries.iter().filter(|e| e.is_global()).count(),
    });
    out
}

/// An industry with how many entries are aimed at it.
#[derive(Debug, Serialize)]
pub struct IndustryFacet {
    pub industry: Industry,
    pub entries: usize,
}

pub fn industries(entries: &[&Entry]) -> Vec<IndustryFacet> {
    Industry::ALL
        .iter()
        .map(|&industry| IndustryFacet {
            industry,
            entries: entries
                .iter()
                .filter(|e| e.industries.contains(&industry))
                .count(),
        })
        .collect()
}

/// What the coverage matrix's columns are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum MatrixBy {
    #[default]
    Region,
    Industry,
}

/// Entries as rows, regions or industries as columns.
#[derive(Debug, Serialize)]
pub struct Matrix {
    pub columns: Vec<String>,
    pub rows: Vec<MatrixRow>,
}

#[derive(Debug, Serialize)]
pub struct MatrixRow {
    pub id: String,
    /// One flag per column: does the entry apply there?
    pub marks: Vec<bool>,
}

/// A matrix column, parsed once from what the user typed.
enum MatrixColumn {
    Global,
    Region(RegionQuery),
    Industry(Industry),
}

impl MatrixColumn {
    fn parse(by: MatrixBy, text: &str) -> Option<Self> {
        match by {
            MatrixBy::Region => match text.parse().ok()? {
                RegionQuery::Global => Some(MatrixColumn::Global),
                q => Some(MatrixColumn::Region(q)),
            },
            MatrixBy::Industry => text.parse().ok().map(MatrixColumn::Industry),
        }
    }

    /// A global entry is marked under `global` only: marking every column would
    /// hide what is specific to each region.
    fn applies(&self, e: &Entry) -> bool {
        match self {
            MatrixColumn::Global => e.is_global(),
            MatrixColumn::Region(q) => !e.is_global() && q.matches(e),
            MatrixColumn::Industry(i) => e.industries.contains(i),
        }
    }
}

/// Builds the matrix. Region columns are the countries the entries name (plus
/// `global` when an entry is global) unless `pick` chooses them; industry columns
/// are the industries the entries name. A picked column that is not a region (or
/// industry) value is returned as the error.
pub fn matrix(entries: &[&Entry], by: MatrixBy, pick: &[String]) -> Result<Matrix, String> {
    let labels: Vec<String> = if !pick.is_empty() {
        pick.to_vec()
    } else {
        match by {
            MatrixBy::Region => {
                let mut codes: Vec<String> = entries
                    .iter()
                    .flat_map(|e| e.countries())
                    .map(|c| c.to_string())
                    .collect();
                codes.sort();
                codes.dedup();
                if entries.iter().any(|e| e.is_global()) {
                    codes.push("global".to_owned());
                }
                codes
            }
            MatrixBy::Industry => Industry::ALL
                .iter()
                .filter(|i| entries.iter().any(|e| e.industries.contains(i)))
                .map(|i| i.to_string())
                .collect(),
        }
    };
    let columns = labels
        .iter()
        .map(|l| MatrixColumn::parse(by, l).ok_or_else(|| l.clone()))
        .collect::<Result<Vec<_>, String>>()?;
    let rows = entries
        .iter()
        .map(|e| MatrixRow {
            id: e.id.to_string(),
            marks: columns.iter().map(|c| c.applies(e)).collect(),
        })
        .collect();
    Ok(Matrix {
        columns: labels,
        rows,
    })
}

/// A length of time as people write it: `90d`, `6w`, `18m`, `2y`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Days(u32),
    Months(u32),
}

impl Span {
    /// The day this span before `day`.
    pub fn before(self, day: NaiveDate) -> NaiveDate {
        match self {
            Span::Days(n) => day - chrono::Days::new(n.into()),
            Span::Months(n) => day
                .checked_sub_months(Months::new(n))
                .unwrap_or(NaiveDate::MIN),
        }
    }

    /// The day this span after `day`.
    pub fn after(self, day: NaiveDate) -> NaiveDate {
        match self {
            Span::Days(n) => day + chrono::Days::new(n.into()),
            Span::Months(n) => day
                .checked_add_months(Months::new(n))
                .unwrap_or(NaiveDate::MAX),
        }
    }
}

impl FromStr for Span {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || {
            format!("invalid span `{s}`, expected a number and a unit: `90d`, `6w`, `18m` or `2y`")
        };
        let s = s.trim();
        let unit = s.chars().last().ok_or_else(bad)?;
        let n: u32 = s[..s.len() - unit.len_utf8()].parse().map_err(|_| bad())?;
        let span = match unit.to_ascii_lowercase() {
            'd' => Span::Days(n),
            'w' => Span::Days(n.checked_mul(7).ok_or_else(bad)?),
            'm' => Span::Months(n),
            'y' => Span::Months(n.checked_mul(12).ok_or_else(bad)?),
            _ => return Err(bad()),
        };
        // Beyond a few centuries a date computation overflows and means nothing.
        match span {
            Span::Days(d) if d <= 365_000 => Ok(span),
            Span::Months(m) if m <= 12_000 => Ok(span),
            _ => Err(bad()),
        }
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Span::Days(d) => write!(f, "{d}d"),
            Span::Months(m) if m % 12 == 0 => write!(f, "{}y", m / 12),
            Span::Months(m) => write!(f, "{m}m"),
        }
    }
}

/// An entry with a date and how far that date is from the reference day.
#[derive(Debug, Serialize)]
pub struct Dated<'a> {
    pub id: &'a str,
    pub name: &'a str,
    /// `source_updated` for `stale`, `valid_until` for `expiring`.
    pub date: String,
    /// Whole days from the date to the reference day (negative: the date is ahead).
    pub days: i64,
    /// The same, for people: `4y 2m`, `in 45d`.
    pub age: String,
    pub status: Status,
}

/// Entries whose source page was last updated before `as_of - older_than`, oldest
/// first. Entries without `source_updated` cannot be judged and are left out.
pub fn stale<'a>(entries: &[&'a Entry], older_than: Span, as_of: NaiveDate) -> Vec<Dated<'a>> {
    let cutoff = older_than.before(as_of);
    let mut out: Vec<(NaiveDate, Dated<'a>)> = entries
        .iter()
        .filter_map(|e| {
            let ts = e.source_updated?;
            let day = ts.date();
            (day < cutoff).then(|| (day, dated(e, ts.to_string(), day, as_of)))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(b.1.id)));
    out.into_iter().map(|(_, d)| d).collect()
}

/// Entries whose `valid_until` falls between `as_of` and `as_of + within`, soonest
/// first. A `valid_until` of `2027-03` counts as its last day, 2027-03-31.
pub fn expiring<'a>(entries: &[&'a Entry], within: Span, as_of: NaiveDate) -> Vec<Dated<'a>> {
    let end = within.after(as_of);
    let mut out: Vec<(NaiveDate, Dated<'a>)> = entries
        .iter()
        .filter_map(|e| {
            let until = e.valid_until?;
            let day = until.last_day();
            (as_of <= day && day <= end).then(|| (day, dated(e, until.to_string(), day, as_of)))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.id.cmp(b.1.id)));
    out.into_iter().map(|(_, d)| d).collect()
}

fn dated<'a>(e: &'a Entry, date: String, day: NaiveDate, as_of: NaiveDate) -> Dated<'a> {
    let days = (as_of - day).num_days();
    Dated {
        id: e.id.as_str(),
        name: &e.name,
        date,
        days,
        age: human_age(days),
        status: e.status,
    }
}

/// `4y 2m`, `3m`, `12d`; `in 45d` for dates ahead.
fn human_age(days: i64) -> String {
    let (ahead, d) = (days < 0, days.unsigned_abs());
    let text = if d < 60 {
        format!("{d}d")
    } else {
        // Average month length; precise enough for reading an age.
        let months = (d as f64 / 30.44).round() as u64;
        match (months / 12, months % 12) {
            (0, m) => format!("{m}m"),
            (y, 0) => format!("{y}y"),
            (y, m) => format!("{y}y {m}m"),
        }
    };
    if ahead { format!("in {text}") } else { text }
}

/// The outcome of `certs require` for one requested entry.
#[derive(Debug, Serialize)]
pub struct Requirement {
    pub key: String,
    /// The id it resolved to, when it exists.
    pub id: Option<String>,
    pub ok: bool,
    /// Why it falls short; empty when it passes.
    pub reasons: Vec<String>,
}

/// Checks that `entry` (if found) is active and applies to each region and industry.
pub fn require(
    key: &str,
    entry: Option<&Entry>,
    regions: &[RegionQuery],
    industries: &[Industry],
) -> Requirement {
    let Some(e) = entry else {
        return Requirement {
            key: key.to_owned(),
            id: None,
            ok: false,
            reasons: vec![format!("no entry `{key}` in the catalog")],
        };
    };
    let id = e.id.as_str();
    let mut reasons = Vec::new();
    if e.status != Status::Active {
        reasons.push(format!("{id} is {}, not active", e.status));
    }
    for r in regions {
        if !r.matches(e) {
            let where_ = e
                .jurisdictions
                .iter()
                .map(Jurisdiction::to_string)
                .chain(e.scope.regions.iter().map(|r| r.country.to_string()))
                .collect::<Vec<_>>();
            reasons.push(format!(
                "{id} does not apply to {} (it applies to {})",
                r.label(),
                dedup(where_).join(", ")
            ));
        }
    }
    for i in industries {
        if !e.industries.contains(i) {
            let aimed = if e.industries.is_empty() {
                "no industry in particular".to_owned()
            } else {
                e.industries
                    .iter()
                    .map(|i| i.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            reasons.push(format!("{id} is not aimed at {i} (it is aimed at {aimed})"));
        }
    }
    Requirement {
        key: key.to_owned(),
        id: Some(id.to_owned()),
        ok: reasons.is_empty(),
        reasons,
    }
}

fn dedup(mut v: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    v.retain(|s| seen.insert(s.clone()));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn spans_parse_and_move_dates() {
        assert_eq!("90d".parse::<Span>(), Ok(Span::Days(90)));
        assert_eq!("6w".parse::<Span>(), Ok(Span::Days(42)));
        assert_eq!("18m".parse::<Span>(), Ok(Span::Months(18)));
        assert_eq!("2y".parse::<Span>(), Ok(Span::Months(24)));
        for bad in ["", "y", "2", "2x", "-2y", "1.5y", "99999999y"] {
            assert!(bad.parse::<Span>().is_err(), "{bad}");
        }
        assert_eq!(
            Span::Months(18).before(day("2026-11-27")),
            day("2025-05-27")
        );
        assert_eq!(Span::Days(90).after(day("2026-11-27")), day("2027-02-25"));
        assert_eq!(Span::Months(1).before(day("2026-03-31")), day("2026-02-28"));
    }

    #[test]
    fn ages_read_like_people_write_them() {
        assert_eq!(human_age(12), "12d");
        assert_eq!(human_age(-45), "in 45d");
        assert_eq!(human_age(95), "3m");
        assert_eq!(human_age(365), "1y");
        assert_eq!(human_age(3079), "8y 5m");
    }
}
