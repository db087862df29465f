//! Selecting and ordering entries: a [`Filter`] built from command-line values, and
//! one `matches` that decides. Repeated values of one kind are OR-ed; different
//! kinds are AND-ed, so `--region sg --region my --industry finance` means
//! "finance entries that apply in Singapore or Malaysia".

use std::cmp::Ordering;

use chrono::NaiveDate;

use crate::model::{Entry, Industry, Kind, Status};
use crate::region::RegionQuery;

#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub regions: Vec<RegionQuery>,
    pub industries: Vec<Industry>,
    pub kinds: Vec<Kind>,
    pub statuses: Vec<Status>,
    /// Free-text terms, matched case-insensitively; any term may match.
    pub search: Vec<String>,
    /// Source page last updated strictly before this day.
    pub updated_before: Option<NaiveDate>,
    /// Source page last updated on or after this day.
    pub updated_since: Option<NaiveDate>,
}

impl Filter {
    pub fn matches(&self, e: &Entry) -> bool {
        any_or_empty(&self.regions, |r| r.matches(e))
            && any_or_empty(&self.industries, |i| e.industries.contains(i))
            && any_or_empty(&self.kinds, |k| e.kind == *k)
            && any_or_empty(&self.statuses, |s| e.status == *s)
            && any_or_empty(&self.search, |term| {
                searchable(e).any(|t| contains_ignore_case(t, term))
            })
            && self
                .updated_before
                .is_none_or(|d| e.source_updated.is_some_and(|u| u.date() < d))
            && self
                .updated_since
                .is_none_or(|d| e.source_updated.is_some_and(|u| u.date() >= d))
    }

    /// The matching entries, in catalog (id) order.
    pub fn apply<'a>(&self, entries: &'a [Entry]) -> Vec<&'a Entry> {
        entries.iter().filter(|e| self.matches(e)).collect()
    }
}

fn any_or_empty<T>(values: &[T], f: impl Fn(&T) -> bool) -> bool {
    values.is_empty() || values.iter().any(f)
}

/// Every text `--search` looks at.
fn searchable(e: &Entry) -> impl Iterator<Item = &str> {
    e.names()
        .chain(e.issuer.as_deref())
        .chain(e.auditor.as_deref())
        .chain(e.scope.level.as_deref())
        .chain(e.scope.regions.iter().map(|r| r.name.as_str()))
        .chain(e.scope.services.iter().map(String::as_str))
        .chain(e.standards.iter().map(String::as_str))
        .chain(std::iter::once(e.summary.as_str()))
}

fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        // As `str::contains`: the empty text is in every text.
        return true;
    }
    if haystack.is_ascii() && needle.is_ascii() {
        // The common case, without allocating.
        haystack
            .as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
    } else {
        haystack.to_lowercase().contains(&needle.to_lowercase())
    }
}

/// Orders for `--sort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SortKey {
    #[default]
    Id,
    Name,
    /// By `source_updated`, oldest first; entries without one last.
    Updated,
    /// By `achieved`, earliest first; entries without one last.
    Achieved,
}

/// Sorts in place; ties keep id order. Missing dates sort last either way.
pub fn sort(entries: &mut [&Entry], key: SortKey, reverse: bool) {
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
    entries.sort_by(|a, b| {
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

    #[test]
    fn ascii_search_ignores_case() {
        assert!(contains_ignore_case("Cohasset Associates", "cohasset"));
        assert!(contains_ignore_case("für Sicherheit", "FÜR"));
        assert!(!contains_ignore_case("abc", "abcd"));
        assert!(contains_ignore_case("abc", "") && contains_ignore_case("für", ""));
    }
}
