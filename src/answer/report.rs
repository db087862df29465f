//! Derived rows: what each command reports, built from the entries a [`Selection`]
//! picked. Plain data, no words: `render` gives each row type its columns and the
//! words in its cells, and writes the ones whose JSON carries words (reasons, ages).

use std::collections::BTreeSet;

/// Largest matrix laid out for people (a table, Markdown, the site's matrix page):
/// millions of cells help nobody and cost a string each.
pub const MAX_TABLE_CELLS: usize = 200_000;

use chrono::NaiveDate;
use serde::Serialize;

use crate::answer::query::{
    Lifecycle, Reason, Selected, Selection, Span, StatusAsOf, Strength, industry_match,
    region_match,
};
use crate::catalog::entry::{Entry, Evidence, Industry, Jurisdiction, PartialDate};
use crate::catalog::region::{Country, GLOBAL_DESCRIPTION, RegionQuery};

/// An entry in a listing, with why it is there. JSON and YAML write the entry itself;
/// with `--explain`, its status and reasons beside it.
pub struct EntryRow<'e> {
    pub selected: Selected<'e>,
    pub explain: bool,
}

/// One evidence item of a selected entry; an entry that names none gets one row
/// with no item, so a gap is shown, not hidden.
pub struct EvidenceRow<'e> {
    /// The entry the item belongs to, for the bases of its reasons.
    pub of: &'e Entry,
    pub entry: &'e str,
    pub name: &'e str,
    /// The entry's status as of the day.
    pub status: StatusAsOf,
    pub item: Option<&'e Evidence>,
    /// With `--explain`: why the entry is in the answer.
    pub why: Option<Vec<Reason<'e>>>,
}

pub fn evidence<'e>(selected: &[Selected<'e>], explain: bool) -> Vec<EvidenceRow<'e>> {
    let mut rows = Vec::new();
    for s in selected {
        let e = s.entry;
        let why = explain.then(|| s.why.reasons.clone());
        if e.evidence.is_empty() {
            rows.push(EvidenceRow {
                of: e,
                entry: e.id.as_str(),
                name: &e.name,
                status: s.why.status,
                item: None,
                why,
            });
            continue;
        }
        for item in &e.evidence {
            rows.push(EvidenceRow {
                of: e,
                entry: e.id.as_str(),
                name: &e.name,
                status: s.why.status,
                item: Some(item),
                why: why.clone(),
            });
        }
    }
    rows
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

impl RegionFacet {
    /// The facet of `q` with its two counts.
    pub fn new(q: &RegionQuery, entries: usize, exact: usize) -> Self {
        let (kind, name, members) = match q {
            RegionQuery::Country(c) => ("country", c.name().to_owned(), Vec::new()),
            RegionQuery::Group(g) => (
                "group",
                g.description.to_owned(),
                g.members.iter().map(|c| c.to_string()).collect(),
            ),
            RegionQuery::Global => ("global", GLOBAL_DESCRIPTION.to_owned(), Vec::new()),
        };
        RegionFacet {
            region: q.label().to_owned(),
            name,
            kind,
            members,
            entries,
            exact,
        }
    }
}

/// The region values worth a row or a page for these entries: every country they
/// name or cover (`eu` standing for its members), sorted, then the groups and
/// `global`.
pub fn region_values<'e>(entries: impl Iterator<Item = &'e Entry>) -> Vec<RegionQuery> {
    let countries: BTreeSet<Country> = entries.flat_map(|e| e.countries()).collect();
    countries
        .into_iter()
        .map(RegionQuery::Country)
        .chain(
            crate::catalog::region::GROUPS
                .iter()
                .map(RegionQuery::Group),
        )
        .chain(std::iter::once(RegionQuery::Global))
        .collect()
}

/// Counts for each region value: every country the entries name (or every country
/// with `all`), the groups, and `global`. Each count is the length of the list the
/// same selection gives for that value, so the two can never disagree.
pub fn regions(entries: &[Entry], selection: &Selection, all: bool) -> Vec<RegionFacet> {
    let values = if all {
        Country::all()
            .map(RegionQuery::Country)
            .chain(region_values(std::iter::empty()))
            .collect()
    } else {
        region_values(selection.apply(entries).iter().map(|s| s.entry))
    };
    // Everything but the region is decided once per entry, not once per value; then
    // each entry adds itself to the values it applies in. `tests/applicability.rs`
    // holds every count to `list --region VALUE`.
    let (broad, exact) = pools(entries, selection, |s| s.regions.clear());
    let broad = region_counts(&broad, &values, selection.exact);
    let exact = region_counts(&exact, &values, true);
    values
        .iter()
        .zip(broad.into_iter().zip(exact))
        .map(|(q, (entries, exact))| RegionFacet::new(q, entries, exact))
        .collect()
}

