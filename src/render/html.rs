//! The static trust page, as HTML. maud builds it at compile time, and escapes every
//! value it inserts, so no catalog text can become markup; links are only the
//! catalog's validated `http`/`https` links. Every link between pages is relative,
//! so the site works from `file://` and from any sub-path.

use std::path::PathBuf;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::text::{Section, ShowContext, heading, lines, sections};
use super::words;
use crate::answer::query::{Lifecycle, StatusAsOf, status_as_of};
use crate::answer::report::Mark;
use crate::answer::site::{IndexRow, Plan, SiteMatrix, ValuePage, entry_path};
use crate::catalog::Catalog;
use crate::catalog::entry::{Entry, Industry, Kind};
use crate::catalog::manifest::Manifest;

const STYLE: &str = include_str!("site/style.css");

/// The site's data files. `certs site` writes each; every page links them.
#[derive(Debug, Clone, Copy)]
pub enum DataFile {
    /// `certs list --format json`.
    Json,
    /// `certs list --format csv`.
    Csv,
    /// `certs export oscal`.
    Oscal,
}

impl DataFile {
    pub const ALL: [DataFile; 3] = [DataFile::Json, DataFile::Csv, DataFile::Oscal];

    /// The file's name in the site, its media type, and what it is.
    pub fn describe(self) -> (&'static str, &'static str, &'static str) {
        match self {
            DataFile::Json => (
                "catalog.json",
                "application/json",
                "the entries as `certs list --format json` writes them, with each entry's status as of the page's day.",
            ),
            DataFile::Csv => (
                "catalog.csv",
                "text/csv",
                "the same, one row per entry, as `certs list --format csv` writes it.",
            ),
            DataFile::Oscal => (
                "catalog.oscal.json",
                "application/oscal+json",
                "a NIST OSCAL 1.2.1 component definition, one validation component per entry, as `certs export oscal` writes it.",
            ),
        }
    }
}

/// The JSON Schema of an entry as `catalog.json` writes it (`certs schema --output`).
pub const SCHEMA_FILE: &str = "schema/entry.schema.json";
const SCRIPT: &str = include_str!("site/app.js");

/// One file of the site. The list of them is made first and cheaply, so the output
/// folder can be checked against every path before a page is built; then each page
/// is built and written on its own, so one page at a time is in memory.
#[derive(Debug, Clone, Copy)]
pub enum Page {
    Style,
    Script,
    Index,
    Matrix,
    /// The change log for people.
    Changes,
    /// The change log as an Atom feed.
    Feed,
    /// The `i`-th row of the index.
    Entry(usize),
    /// The `i`-th region page.
    Region(usize),
    /// The `i`-th industry page.
    Industry(usize),
}

/// Every page of the site, plus its stylesheet and script, in a fixed order.
pub fn pages(plan: &Plan<'_>) -> Vec<Page> {
    let mut all = vec![
        Page::Style,
        Page::Script,
        Page::Index,
        Page::Matrix,
        Page::Changes,
        Page::Feed,
    ];
    all.extend((0..plan.rows.len()).map(Page::Entry));
    all.extend((0..plan.regions.len()).map(Page::Region));
    all.extend((0..plan.industries.len()).map(Page::Industry));
    all
}

impl Page {
    /// Where the page goes, inside the output folder.
    pub fn path(self, plan: &Plan<'_>) -> PathBuf {
        match self {
            Page::Style => "style.css".into(),
            Page::Script => "app.js".into(),
            Page::Index => "index.html".into(),
            Page::Matrix => "matrix.html".into(),
            Page::Changes => "changes.html".into(),
            Page::Feed => "feed.xml".into(),
            Page::Entry(i) => entry_path(plan.rows[i].selected.entry).into(),
            Page::Region(i) => format!("regions/{}.html", plan.regions[i].slug).into(),
            Page::Industry(i) => format!("industries/{}.html", plan.industries[i].slug).into(),
        }
    }

