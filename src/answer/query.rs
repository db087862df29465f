//! The applicability model: does an entry answer a selection, and why.
//!
//! Every command that selects, counts or checks (`list`, `evidence`, `matrix`,
//! `regions`, `industries`, `require`, `stale`, `expiring`, `show`'s status) asks
//! [`Selection::verdict`], so their answers agree by construction. The rules, which
//! docs/GUIDE.md's "How matching works" repeats:
//!
//! - **Region.** An entry matches a region value when a covered region lies in it, when
//!   one of its jurisdictions does (an `eu` jurisdiction counts for each member state
//!   and for the `eu` group), or when it is global. `--exact` drops global matches.
//! - **Industry.** An entry matches an industry it is aimed at; an entry aimed at no
//!   industry in particular is cross-industry and matches every industry. `--exact`
//!   drops cross-industry matches.
//! - **Lifecycle**, as [`crate::answer::lifecycle`] judges it on the as-of day: current
//!   entries (active or unstated) are selected unless `--status` or
//!   `--all-statuses` says otherwise.
//!
//! Repeated values of one flag are OR-ed; different flags are AND-ed.

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde::Serialize;

pub use crate::answer::lifecycle::{Lifecycle, Span, StatusAsOf, parse_day, status_as_of};
use crate::catalog::entry::{CoveredRegion, Entry, Industry, Jurisdiction, Kind};
use crate::catalog::region::{EU, RegionQuery};
use crate::catalog::vocab::{squeeze, squeeze_into, vocabulary};

/// How an entry meets a region value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegionMatch<'e> {
    /// The entry names the region: jurisdictions and covered regions that lie in it.
    Named {
        jurisdictions: Vec<Jurisdiction>,
        covers: Vec<&'e CoveredRegion>,
    },
    /// The entry is global: it applies everywhere without naming the region.
    Global,
}

/// How an entry meets an industry value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndustryMatch {
    /// The entry is aimed at the industry.
    Aimed,
    /// The entry is aimed at no industry in particular.
    Any,
}

/// How strongly an entry meets a value: by naming it, or by applying to all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    /// Global or cross-industry.
    Broad,
    /// The entry names the region or industry.
    Named,
}

/// One reason an entry is in an answer. Words for it live in `render`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason<'e> {
    Region(RegionQuery, RegionMatch<'e>),
    Industry(Industry, IndustryMatch),
    Status(StatusAsOf),
}

/// Why an entry is in an answer: its status and a reason per matched value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict<'e> {
    pub status: StatusAsOf,
    pub reasons: Vec<Reason<'e>>,
}

impl Verdict<'_> {
    /// Named when any region or industry reason names its value; broad when every
    /// one is global or cross-industry; named when nothing was asked.
    pub fn strength(&self) -> Strength {
        let mut asked = self.reasons.iter().filter_map(Reason::strength);
        let first = asked.next().unwrap_or(Strength::Named);
        asked.fold(first, Ord::max)
    }

    /// Whether the verdict would stand with `--exact`: every axis asked (regions,
    /// industries) has a value the entry names itself. `--region global` is named by
    /// a global entry, with `--exact` or without.
    pub fn holds_exactly(&self) -> bool {
        let (mut regions, mut industries) = (None, None);
        for r in &self.reasons {
            let named = r.strength() == Some(Strength::Named);
            match r {
                Reason::Region(..) => regions = Some(regions.unwrap_or(false) || named),
                Reason::Industry(..) => industries = Some(industries.unwrap_or(false) || named),
                Reason::Status(_) => {}
            }
        }
        regions.unwrap_or(true) && industries.unwrap_or(true)
    }
}