/// How many entries of `pool` apply in each of `values`, by [`region_match`]'s rules:
/// a value applies when the entry names one of its countries (a jurisdiction or a
/// covered region, `eu` standing for its members), and `global` entries apply in
/// every value unless `exact`.
fn region_counts(pool: &[&Entry], values: &[RegionQuery], exact: bool) -> Vec<usize> {
    // For each country, the values that contain it: its own, and its groups.
    let mut holding: std::collections::HashMap<Country, Vec<usize>> = Default::default();
    for (i, q) in values.iter().enumerate() {
        for c in q.countries() {
            holding.entry(*c).or_default().push(i);
        }
    }
    let mut counts = vec![0; values.len()];
    // The last entry counted for each value, so an entry counts once per value.
    let mut counted = vec![usize::MAX; values.len()];
    for (n, e) in pool.iter().enumerate() {
        if e.is_global() {
            for (i, q) in values.iter().enumerate() {
                if !exact || *q == RegionQuery::Global {
                    counts[i] += 1;
                    counted[i] = n;
                }
            }
        }
        for c in e.countries() {
            for &i in holding.get(&c).map_or(&[][..], Vec::as_slice) {
                if counted[i] != n {
                    counts[i] += 1;
                    counted[i] = n;
                }
            }
        }
    }
    counts
}

/// The entries a selection takes once `drop` has removed one of its filters: as asked
/// (`--exact` or not), and those of them that hold with `--exact` too. A facet then
/// counts, per value of the dropped filter, the entries of each pool that match it.
fn pools<'e>(
    entries: &'e [Entry],
    selection: &Selection,
    drop: impl Fn(&mut Selection),
) -> (Vec<&'e Entry>, Vec<&'e Entry>) {
    let mut broad = selection.clone();
    drop(&mut broad);
    // One verdict per entry: whether it holds with `--exact` is in its reasons.
    let selected = broad.apply(entries);
    let exact = selected
        .iter()
        .filter(|s| s.why.holds_exactly())
        .map(|s| s.entry)
        .collect();
    (selected.into_iter().map(|s| s.entry).collect(), exact)
}

/// An industry with how many entries `list --industry VALUE` returns for it.
#[derive(Debug, Serialize)]
pub struct IndustryFacet {
    pub industry: Industry,
    pub entries: usize,
    pub exact: usize,
}

pub fn industries_facets(entries: &[Entry], selection: &Selection) -> Vec<IndustryFacet> {
    let (broad, exact) = pools(entries, selection, |s| s.industries.clear());
    let count = |pool: &[&Entry], industry: Industry, exact: bool| {
        pool.iter()
            .filter(|e| industry_match(e, industry, exact).is_some())
            .count()
    };
    Industry::ALL
        .iter()
        .map(|&industry| IndustryFacet {
            industry,
            entries: count(&broad, industry, selection.exact),
            exact: count(&exact, industry, true),
        })
        .collect()
}

crate::catalog::vocab::vocabulary! {
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
    /// One per column.
    pub marks: Vec<Mark>,
}

/// How an entry meets a matrix column. One byte: a grid of 100,000 entries by 242
/// countries is 24 MB of marks, not 390 MB of optional strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    None,
    Named,
    Global,
    Any,
}

impl Mark {
    /// `named`, `global` or `any`; `None` where the entry does not apply.
    pub fn word(self) -> Option<&'static str> {
        match self {
            Mark::None => None,
            Mark::Named => Some("named"),
            Mark::Global => Some("global"),
            Mark::Any => Some("any"),
        }
    }
}

/// Written as its word, or `null`.
impl Serialize for Mark {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.word().serialize(s)
    }
}