    /// The page's bytes.
    pub fn build(self, plan: &Plan<'_>, catalog: &Catalog) -> Vec<u8> {
        let page = match self {
            Page::Style => return STYLE.as_bytes().to_vec(),
            Page::Script => return SCRIPT.as_bytes().to_vec(),
            Page::Index => index(plan),
            Page::Matrix => matrix(plan),
            Page::Changes => super::history::page(plan, layout),
            Page::Feed => return super::history::feed(plan).into_bytes(),
            Page::Entry(i) => entry(plan, plan.rows[i].selected.entry, catalog.manifest()),
            Page::Region(i) => {
                let p = &plan.regions[i];
                value_page(plan, &format!("{} ({})", p.facet.name, p.slug), p, "region")
            }
            Page::Industry(i) => {
                let p = &plan.industries[i];
                value_page(plan, &format!("Industry: {}", p.slug), p, "industry")
            }
        };
        page.into_string().into_bytes()
    }
}

/// The frame of every page: landmarks, one `h1`, links relative to `root`.
pub(super) fn layout(plan: &Plan<'_>, root: &str, h1: &str, body: Markup, script: bool) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { @if h1 == plan.title { (h1) } @else { (h1) " · " (plan.title) } }
                meta name="description" content=(description(plan, h1));
                // No icon file to fetch: a browser asks for /favicon.ico otherwise.
                link rel="icon" href="data:,";
                link rel="stylesheet" href={ (root) "style.css" };
                // The page's data, for machines: the same answer as the page.
                @for (file, media, _) in DataFile::ALL.map(DataFile::describe) {
                    link rel="alternate" type=(media) href={ (root) (file) };
                }
                link rel="describedby" type="application/schema+json" href={ (root) (SCHEMA_FILE) };
                link rel="alternate" type="application/atom+xml" title="Changes" href={ (root) "feed.xml" };
            }
            body {
                header {
                    p { a href={ (root) "index.html" } { (plan.title) } }
                    nav aria-label="Site" {
                        ul {
                            li { a href={ (root) "index.html" } { "All entries" } }
                            li { a href={ (root) "index.html#regions" } { "By region" } }
                            li { a href={ (root) "index.html#industries" } { "By industry" } }
                            li { a href={ (root) "matrix.html" } { "Coverage matrix" } }
                            li { a href={ (root) "changes.html" } { "Changes" } }
                            li { a href={ (root) "catalog.json" } { "JSON" } }
                            li { a href={ (root) "catalog.csv" } { "CSV" } }
                        }
                    }
                }
                main id="main" {
                    h1 { (h1) }
                    (body)
                }
                footer {
                    p.muted {
                        "Status as of " (plan.as_of.to_string()) "."
                        @if let Some(p) = &plan.publisher { " Facts from " (p) "'s documentation, each entry citing its section." }
                        " Built with certs."
                    }
                }
                @if script { script src={ (root) "app.js" } {} }
            }
        }
    }
}

/// What a page is about, for search results: the page, and whose catalog it is.
fn description(plan: &Plan<'_>, h1: &str) -> String {
    let whose = plan
        .publisher
        .as_deref()
        .map_or_else(String::new, |p| format!(" from {p}'s documentation"));
    if h1 == plan.title {
        format!(
            "{} certifications, attestations and audits{whose}: where each applies, its status as of {}, and the evidence behind it.",
            plan.rows.len(),
            plan.as_of
        )
    } else {
        format!(
            "{h1}: where it applies, its status as of {}, and the evidence behind it{whose}.",
            plan.as_of
        )
    }
}

