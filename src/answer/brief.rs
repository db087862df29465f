//! `certs report`: one selection answered as a document a person can send. The
//! entries are exactly `list`'s for the same flags; the gaps say what a reader must
//! know besides: entries with no evidence stated, source pages older than the stale
//! threshold, entries expiring within the window, and what the status filter left
//! out, so that "nothing expired was left out" can be checked.

use chrono::NaiveDate;

use crate::answer::lifecycle::Span;
use crate::answer::query::{Selected, Selection, StatusPick};
use crate::catalog::Catalog;
use crate::catalog::entry::{Entry, PartialDate};

/// Everything a report shows.
pub struct Brief<'e> {
    pub as_of: NaiveDate,
    /// The entries that answer the question, in `list` order, with why.
    pub entries: Vec<Selected<'e>>,
    pub gaps: Gaps<'e>,
    pub stale_after: Span,
    pub expiring_within: Span,
}

/// What the reader must know besides the entries.
pub struct Gaps<'e> {
    /// Entries that name no evidence a customer can obtain.
    pub no_evidence: Vec<&'e Entry>,
    /// Entries whose source page was last updated before the stale threshold, with
    /// the page's age in days.
    pub stale: Vec<(&'e Entry, i64)>,
    /// Entries whose `valid_until` falls within the window.
    pub expiring: Vec<(&'e Entry, PartialDate)>,
    /// Entries that match everything asked but their status on the day, with it.
    pub left_out: Vec<Selected<'e>>,
}

pub fn brief<'e>(
    catalog: &'e Catalog,
    selection: &Selection,
    stale_after: Span,
    expiring_within: Span,
) -> Brief<'e> {
    let entries = selection.apply(catalog.entries());
    let as_of = selection.as_of;
    let no_evidence = entries
        .iter()
        .filter(|s| s.entry.evidence.is_empty())
        .map(|s| s.entry)
        .collect();
    let stale_before = stale_after.before(as_of);
    let stale = entries
        .iter()
        .filter_map(|s| {
            let updated = s.entry.source_updated?.date();
            (updated < stale_before).then_some((s.entry, (as_of - updated).num_days()))
        })
        .collect();
    let horizon = expiring_within.after(as_of);
    let expiring = entries
        .iter()
        .filter_map(|s| {
            let until = s.entry.valid_until?;
            (until.last_day() >= as_of && until.first_day() <= horizon).then_some((s.entry, until))
        })
        .collect();
    // The same question in every status, less what was answered.
    let every_status = Selection {
        statuses: StatusPick::All,
        ..selection.clone()
    };
    let left_out = every_status
        .apply(catalog.entries())
        .into_iter()
        .filter(|s| !entries.iter().any(|kept| std::ptr::eq(kept.entry, s.entry)))
        .collect();
    Brief {
        as_of,
        entries,
        gaps: Gaps {
            no_evidence,
            stale,
            expiring,
            left_out,
        },
        stale_after,
        expiring_within,
    }
}
