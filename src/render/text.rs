//! `certs show` for people: labelled fields, the summary, the evidence, the links.
//! Absent fields are left out rather than printed empty.

use std::io::{self, Write};

use super::{Style, join, wrap};
use crate::model::{Entry, Evidence, Jurisdiction};

const LABEL: usize = 16;

pub fn show_text(out: &mut dyn Write, e: &Entry, style: &Style) -> io::Result<()> {
    let title = match &e.full_name {
        Some(full) => format!("{} — {full}", e.name),
        None => e.name.clone(),
    };
    writeln!(out, "{}", style.bold(&title))?;

    let mut fields: Vec<(&str, String)> = vec![("id", e.id.to_string())];
    let mut opt = |label, value: String| {
        if !value.is_empty() {
            fields.push((label, value));
        }
    };
    opt("aliases", e.aliases.join(", "));
    opt("kind", e.kind.to_string());
    opt("status", e.status.to_string());
    opt("issuer", e.issuer.clone().unwrap_or_default());
    opt("auditor", e.auditor.clone().unwrap_or_default());
    opt(
        "jurisdictions",
        e.jurisdictions
            .iter()
            .map(describe_jurisdiction)
            .collect::<Vec<_>>()
            .join(", "),
    );
    opt("industries", join(&e.industries, ", "));
    opt("level", e.scope.level.clone().unwrap_or_default());
    opt(
        "data centres",
        e.scope
            .data_centres
            .map(|n| n.to_string())
            .unwrap_or_default(),
    );
    opt(
        "regions",
        e.scope
            .regions
            .iter()
            .map(|r| format!("{} ({})", r.name, r.country))
            .collect::<Vec<_>>()
            .join(", "),
    );
    opt("services", e.scope.services.join(", "));
    opt("standards", e.standards.join("; "));
    opt(
        "achieved",
        e.achieved.map(|d| d.to_string()).unwrap_or_default(),
    );
    opt(
        "valid until",
        e.valid_until.map(|d| d.to_string()).unwrap_or_default(),
    );
    opt(
        "period",
        e.period
            .as_ref()
            .map(|p| format!("{} to {}", p.start, p.end))
            .unwrap_or_default(),
    );
    opt(
        "source updated",
        e.source_updated.map(|d| d.to_string()).unwrap_or_default(),
    );

    let indent = " ".repeat(LABEL + 2);
    for (label, value) in fields {
        let value = match style.width {
            Some(w) => wrap(&value, w as usize, &indent).trim_start().to_owned(),
            None => value,
        };
        writeln!(out, "  {}{value}", style.dim(&format!("{label:<LABEL$}")))?;
    }

    writeln!(out, "\n{}", style.bold("Summary"))?;
    match style.width {
        Some(w) => writeln!(out, "{}", wrap(&e.summary, w as usize, "  "))?,
        None => writeln!(
            out,
            "  {}",
            e.summary.split_whitespace().collect::<Vec<_>>().join(" ")
        )?,
    }

    writeln!(out, "\n{}", style.bold("Evidence"))?;
    if e.evidence.is_empty() {
        writeln!(out, "  none listed")?;
    }
    for ev in &e.evidence {
        let line = describe_evidence(ev);
        match style.width {
            Some(w) => writeln!(out, "  - {}", wrap(&line, w as usize, "    ").trim_start())?,
            None => writeln!(out, "  - {line}")?,
        }
    }

    if !e.links.is_empty() {
        writeln!(out, "\n{}", style.bold("Links"))?;
        for l in &e.links {
            writeln!(out, "  {l}")?;
        }
    }
    Ok(())
}

/// `de (Germany)`, `eu (European Union)`, `global`.
pub fn describe_jurisdiction(j: &Jurisdiction) -> String {
    match j {
        Jurisdiction::Global => "global".to_owned(),
        Jurisdiction::Eu => "eu (European Union)".to_owned(),
        Jurisdiction::Country(c) => format!("{c} ({})", c.name()),
    }
}

/// One line for an evidence item: what it is, its number, and how to get it.
pub fn describe_evidence(ev: &Evidence) -> String {
    let mut s = ev.kind.to_string();
    if let Some(t) = &ev.title {
        s.push_str(&format!(": {t}"));
    }
    if let Some(r) = &ev.reference {
        s.push_str(&format!(" (No. {r})"));
    }
    let how = access_text(ev);
    if !how.is_empty() {
        s.push_str(&format!("; {how}"));
    }
    if let Some(u) = &ev.url {
        s.push_str(&format!(" <{u}>"));
    }
    s
}

/// How to obtain an evidence item, in words: `by ticket or contact (Team X)`.
pub fn access_text(ev: &Evidence) -> String {
    if ev.access.is_empty() {
        return String::new();
    }
    let mut s = format!(
        "obtain by {}",
        ev.access
            .iter()
            .map(|a| a.as_str())
            .collect::<Vec<_>>()
            .join(" or ")
    );
    if let Some(c) = &ev.contact {
        s.push_str(&format!(" ({c})"));
    }
    s
}
