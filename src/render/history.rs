//! The site's change log: `changes.html` for people and `feed.xml`, an Atom feed
//! (RFC 4287), from the same records and in the same words.

use maud::{Markup, html};
use serde_json::Value;

use crate::answer::history::{Change, EntryChange, Record};
use crate::answer::site::Plan;
use crate::catalog::untrusted::printable;

/// `valid until`, `scope regions`: a field as people read it.
fn field_words(field: &str) -> String {
    field.replace(['_', '.'], " ")
}

/// A value in a line: text as it is, lists joined, absent as `none`.
fn value(v: &Value) -> String {
    match v {
        Value::Null => "none".to_owned(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.is_empty() => "none".to_owned(),
        Value::Array(items) => items.iter().map(value).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

/// One change of one entry in words: `valid until changed 2025-09-03 → 2026-09-03
/// (material)`, `summary reworded (editorial)`.
fn field_line(f: &crate::answer::history::FieldChange) -> String {
    let tag = if f.material { "material" } else { "editorial" };
    if f.field == "summary" {
        return format!("summary reworded ({tag})");
    }
    format!(
        "{} changed {} → {} ({tag})",
        field_words(&f.field),
        value(&f.old),
        value(&f.new)
    )
}

/// What happened to an entry, in a line: `OSPAR (ospar): added`.
fn entry_lines(e: &EntryChange) -> (String, Vec<String>) {
    let head = format!("{} ({})", e.name, e.id);
    match e.change {
        Change::Added => (format!("{head}: added (material)"), Vec::new()),
        Change::Removed => (
            format!("{head}: removed (material)"),
            e.fields.iter().map(field_line).collect(),
        ),
        Change::Changed => (head, e.fields.iter().map(field_line).collect()),
    }
}

/// A record's title in words, for the feed: `OSPAR: valid until changed 2025-09-03 →
/// 2026-09-03; C5: added`.
fn record_title(r: &Record) -> String {
    r.entries
        .iter()
        .map(|e| match e.change {
            Change::Added => format!("{}: added", e.name),
            Change::Removed => match e.fields.first() {
                Some(f) => format!("{}: removed, {}", e.name, value(&f.new)),
                None => format!("{}: removed", e.name),
            },
            Change::Changed => {
                let fields: Vec<String> = e
                    .fields
                    .iter()
                    .map(|f| {
                        let line = field_line(f);
                        line.rsplit_once(" (")
                            .map_or(line.clone(), |(l, _)| l.to_owned())
                    })
                    .collect();
                format!("{}: {}", e.name, fields.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A record as a list; an entry the site still shows links to its page.
fn record_body(plan: &Plan<'_>, r: &Record) -> Markup {
    let shown = |id: &str| {
        plan.rows
            .iter()
            .any(|row| row.selected.entry.id.as_str() == id)
    };
    html! {
        ul {
            @for e in &r.entries {
                @let (head, fields) = entry_lines(e);
                li {
                    @if shown(&e.id) { a href={ "entries/" (e.id) ".html" } { (head) } } @else { (head) }
                    @if !fields.is_empty() { ul { @for f in &fields { li { (f) } } } }
                }
            }
        }
    }
}

type Layout = fn(&Plan<'_>, &str, &str, Markup, bool) -> Markup;

/// `changes.html`.
pub fn page(plan: &Plan<'_>, layout: Layout) -> Markup {
    let h = &plan.history;
    let kept = h.kept(plan.keep, plan.as_of);
    let older = h.records.len() - kept.len();
    let body = html! {
        p {
            "Each build of this page that changed something, newest first. A material change is one in what is certified, where, when or with what evidence; an editorial one is in names, wording or links. Subscribe to "
            a href="feed.xml" type="application/atom+xml" { "the Atom feed" }
            ", or read every record in "
            a href="changes.json" type="application/json" { "changes.json" }
            "."
        }
        @if kept.is_empty() {
            p { "No change recorded in the last " (plan.keep.to_string()) "." }
        }
        @for (i, r) in kept.iter().enumerate() {
            section id=(h.anchor(i)) aria-labelledby={ "h-" (h.anchor(i)) } {
                h2 id={ "h-" (h.anchor(i)) } { (r.date.to_string()) }
                (record_body(plan, r))
            }
        }
        @if older > 0 {
            p.muted { (older) " older records are in changes.json." }
        }
    };
    layout(plan, "", "Changes", body, false)
}

/// Text for XML: `&`, `<`, `>` and quotes escaped, and no character XML 1.0 forbids.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in printable(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// `feed.xml`: one Atom entry per record kept, each with a stable id derived from the
/// catalog's title and the record's date.
pub fn feed(plan: &Plan<'_>) -> String {
    let h = &plan.history;
    let kept = h.kept(plan.keep, plan.as_of);
    let id = |key: &str| {
        format!(
            "urn:uuid:{}",
            super::oscal::uuid(&plan.title, "changes", key)
        )
    };
    // The newest record's day; with none, the newest source stamp of the selection, so
    // that a rebuild with nothing changed leaves the feed as it was.
    let updated = kept.first().map(|r| r.date).or_else(|| {
        plan.rows
            .iter()
            .filter_map(|r| r.selected.entry.source_updated.map(|u| u.date()))
            .max()
    });
    let updated = updated.map_or_else(|| "1970-01-01".to_owned(), |d| d.to_string());
    let author = plan.publisher.clone().unwrap_or_else(|| plan.title.clone());
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    out.push_str(&format!("  <id>{}</id>\n", id("feed")));
    out.push_str(&format!("  <title>{}: changes</title>\n", xml(&plan.title)));
    out.push_str(&format!("  <updated>{updated}T00:00:00Z</updated>\n"));
    out.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        xml(&author)
    ));
    out.push_str("  <link rel=\"alternate\" type=\"text/html\" href=\"changes.html\"/>\n");
    out.push_str("  <link rel=\"self\" type=\"application/atom+xml\" href=\"feed.xml\"/>\n");
    for (i, r) in kept.iter().enumerate() {
        let anchor = h.anchor(i);
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <id>{}</id>\n", id(&anchor)));
        out.push_str(&format!("    <title>{}</title>\n", xml(&record_title(r))));
        out.push_str(&format!("    <updated>{}T00:00:00Z</updated>\n", r.date));
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"changes.html#{anchor}\"/>\n"
        ));
        out.push_str(&format!(
            "    <content type=\"html\">{}</content>\n",
            xml(&record_body(plan, r).into_string())
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}
