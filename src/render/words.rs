//! The words `certs` uses for its answers: reasons, statuses, gaps, ages, verdicts.
//! Kept in one place so that `--explain`, `require` and `show` say the same thing the
//! same way, and so the phrases people grep for (`global`, `any industry`) stay put.

use crate::answer::query::{IndustryMatch, Lifecycle, Reason, RegionMatch, StatusAsOf};
use chrono::NaiveDate;

use crate::catalog::entry::{
    Access, Basis, Entry, Evidence, Industry, Jurisdiction, PartialDate, SourceRef, Timestamp,
};
use crate::catalog::manifest::Manifest;
use crate::catalog::region::{Country, RegionQuery};

/// The industries of a cross-industry entry: it serves any industry.
pub const ANY_INDUSTRY: &str = "any";
/// The TYPE cell of an entry that names no evidence.
pub const NONE_STATED: &str = "none stated";
/// A blank access or contact.
pub const NOT_STATED: &str = "not stated";

/// One reason, as `--explain` prints it: `region cn: covers Beijing (cn)`.
///
/// A value the entry names carries its basis, when the entry records one: `region
/// cn: jurisdiction cn (China) (judged: …)`, `industry finance: aimed at finance
/// (quoted: “financial institutions”)`.
pub fn reason(r: &Reason<'_>, e: &Entry) -> String {
    let why = |field: &str, value: &str| basis_note(e.basis(field, value));
    match r {
        Reason::Region(q, RegionMatch::Global) => {
            format!("region {q}: global{}", why("jurisdictions", "global"))
        }
        Reason::Region(
            q,
            RegionMatch::Named {
                jurisdictions,
                covers,
            },
        ) => {
            let mut parts: Vec<String> = jurisdictions
                .iter()
                .map(|j| match j {
                    Jurisdiction::Eu => format!("EU-wide (eu){}", why("jurisdictions", "eu")),
                    other => format!(
                        "jurisdiction {}{}",
                        jurisdiction(other),
                        why("jurisdictions", &other.to_string())
                    ),
                })
                .collect();
            if !covers.is_empty() {
                let names: Vec<String> = covers.iter().map(|c| c.to_string()).collect();
                parts.push(format!("covers {}", names.join(", ")));
            }
            format!("region {q}: {}", parts.join(", "))
        }
        Reason::Industry(i, IndustryMatch::Aimed) => format!(
            "industry {i}: aimed at {i}{}",
            why("industries", &i.to_string())
        ),
        Reason::Industry(i, IndustryMatch::Any) => format!("industry {i}: any industry"),
        Reason::Status(s) => format!("status: {}", status(*s)),
    }
}

/// ` (quoted: “Beijing”)`, ` (judged: …)`, or nothing when no basis is recorded.
fn basis_note(b: Option<&Basis>) -> String {
    match b {
        Some(Basis { quote: Some(q), .. }) => format!(" (quoted: “{q}”)"),
        Some(Basis {
            judged: Some(r), ..
        }) => format!(" (judged: {r})"),
        _ => String::new(),
    }
}

/// Why one classification value is there, for `show`: `jurisdiction cn: judged: …`,
/// `industry finance: quoted: “financial institutions”`, or no basis recorded.
pub fn basis(field: &str, value: &str, b: Option<&Basis>) -> String {
    let label = match field {
        "jurisdictions" => "jurisdiction",
        "industries" => "industry",
        "aliases" => "alias",
        other => other,
    };
    match b {
        Some(Basis { quote: Some(q), .. }) => format!("{label} {value}: quoted: “{q}”"),
        Some(Basis {
            judged: Some(r), ..
        }) => format!("{label} {value}: judged: {r}"),
        _ => format!("{label} {value}: no basis recorded"),
    }
}

/// `unstated`, `active`, `expired on 2026-03-31`, `not yet achieved (achieved 2027-06)`.
pub fn status(s: StatusAsOf) -> String {
    match (s.status, s.date) {
        (Lifecycle::Expired, Some(d)) => format!("expired on {d}"),
        (Lifecycle::NotYetAchieved, Some(d)) => format!("not yet achieved (achieved {d})"),
        (other, _) => other.to_string(),
    }
}

/// `Region and Industry Recognition › C5, Tencent Cloud`; the document's id when
/// the catalog has no manifest to name it. The page's stamp has its own line.
pub fn source(s: &SourceRef, manifest: Option<&Manifest>) -> String {
    cited(s, manifest, None)
}

