//! `certs report`: a [`Brief`] as a document, in text, Markdown or HTML. The content
//! is laid out once as [`Block`]s, in [`blocks`]; each format only marks them up, so
//! the three say the same things in the same order.

use std::io::{self, Write};

use maud::{DOCTYPE, PreEscaped, html};

use super::words;
use crate::answer::brief::Brief;
use crate::answer::query::{Selection, StatusPick};
use crate::catalog::Catalog;
use crate::catalog::entry::{Entry, LIST_SEPARATOR};
use crate::catalog::region::RegionQuery;
use crate::catalog::untrusted::printable;

/// One piece of the document.
pub enum Block {
    Title(String),
    Heading(String),
    /// A heading that starts a new page when printed.
    Section(String),
    Subheading(String),
    Para(String),
    /// Labelled lines: (label, value).
    Facts(Vec<(&'static str, String)>),
    List(Vec<String>),
    Table(Vec<&'static str>, Vec<Vec<String>>),
}

/// The question, in words: `Certifications, attestations and audits that apply in
/// Singapore (sg) for finance, as of 2026-12-02`.
pub fn question(selection: &Selection) -> String {
    let mut q = "Certifications, attestations and audits".to_owned();
    if !selection.kinds.is_empty() {
        let kinds: Vec<&str> = selection.kinds.iter().map(|k| k.as_str()).collect();
        q.push_str(&format!(" of kind {}", kinds.join(" or ")));
    }
    if !selection.regions.is_empty() {
        let places: Vec<String> = selection.regions.iter().map(place).collect();
        q.push_str(&format!(" that apply {}", places.join(" or ")));
    }
    if !selection.industries.is_empty() {
        let names: Vec<String> = selection.industries.iter().map(|i| i.to_string()).collect();
        q.push_str(&format!(" for {}", names.join(" or ")));
    }
    if selection.exact {
        q.push_str(", naming the region or industry themselves");
    }
    if !selection.search.is_empty() {
        q.push_str(", matching the search");
    }
    if let Some(d) = selection.updated_before {
        q.push_str(&format!(", source page updated before {d}"));
    }
    if let Some(d) = selection.updated_since {
        q.push_str(&format!(", source page updated since {d}"));
    }
    match &selection.statuses {
        StatusPick::Current => {}
        StatusPick::All => q.push_str(", in any status"),
        StatusPick::Only(states) => {
            let names: Vec<String> = states.iter().map(|s| s.to_string()).collect();
            q.push_str(&format!(", {}", names.join(" or ")));
        }
    }
    q.push_str(&format!(", as of {}", selection.as_of));
    q
}

fn place(q: &RegionQuery) -> String {
    match q {
        RegionQuery::Global => "everywhere (global)".to_owned(),
        RegionQuery::Group(g) => format!("in {} ({})", g.description, g.name),
        RegionQuery::Country(c) => format!("in {} ({})", c.name(), c.code()),
    }
}

/// `Region and Industry Recognition › OSPAR, last updated 2024-09-03 14:08:54`, and
/// the document's address when the manifest gives one.
pub fn citation(e: &Entry, catalog: &Catalog) -> Option<String> {
    let source = e.source.as_ref()?;
    Some(words::cited(source, catalog.manifest(), e.source_updated))
}

/// The document, block by block.
pub fn blocks(b: &Brief<'_>, selection: &Selection, catalog: &Catalog) -> Vec<Block> {
    let mut out = vec![Block::Title(question(selection))];
    let mut about = Vec::new();
    if let Some(m) = catalog.manifest() {
        about.push((
            "catalog",
            format!("{}, published by {}", m.title, m.publisher),
        ));
        for d in &m.sources {
            let newest = catalog
                .entries()
                .iter()
                .filter(|e| e.source.as_ref().is_some_and(|s| s.document == d.id))
                .filter_map(|e| e.source_updated)
                .max();
            let mut line = format!("{} ({})", d.title, d.publisher);
            if let Some(n) = newest {
                line.push_str(&format!(", newest section updated {n}"));
            }
            if let Some(url) = &d.url {
                line.push_str(&format!(", {url}"));
            }
            about.push(("source", line));
        }
    }
    about.push((
        "as of",
        format!("{}: every status below is judged on this day", b.as_of),
    ));
    out.push(Block::Facts(about));

    out.push(Block::Heading("Summary".into()));
    if b.entries.is_empty() {
        out.push(Block::Para("No entry answers the question.".into()));
    } else {
        out.push(Block::Para(format!(
            "{} {} the question.",
            b.entries.len(),
            if b.entries.len() == 1 {
                "entry answers"
            } else {
                "entries answer"
            }
        )));
        out.push(Block::Table(
            vec!["Entry", "Kind", "Status", "Why it applies"],
            b.entries
                .iter()
                .map(|s| {
                    vec![
                        format!("{} ({})", s.entry.name, s.entry.id),
                        s.entry.kind.to_string(),
                        words::status(s.why.status),
                        s.why
                            .reasons
                            .iter()
                            .map(|r| words::reason(r, s.entry))
                            .collect::<Vec<_>>()
                            .join(LIST_SEPARATOR),
                    ]
                })
                .collect(),
        ));
    }

    for s in &b.entries {
        let e = s.entry;
        out.push(Block::Section(format!("{} ({})", e.name, e.id)));
        out.push(Block::Para(
            e.summary.split_whitespace().collect::<Vec<_>>().join(" "),
        ));
        let mut facts = vec![
            ("kind", e.kind.to_string()),
            ("status", words::status(s.why.status)),
            ("where", words::jurisdictions(e)),
            ("industries", words::industries_line(e)),
        ];
        let mut add = |label, value: Option<String>| {
            if let Some(v) = value {
                facts.push((label, v));
            }
        };
        add("full name", e.full_name.clone());
        add("issuer", e.issuer.clone());
        add("auditor", e.auditor.clone());
        add("level", e.scope.level.clone());
        add("data centres", e.scope.data_centres.map(|n| n.to_string()));
        add(
            "regions",
            (!e.scope.regions.is_empty()).then(|| {
                e.scope
                    .regions
                    .iter()
                    .map(|r| format!("{} ({})", r.name, r.country))
                    .collect::<Vec<_>>()
                    .join(LIST_SEPARATOR)
            }),
        );
        add(
            "services",
            (!e.scope.services.is_empty()).then(|| e.scope.services.join(LIST_SEPARATOR)),
        );
        add(
            "standards",
            (!e.standards.is_empty()).then(|| e.standards.join(LIST_SEPARATOR)),
        );
        add("achieved", e.achieved.map(|d| d.to_string()));
        add("valid until", e.valid_until.map(|d| d.to_string()));
        add(
            "period",
            e.period
                .as_ref()
                .map(|p| format!("{} to {}", p.start, p.end)),
        );
        out.push(Block::Facts(facts));
        out.push(Block::Subheading("Evidence and how to obtain it".into()));
        out.push(Block::List(if e.evidence.is_empty() {
            vec![format!("{} by the source", words::NONE_STATED)]
        } else {
            e.evidence.iter().map(words::evidence).collect()
        }));
        out.push(Block::Para(format!(
            "Citation: {}.",
            citation(e, catalog).unwrap_or_else(|| "the entry cites no source".to_owned())
        )));
    }

    out.push(Block::Section("Gaps".into()));
    let g = &b.gaps;
    let names = |entries: &mut dyn Iterator<Item = String>| entries.collect::<Vec<_>>().join(", ");
    let mut gaps = Vec::new();
    gaps.push(if g.no_evidence.is_empty() {
        "Every entry above names evidence a customer can obtain.".to_owned()
    } else {
        format!(
            "No evidence stated by the source: {}.",
            names(&mut g.no_evidence.iter().map(|e| e.id.to_string()))
        )
    });
    let stale_day = b.stale_after.before(b.as_of);
    gaps.push(if g.stale.is_empty() {
        format!(
            "No source section is older than {} (updated before {stale_day}).",
            b.stale_after
        )
    } else {
        format!(
            "Source section older than {} (updated before {stale_day}): {}.",
            b.stale_after,
            names(
                &mut g
                    .stale
                    .iter()
                    .map(|(e, days)| format!("{} ({})", e.id, words::age(*days)))
            )
        )
    });
    let horizon = b.expiring_within.after(b.as_of);
    gaps.push(if g.expiring.is_empty() {
        format!(
            "Nothing above expires within {} (by {horizon}).",
            b.expiring_within
        )
    } else {
        format!(
            "Expiring within {} (by {horizon}): {}.",
            b.expiring_within,
            names(
                &mut g
                    .expiring
                    .iter()
                    .map(|(e, until)| format!("{} (valid until {until})", e.id))
            )
        )
    });
    gaps.push(if g.left_out.is_empty() {
        "No entry was left out for its status: every entry that answers the question in any status is above.".to_owned()
    } else {
        format!(
            "Left out for their status on {}: {}.",
            b.as_of,
            names(&mut g.left_out.iter().map(|s| format!("{} ({})", s.entry.id, words::status(s.why.status))))
        )
    });
    out.push(Block::List(gaps));
    out
}

/// Plain text.
pub fn text(out: &mut dyn Write, blocks: &[Block]) -> io::Result<()> {
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        match block {
            Block::Title(t) => {
                let t = printable(t);
                writeln!(out, "{t}\n{}", "=".repeat(t.chars().count().min(79)))?
            }
            Block::Heading(t) | Block::Section(t) => {
                let t = printable(t);
                writeln!(out, "{t}\n{}", "-".repeat(t.chars().count().min(79)))?
            }
            Block::Subheading(t) => writeln!(out, "{}:", printable(t))?,
            Block::Para(t) => writeln!(out, "{}", printable(t))?,
            Block::Facts(facts) => {
                for (label, value) in facts {
                    writeln!(out, "{:<14}{}", format!("{label}:"), printable(value))?;
                }
            }
            Block::List(items) => {
                for item in items {
                    writeln!(out, "- {}", printable(item))?;
                }
            }
            Block::Table(headers, rows) => {
                for row in rows {
                    let cells: Vec<String> = headers
                        .iter()
                        .zip(row)
                        .map(|(h, c)| format!("{}: {}", h.to_lowercase(), printable(c)))
                        .collect();
                    writeln!(out, "- {}", cells.join("; "))?;
                }
            }
        }
    }
    Ok(())
}

/// Markdown that renders in common viewers: headings, pipe tables, lists, no HTML.
pub fn markdown(out: &mut dyn Write, blocks: &[Block]) -> io::Result<()> {
    use super::markdown::escape;
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        match block {
            Block::Title(t) => writeln!(out, "# {}", escape(t))?,
            Block::Heading(t) | Block::Section(t) => writeln!(out, "## {}", escape(t))?,
            Block::Subheading(t) => writeln!(out, "### {}", escape(t))?,
            Block::Para(t) => writeln!(out, "{}", escape(t))?,
            Block::Facts(facts) => {
                for (label, value) in facts {
                    writeln!(out, "- **{label}**: {}", escape(value))?;
                }
            }
            Block::List(items) => {
                for item in items {
                    writeln!(out, "- {}", escape(item))?;
                }
            }
            Block::Table(headers, rows) => super::markdown::write_table(out, headers, rows)?,
        }
    }
    Ok(())
}

/// One HTML file: inline style, no script, no request; laid out for print, each
/// entry on a page of its own and no table cut across pages.
pub fn html_page(out: &mut dyn Write, blocks: &[Block]) -> io::Result<()> {
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Title(t) => Some(t.as_str()),
            _ => None,
        })
        .unwrap_or("certs report");
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                main {
                    @for block in blocks {
                        @match block {
                            Block::Title(t) => h1 { (t) },
                            Block::Heading(t) => h2 { (t) },
                            Block::Section(t) => h2.page { (t) },
                            Block::Subheading(t) => h3 { (t) },
                            Block::Para(t) => p { (t) },
                            Block::Facts(facts) => dl {
                                @for (label, value) in facts { dt { (label) } dd { (value) } }
                            },
                            Block::List(items) => ul { @for item in items { li { (item) } } },
                            Block::Table(headers, rows) => table {
                                thead { tr { @for h in headers { th scope="col" { (h) } } } }
                                tbody { @for row in rows { tr { @for cell in row { td { (cell) } } } } }
                            },
                        }
                    }
                }
            }
        }
    };
    out.write_all(page.into_string().as_bytes())?;
    writeln!(out)
}

const STYLE: &str = "\
body{font:11pt/1.45 system-ui,sans-serif;color:#1a1a1a;max-width:48rem;margin:2rem auto;padding:0 1rem}\
h1{font-size:1.5rem;line-height:1.25}h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1rem}\
dl{display:grid;grid-template-columns:9rem 1fr;gap:.15rem .75rem}dt{color:#555}dd{margin:0}\
table{border-collapse:collapse;width:100%;break-inside:avoid}th,td{border:1px solid #bbb;padding:.3rem .4rem;text-align:left;vertical-align:top}\
th{background:#f0f0f0}tr{break-inside:avoid}\
@media print{body{margin:0;max-width:none}h2.page{break-before:page}h2,h3{break-after:avoid}}";