fn index(plan: &Plan<'_>) -> Markup {
    let kinds: Vec<Kind> = Kind::ALL
        .iter()
        .copied()
        .filter(|k| plan.rows.iter().any(|r| r.selected.entry.kind == *k))
        .collect();
    let body = html! {
        p { (plan.rows.len()) " entries. Choose a region or an industry to see what applies there, and why." }
        form #filters .filters role="search" aria-label="Filter entries" hidden {
            div {
                label for="f-region" { "Region" }
                select #f-region {
                    option value="" { "Any region" }
                    @for p in &plan.regions { option value=(p.slug) { (p.facet.name) " (" (p.slug) ")" } }
                }
            }
            div {
                label for="f-industry" { "Industry" }
                select #f-industry {
                    option value="" { "Any industry" }
                    @for p in &plan.industries { option value=(p.slug) { (p.slug) } }
                }
            }
            div {
                label for="f-kind" { "Kind" }
                select #f-kind {
                    option value="" { "Any kind" }
                    @for k in &kinds { option value=(k.as_str()) { (k.as_str()) } }
                }
            }
            div {
                label for="f-text" { "Text" }
                input #f-text type="search" placeholder="e.g. SOC 2, 01018";
            }
        }
        p #count aria-live="polite" { (plan.rows.len()) " entries" }
        div.scroll {
            table {
                caption { "Certifications, attestations and audits" }
                thead { tr {
                    th scope="col" { "Name" }
                    th scope="col" { "Kind" }
                    th scope="col" { "Where" }
                    th scope="col" { "Industries" }
                    th scope="col" { "Status" }
                    th scope="col" { "Source updated" }
                } }
                tbody {
                    @for row in &plan.rows { (index_row(row)) }
                }
            }
        }
        h2 #regions { "By region" }
        ul.columns { @for p in &plan.regions {
            li { a href={ "regions/" (p.slug) ".html" } { (p.facet.name) " (" (p.slug) ")" } " " span.muted { (p.entries.len()) } }
        } }
        h2 #industries { "By industry" }
        ul.columns { @for p in &plan.industries {
            li { a href={ "industries/" (p.slug) ".html" } { (p.slug) } " " span.muted { (p.entries.len()) } }
        } }
        h2 #data { "Data" }
        p { "The entries of this page, for programs: each file holds exactly what the page shows, built from the same catalog in the same run, and is linked from every page's head." }
        ul {
            @for (file, media, what) in DataFile::ALL.map(DataFile::describe) {
                li { a href=(file) type=(media) { (file) } " (" code { (media) } "): " (what) }
            }
            li { a href=(SCHEMA_FILE) type="application/schema+json" { (SCHEMA_FILE) } " (" code { "application/schema+json" } "): the JSON Schema of an entry as catalog.json writes it." }
        }
    };
    layout(plan, "", &plan.title, body, true)
}

fn index_row(row: &IndexRow<'_>) -> Markup {
    let e = row.selected.entry;
    let industries: Vec<&str> = row
        .industries
        .iter()
        .map(|i: &Industry| i.as_str())
        .collect();
    html! {
        tr data-id=(e.id.as_str()) data-regions=(row.regions.join(" ")) data-industries=(industries.join(" ")) data-kind=(e.kind.as_str()) data-text=(row.text) {
            td data-label="Name" { a href=(entry_path(e)) { (e.name) } @if let Some(f) = &e.full_name { br; span.muted { (f) } } }
            td data-label="Kind" { (e.kind.as_str()) }
            td data-label="Where" { (words::places(e)) }
            td data-label="Industries" { (words::industries_line(e)) }
            td data-label="Status" { (status_badge(row.selected.why.status)) }
            td data-label="Source updated" { @if let Some(u) = e.source_updated { (u.date().to_string()) } }
        }
    }
}

/// A status in words, styled by what it means (current, lapsed, not yet, unknown):
/// the words carry the meaning, the colour only repeats it.
fn status_badge(s: StatusAsOf) -> Markup {
    let class = match s.status {
        Lifecycle::Active => "status current",
        Lifecycle::Unstated | Lifecycle::InProgress => "status unknown",
        Lifecycle::NotYetAchieved => "status pending",
        Lifecycle::Expired | Lifecycle::Superseded | Lifecycle::Withdrawn => "status lapsed",
    };
    html! { span class=(class) { (words::status(s)) } }
}