impl Reason<'_> {
    /// How strongly a region or industry reason ties the entry to the value asked:
    /// named, or broad (global, cross-industry); `None` for the status.
    pub fn strength(&self) -> Option<Strength> {
        match self {
            Reason::Region(_, RegionMatch::Named { .. }) => Some(Strength::Named),
            // `--region global` asks for global entries: they name it.
            Reason::Region(RegionQuery::Global, _) => Some(Strength::Named),
            Reason::Region(_, RegionMatch::Global) => Some(Strength::Broad),
            Reason::Industry(_, IndustryMatch::Aimed) => Some(Strength::Named),
            Reason::Industry(_, IndustryMatch::Any) => Some(Strength::Broad),
            Reason::Status(_) => None,
        }
    }
}

/// How a region value applies to an entry, if it does.
pub fn region_match<'e>(e: &'e Entry, q: &RegionQuery, exact: bool) -> Option<RegionMatch<'e>> {
    let global = e.is_global();
    if *q == RegionQuery::Global {
        return global.then_some(RegionMatch::Global);
    }
    let members = q.countries();
    let is_eu_group = q.label() == "eu";
    let jurisdictions: Vec<Jurisdiction> = e
        .jurisdictions
        .iter()
        .copied()
        .filter(|j| match j {
            Jurisdiction::Country(c) => members.contains(c),
            Jurisdiction::Eu => is_eu_group || members.iter().any(|c| EU.contains(c)),
            Jurisdiction::Global => false,
        })
        .collect();
    let covers: Vec<&CoveredRegion> = e
        .scope
        .regions
        .iter()
        .filter(|r| members.contains(&r.country))
        .collect();
    if !jurisdictions.is_empty() || !covers.is_empty() {
        Some(RegionMatch::Named {
            jurisdictions,
            covers,
        })
    } else if global && !exact {
        Some(RegionMatch::Global)
    } else {
        None
    }
}

/// How an industry value applies to an entry, if it does.
pub fn industry_match(e: &Entry, i: Industry, exact: bool) -> Option<IndustryMatch> {
    if e.industries.contains(&i) {
        Some(IndustryMatch::Aimed)
    } else if e.industries.is_empty() && !exact {
        Some(IndustryMatch::Any)
    } else {
        None
    }
}

/// Which lifecycle states a selection takes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum StatusPick {
    /// Active or unstated: what backs a claim today.
    #[default]
    Current,
    /// These states only.
    Only(Vec<Lifecycle>),
    /// Every state.
    All,
}

impl StatusPick {
    fn takes(&self, s: Lifecycle) -> bool {
        match self {
            StatusPick::Current => s.is_current(),
            StatusPick::Only(states) => states.contains(&s),
            StatusPick::All => true,
        }
    }
}

/// What a command was asked for, built from its flags.
#[derive(Debug, Clone)]
pub struct Selection {
    pub regions: Vec<RegionQuery>,
    pub industries: Vec<Industry>,
    pub kinds: Vec<Kind>,
    pub statuses: StatusPick,
    /// Free-text terms; any may match (see [`searchable`]).
    pub search: Search,
    /// Source page last updated strictly before this day.
    pub updated_before: Option<NaiveDate>,
    /// Source page last updated on or after this day.
    pub updated_since: Option<NaiveDate>,
    /// Only entries that name the region or industry themselves.
    pub exact: bool,
    /// The day lifecycle is judged on.
    pub as_of: NaiveDate,
}

impl Selection {
    /// Everything, judged on `as_of`.
    pub fn new(as_of: NaiveDate) -> Self {
        Selection {
            regions: Vec::new(),
            industries: Vec::new(),
            kinds: Vec::new(),
            statuses: StatusPick::Current,
            search: Search::default(),
            updated_before: None,
            updated_since: None,
            exact: false,
            as_of,
        }
    }

