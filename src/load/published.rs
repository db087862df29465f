//! A catalog as `certs list --format json` or `certs site` published it
//! (`catalog.json`): the entries back, each with the status it was published with.
//! What `list` adds (`status_as_of`, `why`) is taken off; the rest must be an entry
//! as the format defines it, so a hand-edited file is refused, not half read.

use crate::catalog::entry::Entry;

/// The entries of a published `catalog.json`, with the status each had on the day it
/// was written (`unstated` where the file says none).
pub fn entries(text: &str) -> Result<Vec<(Entry, String)>, String> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))?;
    let serde_json::Value::Array(items) = value else {
        return Err("expected a JSON array of entries".into());
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, mut item)| {
            let obj = item
                .as_object_mut()
                .ok_or_else(|| format!("item {} is not an entry", i + 1))?;
            let status = obj
                .remove("status_as_of")
                .and_then(|s| s.get("status").and_then(|v| v.as_str()).map(str::to_owned))
                .unwrap_or_else(|| "unstated".to_owned());
            obj.remove("why");
            let entry = Entry::from_json(item).map_err(|e| {
                format!(
                    "item {}: {}",
                    i + 1,
                    crate::catalog::untrusted::shorten(&e.to_string())
                )
            })?;
            Ok((entry, status))
        })
        .collect()
}
