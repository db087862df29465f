//! Time: an entry's lifecycle status as of a day, spans people write (`90d`, `18m`),
//! and the strict day format of every date argument.
//!
//! **Lifecycle** as of a date: expired when `valid_until` has passed or the entry says
//! so; not yet achieved when `achieved` is later (a partial date counts from its last
//! day: the conservative reading); otherwise the stated status, or `unstated` where
//! the source says nothing. Never `active` unless the data says so.

use std::fmt;
use std::str::FromStr;

use chrono::{Months, NaiveDate};
use serde::Serialize;

use crate::catalog::entry::{Entry, PartialDate, Status};
use crate::catalog::vocab::vocabulary;

vocabulary! {
    /// An entry's lifecycle status as of a date: the stated status, corrected by its dates.
    Lifecycle ("status") {
        /// Stated as in force, and within its dates.
        Active = "active",
        /// The source states no status, and the dates do not rule it out.
        Unstated = "unstated",
        /// Stated as being worked towards.
        InProgress = "in-progress",
        /// `achieved` is after the as-of date.
        NotYetAchieved = "not-yet-achieved",
        /// `valid_until` is before the as-of date, or stated as expired.
        Expired = "expired",
        /// Stated as replaced by a newer entry.
        Superseded = "superseded",
        /// Stated as given up or revoked.
        Withdrawn = "withdrawn",
    }
}

impl Lifecycle {
    /// Whether an entry in this state backs a claim today: active, or unstated.
    pub fn is_current(self) -> bool {
        matches!(self, Lifecycle::Active | Lifecycle::Unstated)
    }
}

/// An entry's status as of a day, with the date that decided it, if any. Every
/// machine-readable answer carries it beside the stated `status`, so a script never
/// has to judge dates itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StatusAsOf {
    pub status: Lifecycle,
    /// `valid_until` for an expiry, `achieved` for an entry not yet achieved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// The day it was judged on: `--as-of`, or today.
    #[serde(serialize_with = "day")]
    pub as_of: NaiveDate,
}

/// `2026-12-02`.
fn day<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

/// The lifecycle status of `e` on `as_of`.
pub fn status_as_of(e: &Entry, as_of: NaiveDate) -> StatusAsOf {
    let plain = |status| StatusAsOf {
        status,
        date: None,
        as_of,
    };
    if e.status == Some(Status::Expired) {
        return StatusAsOf {
            status: Lifecycle::Expired,
            date: e.valid_until,
            as_of,
        };
    }
    if let Some(until) = e.valid_until
        && until.last_day() < as_of
    {
        return StatusAsOf {
            status: Lifecycle::Expired,
            date: Some(until),
            as_of,
        };
    }
    if let Some(achieved) = e.achieved
        && achieved.last_day() > as_of
    {
        return StatusAsOf {
            status: Lifecycle::NotYetAchieved,
            date: Some(achieved),
            as_of,
        };
    }
    match e.status {
        None => plain(Lifecycle::Unstated),
        Some(Status::Active) => plain(Lifecycle::Active),
        Some(Status::InProgress) => plain(Lifecycle::InProgress),
        Some(Status::Expired) => plain(Lifecycle::Expired),
        Some(Status::Superseded) => plain(Lifecycle::Superseded),
        Some(Status::Withdrawn) => plain(Lifecycle::Withdrawn),
    }
}

/// A length of time as people write it: `90d`, `6w`, `18m`, `2y`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Days(u32),
    Months(u32),
}

impl Span {
    /// The day this span before `day`; the earliest date there is when that underflows.
    pub fn before(self, day: NaiveDate) -> NaiveDate {
        match self {
            Span::Days(n) => day.checked_sub_days(chrono::Days::new(n.into())),
            Span::Months(n) => day.checked_sub_months(Months::new(n)),
        }
        .unwrap_or(NaiveDate::MIN)
    }

    /// The day this span after `day`; the latest date there is when that overflows.
    pub fn after(self, day: NaiveDate) -> NaiveDate {
        match self {
            Span::Days(n) => day.checked_add_days(chrono::Days::new(n.into())),
            Span::Months(n) => day.checked_add_months(Months::new(n)),
        }
        .unwrap_or(NaiveDate::MAX)
    }
}