    /// Whether the entry is in the answer, and why.
    pub fn verdict<'e>(&self, e: &'e Entry) -> Option<Verdict<'e>> {
        let plain = any_or_empty(&self.kinds, |k| e.kind == *k)
            && self
                .updated_before
                .is_none_or(|d| e.source_updated.is_some_and(|u| u.date() < d))
            && self
                .updated_since
                .is_none_or(|d| e.source_updated.is_some_and(|u| u.date() >= d));
        if !plain {
            return None;
        }
        let status = status_as_of(e, self.as_of);
        if !self.statuses.takes(status.status) {
            return None;
        }
        let mut reasons = Vec::new();
        if !self.regions.is_empty() {
            let before = reasons.len();
            for q in &self.regions {
                if let Some(m) = region_match(e, q, self.exact) {
                    reasons.push(Reason::Region(*q, m));
                }
            }
            if reasons.len() == before {
                return None;
            }
        }
        if !self.industries.is_empty() {
            let before = reasons.len();
            for &i in &self.industries {
                if let Some(m) = industry_match(e, i, self.exact) {
                    reasons.push(Reason::Industry(i, m));
                }
            }
            if reasons.len() == before {
                return None;
            }
        }
        // Last: folding an entry's text is the dearest test, so it runs only for the
        // entries every other filter kept.
        if !self.search.matches(e) {
            return None;
        }
        reasons.push(Reason::Status(status));
        Some(Verdict { status, reasons })
    }

    /// The entries in the answer, in catalog (id) order, each with its verdict.
    pub fn apply<'e>(&self, entries: &'e [Entry]) -> Vec<Selected<'e>> {
        entries
            .iter()
            .filter_map(|e| self.verdict(e).map(|v| Selected { entry: e, why: v }))
            .collect()
    }

    /// The same selection for one region value instead of the asked ones.
    pub fn for_region(&self, q: RegionQuery) -> Selection {
        Selection {
            regions: vec![q],
            ..self.clone()
        }
    }

    /// The same selection for one industry instead of the asked ones.
    pub fn for_industry(&self, i: Industry) -> Selection {
        Selection {
            industries: vec![i],
            ..self.clone()
        }
    }
}

/// An entry in an answer, with why it is there.
#[derive(Debug, Clone)]
pub struct Selected<'e> {
    pub entry: &'e Entry,
    pub why: Verdict<'e>,
}

fn any_or_empty<T>(values: &[T], f: impl Fn(&T) -> bool) -> bool {
    values.is_empty() || values.iter().any(f)
}

/// Every text `--search` looks at: the id and every value of the entry people read as
/// words ([`Entry::texts`]: names, bodies, scope, standards, summary, evidence, links),
/// except the related certifications (other schemes, not this one) and the source
/// reference (the same for every entry of a document).
pub fn searchable(e: &Entry) -> impl Iterator<Item = &str> {
    const UNSEARCHED: [&str; 2] = ["related_certifications", "source"];
    std::iter::once(e.id.as_str()).chain(
        e.texts()
            .into_iter()
            .filter(|t| !UNSEARCHED.contains(&t.path[0]))
            .map(|t| t.value),
    )
}

/// `--search` terms, folded once: an entry matches when any term is in any text
/// [`searchable`] gives, both folded by [`squeeze`] (case, spaces, hyphens and
/// underscores do not count). No terms match everything.
///
/// Each entry's answer is kept, and shared by the copies a command makes for each
/// region or industry value (`regions --all`, the site, the matrix): an entry's
/// text is folded and searched once per run, not once per value and term.
#[derive(Debug, Clone, Default)]
pub struct Search {
    folded: Vec<String>,
    /// Answers so far, by the entry's address: entries do not move while a command runs.
    seen: std::rc::Rc<std::cell::RefCell<std::collections::HashMap<usize, bool>>>,
}

impl PartialEq for Search {
    fn eq(&self, other: &Self) -> bool {
        self.folded == other.folded
    }
}

impl Eq for Search {}

