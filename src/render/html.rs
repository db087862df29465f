//! The static trust page, as HTML. maud builds it at compile time, and escapes every
//! value it inserts, so no catalog text can become markup; links are only the
//! catalog's validated `http`/`https` links. Every link between pages is relative,
//! so the site works from `file://` and from any sub-path.

use std::path::PathBuf;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::text::{Section, ShowContext, heading, lines, sections};
use super::words;
use crate::answer::query::status_as_of;
use crate::answer::report::Mark;
use crate::answer::site::{Files, IndexRow, Plan, ValuePage, entry_path};
use crate::catalog::Catalog;
use crate::catalog::entry::{Entry, Industry, Kind};
use crate::catalog::manifest::Manifest;

const STYLE: &str = include_str!("site/style.css");
const SCRIPT: &str = include_str!("site/app.js");

/// Every page of the site, plus its stylesheet and script.
pub fn pages(plan: &Plan<'_>, catalog: &Catalog) -> Files {
    let mut files: Files = vec![
        ("style.css".into(), STYLE.as_bytes().to_vec()),
        ("app.js".into(), SCRIPT.as_bytes().to_vec()),
        ("index.html".into(), index(plan).into_string().into_bytes()),
        (
            "matrix.html".into(),
            matrix(plan).into_string().into_bytes(),
        ),
    ];
    for row in &plan.rows {
        let e = row.selected.entry;
        let page = entry(plan, e, catalog.manifest());
        files.push((
            PathBuf::from(entry_path(e)),
            page.into_string().into_bytes(),
        ));
    }
    for p in &plan.regions {
        let title = format!("{} ({})", p.facet.name, p.slug);
        let page = value_page(plan, &title, p, "region");
        files.push((
            format!("regions/{}.html", p.slug).into(),
            page.into_string().into_bytes(),
        ));
    }
    for p in &plan.industries {
        let title = format!("Industry: {}", p.slug);
        let page = value_page(plan, &title, p, "industry");
        files.push((
            format!("industries/{}.html", p.slug).into(),
            page.into_string().into_bytes(),
        ));
    }
    files
}

/// The frame of every page: landmarks, one `h1`, links relative to `root`.
fn layout(plan: &Plan<'_>, root: &str, h1: &str, body: Markup, script: bool) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { @if h1 == plan.title { (h1) } @else { (h1) " · " (plan.title) } }
                link rel="stylesheet" href={ (root) "style.css" };
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
            td { a href=(entry_path(e)) { (e.name) } @if let Some(f) = &e.full_name { br; span.muted { (f) } } }
            td { (e.kind.as_str()) }
            td { (words::places(e)) }
            td { (words::industries_line(e)) }
            td.status { (words::status(row.selected.why.status)) }
            td { @if let Some(u) = e.source_updated { (u.date().to_string()) } }
        }
    }
}

fn entry(plan: &Plan<'_>, e: &Entry, manifest: Option<&Manifest>) -> Markup {
    let ctx = ShowContext {
        status: status_as_of(e, plan.as_of),
        today: plan.as_of,
        manifest,
    };
    let body = html! {
        dl.fields {
            @for (label, value) in lines(e, &ctx) { dt { (label) } dd { (value) } }
        }
        @for section in sections(e) {
            h2 { (section.title()) }
            @match section {
                Section::Summary(text) => { p { (text) } }
                Section::Evidence(items) => { ul { @for item in &items { li { (item) } } } }
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
                            td { a href={ "../" (entry_path(s.entry)) } { (s.entry.name) } }
                            td { (s.entry.kind.as_str()) }
                            td { ul { @for r in &s.why.reasons { li { (words::reason(r)) } } } }
                            td.status { (words::status(s.why.status)) }
                        }
                    }
                }
            }
        }
    };
    layout(plan, "../", title, body, false)
}

fn matrix(plan: &Plan<'_>) -> Markup {
    let m = &plan.matrix;
    let body = html! {
        p { "Entries by region. " (PreEscaped("&#9679;")) " the entry names the region; " (PreEscaped("&#9675;")) " it applies there because it is global." }
        div.scroll {
            table {
                caption { "Coverage matrix" }
                thead { tr {
                    th scope="col" { "Entry" }
                    @for c in &m.columns { th scope="col" { a href={ "regions/" (c) ".html" } { (c) } } }
                } }
                tbody {
                    @for r in &m.rows {
                        tr {
                            th scope="row" { a href={ "entries/" (r.id) ".html" } { (r.id) } }
                            @for mark in &r.marks {
                                td.mark {
                                    @match mark {
                                        Mark::Named => span title="names it" { (PreEscaped("&#9679;")) span.muted { " named" } },
                                        Mark::Global | Mark::Any => span title="global" { (PreEscaped("&#9675;")) span.muted { " global" } },
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