/// The default columns: the countries the selected entries name (and `global` when
/// one is global), or the industries they name (and none else).
/// The default columns: for regions, the places the selected entries name as they
/// write them (`eu` is one column; `expand` gives its member states instead) and
/// the countries of the regions they cover, then `global` if any entry is global;
/// for industries, those some entry is aimed at.
pub fn matrix_columns(selected: &[Selected<'_>], by: MatrixBy, expand: bool) -> Vec<MatrixColumn> {
    match by {
        MatrixBy::Region => {
            let mut codes: BTreeSet<Country> = BTreeSet::new();
            let mut eu = false;
            for s in selected {
                for j in &s.entry.jurisdictions {
                    match j {
                        Jurisdiction::Country(c) => {
                            codes.insert(*c);
                        }
                        Jurisdiction::Eu if expand => codes.extend(j.countries()),
                        Jurisdiction::Eu => eu = true,
                        Jurisdiction::Global => {}
                    }
                }
                codes.extend(s.entry.scope.regions.iter().map(|r| r.country));
            }
            let mut cols: Vec<MatrixColumn> = codes
                .into_iter()
                .map(|c| MatrixColumn::Region(RegionQuery::Country(c)))
                .collect();
            if eu {
                cols.extend(
                    crate::catalog::region::GROUPS
                        .iter()
                        .filter(|g| g.name == "eu")
                        .map(|g| MatrixColumn::Region(RegionQuery::Group(g))),
                );
            }
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

/// The coverage matrix: one row per selected entry, one mark per column saying how
/// the entry meets that column's value, by that column's rule alone: named (a
/// jurisdiction or covered region in it; an industry it is aimed at), or broad
/// (global; cross-industry). The selection's other filters choose the rows and never
/// change a mark, so a mark is always the `--explain` reason `list --region COL` (or
/// `--industry COL`) gives for that value.
pub fn matrix(
    selected: &[Selected<'_>],
    selection: &Selection,
    columns: &[MatrixColumn],
) -> Matrix {
    let rows = selected
        .iter()
        .map(|s| MatrixRow {
            id: s.entry.id.to_string(),
            marks: columns
                .iter()
                .map(|c| mark(s.entry, *c, selection.exact))
                .collect(),
        })
        .collect();
    Matrix {
        columns: columns.iter().map(MatrixColumn::label).collect(),
        rows,
    }
}

/// How an entry meets one column's value: the strength of the reason `--explain`
/// gives for that value alone.
pub fn mark(e: &Entry, column: MatrixColumn, exact: bool) -> Mark {
    let reason = match column {
        MatrixColumn::Region(q) => region_match(e, &q, exact).map(|m| Reason::Region(q, m)),
        MatrixColumn::Industry(i) => industry_match(e, i, exact).map(|m| Reason::Industry(i, m)),
    };
    match (reason.as_ref().and_then(Reason::strength), column) {
        (None, _) => Mark::None,
        (Some(Strength::Named), _) => Mark::Named,
        (Some(Strength::Broad), MatrixColumn::Region(_)) => Mark::Global,
        (Some(Strength::Broad), MatrixColumn::Industry(_)) => Mark::Any,
    }
}

/// An entry with a date and how far that date is from the reference day. Its JSON
/// names the date by its data field (`source_updated: …`).
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

/// One entry checked against a requirement.
pub struct Requirement<'e> {
    pub key: String,
    pub entry: &'e Entry,
    pub status: StatusAsOf,
    /// Why it falls short; empty when it passes.
    pub unmet: Vec<Shortfall<'e>>,
    /// With `--explain`: why it passes, for each asked value and its status.
    pub why: Option<Vec<Reason<'e>>>,
}

impl Requirement<'_> {
    pub fn ok(&self) -> bool {
        self.unmet.is_empty()
    }
}

/// What a requirement asks of each entry besides applying where and to whom the
/// selection says.
#[derive(Debug, Clone, Copy, Default)]
pub struct Strictness {
    /// Still valid this long after the as-of day.
    pub valid_for: Option<Span>,
    /// Stated as active: `unstated` does not pass.
    pub active: bool,
}

/// One way an entry falls short of a requirement.
#[derive(Debug, Clone, PartialEq)]
pub enum Shortfall<'e> {
    /// The entry is not current on the as-of day.
    NotCurrent(&'e Entry, StatusAsOf),
    /// Current, but not stated as active, and the requirement asks for that.
    NotStatedActive(&'e Entry, StatusAsOf),
    /// Its `valid_until` falls before the end of the span asked for (`None`: it
    /// gives no `valid_until`, so it cannot be shown to last).
    Expires(&'e Entry, Option<PartialDate>, NaiveDate),
    /// The entry does not apply in the region (by the rules of `list`); for a group,
    /// the member countries it does not apply in.
    Region(&'e Entry, RegionQuery, bool, Vec<Country>),
    /// The entry does not serve the industry.
    Industry(&'e Entry, Industry, bool),
}

/// Checks one entry against a requirement: it must be current on the selection's
/// day, and apply in **every** asked region (every member of a group) and to
/// **every** asked industry, by the same rules as `list`; and meet `strict`.
pub fn require<'e>(
    key: &str,
    e: &'e Entry,
    selection: &Selection,
    strict: Strictness,
    explain: bool,
) -> Requirement<'e> {
    let status = crate::answer::query::status_as_of(e, selection.as_of);
    let mut unmet = Vec::new();
    let mut reasons = Vec::new();
    if !status.status.is_current() {
        unmet.push(Shortfall::NotCurrent(e, status));
    } else if strict.active && status.status != Lifecycle::Active {
        unmet.push(Shortfall::NotStatedActive(e, status));
    }
    if let Some(span) = strict.valid_for {
        let until = span.after(selection.as_of);
        if e.valid_until.is_none_or(|v| v.last_day() < until) {
            unmet.push(Shortfall::Expires(e, e.valid_until, until));
        }
    }
    let exact = selection.exact;
    for q in &selection.regions {
        // A group asks for every member: `--region sea` is not met by Singapore alone.
        let missing: Vec<Country> = match q {
            RegionQuery::Group(g) => g
                .members
                .iter()
                .copied()
                .filter(|c| region_match(e, &RegionQuery::Country(*c), exact).is_none())
                .collect(),
            _ => Vec::new(),
        };
        match region_match(e, q, exact) {
            Some(m) if missing.is_empty() => reasons.push(Reason::Region(*q, m)),
            _ => unmet.push(Shortfall::Region(e, *q, exact, missing)),
        }
    }
    for &i in &selection.industries {
        match industry_match(e, i, exact) {
            Some(m) => reasons.push(Reason::Industry(i, m)),
            None => unmet.push(Shortfall::Industry(e, i, exact)),
        }
    }
    reasons.push(Reason::Status(status));
    Requirement {
        key: key.to_owned(),
        entry: e,
        status,
        unmet,
        why: explain.then_some(reasons),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::query::StatusPick;
    use crate::load::{Source, load, parse_entry};

    /// `regions` counts by adding each entry to the values it applies in; that must be
    /// what `region_match` says of every value, for every kind of entry: named
    /// countries, EU-wide, covered regions, global, global with covered regions.
    #[test]
    fn region_counts_agree_with_region_match_for_every_value() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/applicability");
        let mut entries: Vec<Entry> = Vec::new();
        for source in [Source::Embedded, Source::Dir(fixture.into())] {
            entries.extend(
                load(&source, today)
                    .unwrap()
                    .catalog
                    .entries()
                    .iter()
                    .cloned(),
            );
        }
        let odd = "id: odd\nname: Odd\nkind: audit\njurisdictions: [global, eu, jp]\nscope:\n  regions:\n    - name: Frankfurt\n      country: de\n    - name: Tokyo\n      country: jp\nsummary: s\n";
        entries.push(parse_entry(odd).unwrap());
        let values: Vec<RegionQuery> = RegionQuery::all().collect();
        let selection = Selection {
            statuses: StatusPick::All,
            ..Selection::new(today)
        };
        let pool: Vec<&Entry> = selection
            .apply(&entries)
            .into_iter()
            .map(|s| s.entry)
            .collect();
        assert!(pool.len() > 25);
        // Whether a verdict holds with --exact is what --exact answers.
        for regions in [
            vec![],
            vec!["sg".parse().unwrap()],
            vec!["eu".parse().unwrap()],
            vec!["global".parse().unwrap()],
            vec!["de".parse().unwrap(), "jp".parse().unwrap()],
        ] {
            for industries in [
                vec![],
                vec![Industry::Finance],
                vec![Industry::Healthcare, Industry::Media],
            ] {
                let broad = Selection {
                    regions: regions.clone(),
                    industries: industries.clone(),
                    ..selection.clone()
                };
                let exact = Selection {
                    exact: true,
                    ..broad.clone()
                };
                let derived: Vec<&str> = broad
                    .apply(&entries)
                    .iter()
                    .filter(|s| s.why.holds_exactly())
                    .map(|s| s.entry.id.as_str())
                    .collect();
                let asked: Vec<&str> = exact
                    .apply(&entries)
                    .iter()
                    .map(|s| s.entry.id.as_str())
                    .collect();
                assert_eq!(derived, asked, "{regions:?} {industries:?}");
            }
        }
        for exact in [false, true] {
            let counts = region_counts(&pool, &values, exact);
            for (q, n) in values.iter().zip(counts) {
                let expected = pool
                    .iter()
                    .filter(|e| region_match(e, q, exact).is_some())
                    .count();
                assert_eq!(n, expected, "{q}, exact {exact}");
            }
        }
    }
}