fn entry(plan: &Plan<'_>, e: &Entry, manifest: Option<&Manifest>) -> Markup {
    let ctx = ShowContext {
        status: status_as_of(e, plan.as_of),
        today: plan.as_of,
        manifest,
    };
    let changed: Vec<(usize, &crate::answer::history::Record)> =
        plan.history.of(e.id.as_str()).collect();
    let body = html! {
        dl.fields {
            @for (label, value) in lines(e, &ctx) { dt { (label) } dd { (value) } }
            dt { "last changed" }
            dd {
                @match changed.first() {
                    Some((i, r)) => {
                        (r.date.to_string()) " ("
                        a href={ "../changes.html#" (plan.history.anchor(*i)) } { "what changed" }
                        @if changed.len() > 1 { ", and " (changed.len() - 1) " earlier" }
                        ")"
                    }
                    None => "no change recorded since this site's history began",
                }
            }
        }
        @for section in sections(e) {
            h2 { (section.title()) }
            @match section {
                Section::Summary(text) => { p { (text) } }
                Section::Evidence(items) | Section::Basis(items) => { ul { @for item in &items { li { (item) } } } }
                Section::Links(links) => {
                    ul { @for l in links { li { a href=(l.as_str()) rel="external noopener" { (l.as_str()) } } } }
                }
            }
        }
    };
    layout(plan, "../", &heading(e, " — "), body, false)
}

fn value_page<F>(plan: &Plan<'_>, title: &str, p: &ValuePage<'_, F>, what: &str) -> Markup {
    let body = html! {
        p { (p.entries.len()) " entries apply, exactly those " code { "certs list --" (what) " " (p.slug) } " returns for this catalog." }
        div.scroll {
            table {
                caption { "Entries and why each applies" }
                thead { tr {
                    th scope="col" { "Name" }
                    th scope="col" { "Kind" }
                    th scope="col" { "Why it applies" }
                    th scope="col" { "Status" }
                } }
                tbody {
                    @for s in &p.entries {
                        tr data-id=(s.entry.id.as_str()) {
                            td data-label="Name" { a href={ "../" (entry_path(s.entry)) } { (s.entry.name) } }
                            td data-label="Kind" { (s.entry.kind.as_str()) }
                            td data-label="Why it applies" { ul { @for r in &s.why.reasons { li { (words::reason(r, s.entry)) } } } }
                            td data-label="Status" { (status_badge(s.why.status)) }
                        }
                    }
                }
            }
        }
    };
    layout(plan, "../", title, body, false)
}

fn matrix(plan: &Plan<'_>) -> Markup {
    let m = match &plan.matrix {
        SiteMatrix::Built(m) => m,
        SiteMatrix::TooLarge { entries, columns } => {
            let body = html! {
                p {
                    "The matrix of these " (entries) " entries by " (columns) " regions would have "
                    (entries * columns) " cells, more than the "
                    (crate::answer::report::MAX_TABLE_CELLS) " a page lays out. "
                    "Each entry's page says where it applies, each region's page lists what applies there, and "
                    a href="catalog.csv" { "catalog.csv" } " has every entry's jurisdictions."
                }
            };
            return layout(plan, "", "Coverage matrix", body, false);
        }
    };
    let body = html! {
        p.legend {
            span aria-hidden="true" { (PreEscaped("&#9679;")) } " names the region (a jurisdiction, or a data centre there); "
            span aria-hidden="true" { (PreEscaped("&#9675;")) } " applies there because it is global; blank: does not apply. The columns are the places the entries name, as they write them."
        }
        div.scroll {
            table.matrix {
                caption { "Coverage matrix" }
                thead { tr {
                    th scope="col" { "Entry" }
                    @for c in &m.columns {
                        th scope="col" {
                            a href={ "regions/" (c) ".html" } { abbr title=(region_name(plan, c)) { (c) } }
                        }
                    }
                } }
                tbody {
                    @for r in &m.rows {
                        tr {
                            th scope="row" { a href={ "entries/" (r.id) ".html" } { (r.id) } }
                            @for (c, mark) in m.columns.iter().zip(&r.marks) {
                                td.mark {
                                    @match mark {
                                        Mark::Named => span role="img" aria-label={ "names " (c) } { (PreEscaped("&#9679;")) },
                                        Mark::Global | Mark::Any => span role="img" aria-label={ "global, so " (c) } { (PreEscaped("&#9675;")) },
                                        Mark::None => {},
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    layout(plan, "", "Coverage matrix", body, false)
}

/// A region column's name, from its page: `Singapore`.
fn region_name(plan: &Plan<'_>, code: &str) -> String {
    plan.regions
        .iter()
        .find(|p| p.slug == code)
        .map_or_else(|| code.to_owned(), |p| p.facet.name.clone())
}