impl FromStr for Span {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let short = crate::catalog::untrusted::shorten(s);
        let bad = || {
            format!(
                "invalid span `{short}`, expected a number and a unit: `90d`, `6w`, `18m` or `2y`"
            )
        };
        let s = s.trim();
        let unit = s.chars().last().ok_or_else(bad)?;
        let digits = &s[..s.len() - unit.len_utf8()];
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        if !matches!(unit.to_ascii_lowercase(), 'd' | 'w' | 'm' | 'y') {
            return Err(bad());
        }
        // Beyond a thousand years a date computation overflows and means nothing:
        // the number is well formed, so say that rather than call it malformed.
        let too_long = || format!("span `{short}` is too long; at most 1000 years (`1000y`)");
        let n: u32 = digits.parse().map_err(|_| too_long())?;
        let span = match unit.to_ascii_lowercase() {
            'd' => Span::Days(n),
            'w' => Span::Days(n.checked_mul(7).ok_or_else(too_long)?),
            'm' => Span::Months(n),
            _ => Span::Months(n.checked_mul(12).ok_or_else(too_long)?),
        };
        match span {
            Span::Days(d) if d <= 365_000 => Ok(span),
            Span::Months(m) if m <= 12_000 => Ok(span),
            _ => Err(too_long()),
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

/// A day as `YYYY-MM-DD` exactly: four-digit year, two-digit month and day, nothing
/// around it. Looser readings (`2026-1-1`, `+2026-01-01`) are typos more often than not.
pub fn parse_day(s: &str) -> Result<NaiveDate, String> {
    let short = crate::catalog::untrusted::shorten(s);
    match s.parse::<PartialDate>() {
        Ok(PartialDate::Day(d)) if s.len() == 10 => Ok(d),
        _ => Err(format!("invalid date `{short}`, expected YYYY-MM-DD")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        parse_day(s).unwrap()
    }

    fn entry(yaml: &str) -> Entry {
        serde_saphyr::from_str(&format!("id: x\nname: X\nkind: audit\nsummary: s\n{yaml}")).unwrap()
    }

    #[test]
    fn spans_parse_and_move_dates() {
        assert_eq!("90d".parse::<Span>(), Ok(Span::Days(90)));
        assert_eq!("6w".parse::<Span>(), Ok(Span::Days(42)));
        assert_eq!("18m".parse::<Span>(), Ok(Span::Months(18)));
        assert_eq!("2y".parse::<Span>(), Ok(Span::Months(24)));
        for bad in ["", "y", "2", "2x", "-2y", "+2y", "1.5y", "99999999y"] {
            assert!(bad.parse::<Span>().is_err(), "{bad}");
        }
        assert_eq!(
            Span::Months(18).before(day("2026-11-27")),
            day("2025-05-27")
        );
        assert_eq!(Span::Days(90).after(day("2026-11-27")), day("2027-02-25"));
        assert_eq!(Span::Months(1).before(day("2026-03-31")), day("2026-02-28"));
        assert_eq!(Span::Days(90).after(NaiveDate::MAX), NaiveDate::MAX);
        assert_eq!(Span::Days(90).before(NaiveDate::MIN), NaiveDate::MIN);
    }

    #[test]
    fn days_are_strict() {
        assert!(parse_day("2026-01-01").is_ok());
        for bad in [
            "2026-1-1",
            "+2026-01-01",
            " 2026-01-01",
            "-0001-12-31",
            "2026-01",
            "2026",
        ] {
            assert!(parse_day(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn lifecycle_follows_the_dates() {
        let e = entry("jurisdictions: [us]\nvalid_until: 2026-03-31\n");
        assert_eq!(
            status_as_of(&e, day("2026-03-31")).status,
            Lifecycle::Unstated
        );
        let after = status_as_of(&e, day("2026-04-01"));
        assert_eq!(after.status, Lifecycle::Expired);
        assert_eq!(
            after.date.map(|d| d.to_string()).as_deref(),
            Some("2026-03-31")
        );
        // A partial date counts from its last day: June 2027 is not reached on 2027-06-15.
        let e = entry("jurisdictions: [us]\nstatus: active\nachieved: 2027-06\n");
        assert_eq!(
            status_as_of(&e, day("2027-06-15")).status,
            Lifecycle::NotYetAchieved
        );
        assert_eq!(
            status_as_of(&e, day("2027-07-01")).status,
            Lifecycle::Active
        );
    }
}
