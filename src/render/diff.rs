//! `certs diff` for people: `+` added, `-` removed, `~` changed, one line per field.

use std::io::{self, Write};

use serde_json::Value;

use super::Style;
use crate::answer::diff::CatalogDiff;
use crate::catalog::untrusted::printable;

pub fn diff_text(out: &mut dyn Write, d: &CatalogDiff, style: &Style) -> io::Result<()> {
    if d.is_empty() {
        return writeln!(out, "no differences");
    }
    for id in &d.added {
        writeln!(out, "{}", style.green(&format!("+ {}", printable(id))))?;
    }
    for id in &d.removed {
        writeln!(out, "{}", style.red(&format!("- {}", printable(id))))?;
    }
    for c in &d.changed {
        writeln!(out, "~ {}", style.bold(&printable(&c.id)))?;
        for f in &c.fields {
            let tag = if f.material { "material" } else { "editorial" };
            if f.field == "summary" {
                writeln!(out, "    summary: reworded  [{tag}]")?;
            } else {
                writeln!(
                    out,
                    "    {}: {} -> {}  [{tag}]",
                    f.field,
                    compact(&f.old),
                    compact(&f.new)
                )?;
            }
        }
    }
    // Additions and removals are material too, so the verdict matches `--exit-code`.
    let material = d
        .changed
        .iter()
        .filter(|c| c.fields.iter().any(|f| f.material))
        .count();
    let verdict = if d.has_material() {
        "material"
    } else {
        "editorial only"
    };
    writeln!(
        out,
        "{} added, {} removed, {} changed ({material} materially); {verdict}",
        d.added.len(),
        d.removed.len(),
        d.changed.len()
    )
}

/// A value on one line: strings bare, `null` as `(none)`, the rest as compact JSON.
fn compact(v: &Value) -> String {
    match v {
        Value::Null => "(none)".to_owned(),
        Value::String(s) => printable(s).into_owned(),
        other => printable(&other.to_string()).into_owned(),
    }
}