impl Search {
    pub fn new<S: AsRef<str>>(terms: &[S]) -> Self {
        Search {
            folded: terms.iter().map(|t| squeeze(t.as_ref())).collect(),
            seen: Default::default(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }

    pub fn matches(&self, e: &Entry) -> bool {
        // As `str::contains`: the empty text is in every text.
        if self.folded.is_empty() || self.folded.iter().any(String::is_empty) {
            return true;
        }
        let key = std::ptr::from_ref(e) as usize;
        if let Some(&known) = self.seen.borrow().get(&key) {
            return known;
        }
        // Each text is folded once into one buffer for every term, rather than into
        // a new string per text and term.
        let mut buf = String::new();
        let found = searchable(e).any(|text| {
            buf.clear();
            squeeze_into(text, &mut buf);
            self.folded.iter().any(|t| buf.contains(t.as_str()))
        });
        self.seen.borrow_mut().insert(key, found);
        found
    }
}

vocabulary! {
    /// Orders for `--sort`.
    SortKey ("sort key") {
        /// By id.
        Id = "id",
        /// By name, ignoring case.
        Name = "name",
        /// By `source_updated`, oldest first; entries without one last.
        Updated = "updated",
        /// By `achieved`, earliest first; entries without one last.
        Achieved = "achieved",
    }
}

/// Sorts in place; ties keep id order. Missing dates sort last either way.
pub fn sort(rows: &mut [Selected<'_>], key: SortKey, reverse: bool) {
    fn missing_last<T: Ord>(a: Option<T>, b: Option<T>, reverse: bool) -> Ordering {
        match (a, b) {
            (Some(a), Some(b)) if reverse => b.cmp(&a),
            (Some(a), Some(b)) => a.cmp(&b),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
    let flip = |o: Ordering| if reverse { o.reverse() } else { o };
    rows.sort_by(|a, b| {
        let (a, b) = (a.entry, b.entry);
        let primary = match key {
            SortKey::Id => flip(a.id.cmp(&b.id)),
            SortKey::Name => flip(a.name.to_lowercase().cmp(&b.name.to_lowercase())),
            SortKey::Updated => missing_last(a.source_updated, b.source_updated, reverse),
            SortKey::Achieved => missing_last(a.achieved, b.achieved, reverse),
        };
        primary.then_with(|| a.id.cmp(&b.id))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(yaml: &str) -> Entry {
        serde_saphyr::from_str(&format!("id: x\nname: X\nkind: audit\nsummary: s\n{yaml}")).unwrap()
    }

    #[test]
    fn global_and_cross_industry_entries_match_broadly_unless_exact() {
        let e = entry("jurisdictions: [global]\n");
        let hk: RegionQuery = "hk".parse().unwrap();
        assert_eq!(region_match(&e, &hk, false), Some(RegionMatch::Global));
        assert_eq!(region_match(&e, &hk, true), None);
        assert_eq!(
            industry_match(&e, Industry::Finance, false),
            Some(IndustryMatch::Any)
        );
        assert_eq!(industry_match(&e, Industry::Finance, true), None);
    }

    #[test]
    fn eu_wide_entries_match_each_member_state_by_name() {
        let e = entry("jurisdictions: [eu]\n");
        for q in ["fr", "eu", "de"] {
            let q: RegionQuery = q.parse().unwrap();
            assert!(
                matches!(region_match(&e, &q, true), Some(RegionMatch::Named { .. })),
                "{q}"
            );
        }
        assert_eq!(region_match(&e, &"sg".parse().unwrap(), false), None);
    }

    #[test]
    fn search_ignores_case_spaces_hyphens_and_underscores() {
        let e = entry(
            "jurisdictions: [jp]\nevidence:\n  - type: soc-report\n    title: SOC2 report\n    reference: \"01018\"\n",
        );
        for t in ["soc2", "SOC 2", "soc-2", "soc_2", "01018", ""] {
            assert!(Search::new(&[t]).matches(&e), "{t}");
        }
        assert!(!Search::new(&["soc 3"]).matches(&e));
    }
}
