//! JSON Schemas: of an entry as data files write it (from the Rust types, by
//! schemars), and of an entry as `list` and `show` write it in JSON and YAML: the same
//! fields, then the computed `status_as_of` and, with `--explain`, `why`.

use serde_json::{Value, json};

use crate::answer::query::Lifecycle;
use crate::catalog::entry::Entry;

/// The schema of a data file's entry.
pub fn entry() -> Value {
    serde_json::to_value(schemars::schema_for!(Entry)).unwrap_or_default()
}

/// The schema of an entry in `list` and `show` output.
pub fn listed() -> Value {
    let mut schema = entry();
    let statuses: Vec<&str> = Lifecycle::ALL.iter().map(|l| l.as_str()).collect();
    if let Some(props) = schema["properties"].as_object_mut() {
        props.insert(
            "status_as_of".into(),
            json!({
                "description": "The entry's status on the day it was judged: the stated status, corrected by its dates (computed by certs, not stored in data files).",
                "type": "object",
                "properties": {
                    "status": { "enum": statuses, "description": "The status on `as_of`." },
                    "date": { "type": "string", "description": "The date that decided it: `valid_until` for an expiry, `achieved` for an entry not yet achieved." },
                    "as_of": { "type": "string", "format": "date", "description": "The day it was judged on: `--as-of`, or today." }
                },
                "required": ["status", "as_of"],
                "additionalProperties": false
            }),
        );
        props.insert(
            "why".into(),
            json!({
                "description": "With `--explain`: why the entry is in the answer, one reason per region, industry and the status.",
                "type": "array",
                "items": { "type": "string" }
            }),
        );
    }
    if let Some(required) = schema["required"].as_array_mut() {
        required.push("status_as_of".into());
    }
    schema["title"] = "Listed entry".into();
    schema["description"] =
        "An entry as `certs list` and `certs show` write it in JSON and YAML.".into();
    schema
}