/// As [`source`], with the section's stamp before the document's address:
/// `Region and Industry Recognition › OSPAR, Tencent Cloud, last updated 2024-09-03
/// 14:08:54`. Reports and answers cite this way.
pub fn cited(s: &SourceRef, manifest: Option<&Manifest>, stamp: Option<Timestamp>) -> String {
    let doc = manifest.and_then(|m| m.document(&s.document));
    let mut text = match doc {
        Some(d) => format!("{} › {}, {}", d.title, s.section, d.publisher),
        None => format!("{} › {}", s.document, s.section),
    };
    if let Some(u) = stamp {
        text.push_str(&format!(", last updated {u}"));
    }
    if let Some(url) = doc.and_then(|d| d.url.as_ref()) {
        text.push_str(&format!(", {url}"));
    }
    text
}

/// `de (Germany)`, `eu (European Union)`, `global`.
pub fn jurisdiction(j: &Jurisdiction) -> String {
    match j {
        Jurisdiction::Global => "global".to_owned(),
        Jurisdiction::Eu => "eu (European Union)".to_owned(),
        Jurisdiction::Country(c) => format!("{c} ({})", c.name()),
    }
}

/// `de (Germany), eu (European Union)`: the entry's jurisdictions with their names.
pub fn jurisdictions(e: &Entry) -> String {
    e.jurisdictions
        .iter()
        .map(jurisdiction)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The codes of the places an entry applies in, each once: its jurisdictions, then
/// the countries of the regions it covers that no jurisdiction names (`cn`, `de eu`).
pub fn place_codes(e: &Entry) -> Vec<String> {
    let mut codes: Vec<String> = e.jurisdictions.iter().map(|j| j.to_string()).collect();
    for r in &e.scope.regions {
        let c = r.country.to_string();
        if !codes.contains(&c) {
            codes.push(c);
        }
    }
    codes
}

/// The places as people read them, each kind named and no place twice:
/// `sg (Singapore); data centres: Singapore`, `cn (China); data centres: Beijing,
/// Shanghai`, `global; data centres: Frankfurt (de)`.
pub fn places(e: &Entry) -> String {
    let mut parts = vec![jurisdictions(e)];
    if !e.scope.regions.is_empty() {
        // A covered region's country is said once: after its name only when no
        // jurisdiction has said it already.
        let named: Vec<String> = e
            .scope
            .regions
            .iter()
            .map(|r| {
                let said = e.jurisdictions.contains(&Jurisdiction::Country(r.country));
                if said { r.name.clone() } else { r.to_string() }
            })
            .collect();
        parts.push(format!("data centres: {}", named.join(", ")));
    }
    parts.join("; ")
}

/// The industries line of `show` and the site: `finance, healthcare`, or `any
/// (cross-industry)`.
pub fn industries_line(e: &Entry) -> String {
    if e.industries.is_empty() {
        format!("{ANY_INDUSTRY} (cross-industry)")
    } else {
        industries(e, ", ")
    }
}

/// The industries an entry is aimed at, joined with `sep`; for a cross-industry
/// entry, `any`.
pub fn industries(e: &Entry, sep: &str) -> String {
    if e.industries.is_empty() {
        return ANY_INDUSTRY.to_owned();
    }
    e.industries
        .iter()
        .map(|i| i.as_str())
        .collect::<Vec<_>>()
        .join(sep)
}

/// How to obtain an evidence item: `ticket, contact`; `not stated` when the entry
/// does not say; blank for an entry with no evidence (its TYPE says so).
pub fn access(item: Option<&Evidence>) -> String {
    match item {
        None => String::new(),
        Some(i) if i.access.is_empty() => NOT_STATED.to_owned(),
        Some(i) => ways(&i.access),
    }
}

/// `ticket or contact`: the ways to obtain an item, as every renderer words them.
fn ways(access: &[Access]) -> String {
    access
        .iter()
        .map(|a| a.as_str())
        .collect::<Vec<_>>()
        .join(" or ")
}

/// Whom to ask; `not stated` when the entry does not say.
pub fn contact(item: Option<&Evidence>) -> String {
    match item {
        None => String::new(),
        Some(i) => i.contact.clone().unwrap_or_else(|| NOT_STATED.to_owned()),
    }
}

/// One line for an evidence item: what it is, its number, and how to get it.
pub fn evidence(ev: &Evidence) -> String {
    let mut s = ev.kind.to_string();
    if let Some(t) = &ev.title {
        s.push_str(&format!(": {t}"));
    }
    if let Some(r) = &ev.reference {
        s.push_str(&format!(" (No. {r})"));
    }
    if ev.access.is_empty() {
        s.push_str("; how to obtain it is not stated");
    } else {
        s.push_str(&format!("; obtain by {}", ways(&ev.access)));
        if let Some(c) = &ev.contact {
            s.push_str(&format!(" ({c})"));
        }
    }
    if let Some(u) = &ev.url {
        s.push_str(&format!(" <{u}>"));
    }
    s
}

/// `4y 2m`, `3m`, `12d`; `in 45d` for dates ahead.
pub fn age(days: i64) -> String {
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

/// `6 years ago`, `3 months ago`, `today`: the age of a source page in `show`.
pub fn ago(days: i64) -> String {
    let d = days.unsigned_abs();
    let (n, unit) = if d >= 365 {
        (d / 365, "year")
    } else if d >= 60 {
        ((d as f64 / 30.44).round() as u64, "month")
    } else {
        (d, "day")
    };
    match (days, n) {
        (0, _) => "today".to_owned(),
        (x, n) if x < 0 => format!("in {n} {unit}{}", plural(n)),
        (_, n) => format!("{n} {unit}{} ago", plural(n)),
    }
}

fn plural(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `fisc is expired on 2026-03-31`: why `require` refuses an entry that is not current.
pub fn not_current(e: &Entry, s: StatusAsOf) -> String {
    format!("{} is {}, not current", e.id, status(s))
}

/// Why an entry does not apply in a region, with where it does apply; for a group,
/// the members it does not apply in.
pub fn not_in_region(e: &Entry, q: &RegionQuery, exact: bool, missing: &[Country]) -> String {
    let exact_note = if exact && e.is_global() {
        "; it is global, which --exact does not count"
    } else {
        ""
    };
    let members = if missing.is_empty() {
        String::new()
    } else {
        let codes: Vec<&str> = missing.iter().map(|c| c.code()).collect();
        format!(
            "; {q} means every member, and it does not apply to {}",
            codes.join(", ")
        )
    };
    format!(
        "{} does not apply to {q} (it applies to {}){members}{exact_note}",
        e.id,
        place_codes(e).join(", ")
    )
}

/// `ospar is unstated, not stated as active`.
pub fn not_stated_active(e: &Entry, s: StatusAsOf) -> String {
    format!("{} is {}, not stated as active", e.id, status(s))
}

/// `ospar is valid until 2026-03-31, before 2026-06-30` or `… gives no valid_until`.
pub fn expires(e: &Entry, until: Option<PartialDate>, needed: NaiveDate) -> String {
    match until {
        Some(d) => format!("{} is valid until {d}, before {needed}", e.id),
        None => format!(
            "{} gives no `valid_until`, so it cannot be shown to be valid until {needed}",
            e.id
        ),
    }
}

/// Why an entry does not serve an industry, with what it is aimed at.
pub fn not_for_industry(e: &Entry, i: Industry, exact: bool) -> String {
    if e.industries.is_empty() {
        // Only reachable with --exact: cross-industry entries serve every industry.
        let _ = exact;
        return format!(
            "{} is not aimed at {i} in particular (it is cross-industry, which --exact does not count)",
            e.id
        );
    }
    let aimed: Vec<String> = e.industries.iter().map(|i| i.to_string()).collect();
    format!(
        "{} is not aimed at {i} (it is aimed at {})",
        e.id,
        aimed.join(", ")
    )
}

/// The last line of a table that had to leave columns out to fit the terminal.
pub fn hidden_columns(headers: &[&str]) -> String {
    format!(
        "(left out to fit: {}; --format csv or a wider terminal shows them)",
        headers.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_like_people_write_them() {
        assert_eq!(age(12), "12d");
        assert_eq!(age(-45), "in 45d");
        assert_eq!(age(95), "3m");
        assert_eq!(age(365), "1y");
        assert_eq!(age(3079), "8y 5m");
        assert_eq!(ago(0), "today");
        assert_eq!(ago(1), "1 day ago");
        assert_eq!(ago(2232), "6 years ago");
        assert_eq!(ago(-400), "in 1 year");
    }
}
