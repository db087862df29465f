//! `certs schema`: the JSON Schema is generated from the Rust types; these tests check
//! that it describes exactly the fields the binary writes, closes every object, and
//! accepts every shipped entry (a small walker: objects, arrays, enums, required).

mod common;
use common::{json, stdout};

use serde_json::Value;

fn schema() -> Value {
    json(&["schema"])
}

/// The schema of `list` and `show` output.
fn output_schema() -> Value {
    json(&["schema", "--output"])
}

/// Follows a local `$ref`, and the non-null branch of an `anyOf` for optional fields.
fn resolve<'a>(root: &'a Value, mut s: &'a Value) -> &'a Value {
    loop {
        if let Some(r) = s.get("$ref").and_then(Value::as_str) {
            let name = r.trim_start_matches("#/$defs/");
            s = &root["$defs"][name];
        } else if let Some(any) = s.get("anyOf").and_then(Value::as_array) {
            s = any
                .iter()
                .find(|b| b.get("type") != Some(&Value::from("null")))
                .unwrap_or(s);
            if s.get("$ref").is_none() {
                return s;
            }
        } else {
            return s;
        }
    }
}

/// A closed vocabulary's values: `enum`, or `oneOf` of documented `const`s.
fn allowed_values(s: &Value) -> Option<Vec<Value>> {
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        return Some(e.clone());
    }
    let one_of = s.get("oneOf")?.as_array()?;
    one_of.iter().map(|b| b.get("const").cloned()).collect()
}

/// Checks `value` against `schema`, collecting every mismatch with its path.
fn check(root: &Value, schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
    if value.is_null() {
        return; // optional fields; `required` is checked on the parent
    }
    let s = resolve(root, schema);
    if let Some(allowed) = allowed_values(s)
        && !allowed.contains(value)
    {
        errors.push(format!("{path}: {value} not in enum"));
    }
    match value {
        Value::Object(map) => {
            let props = s["properties"]
                .as_object()
                .expect("object schema has properties");
            if s["additionalProperties"] != Value::Bool(false) {
                errors.push(format!("{path}: object schema is not closed"));
            }
            for req in s["required"].as_array().into_iter().flatten() {
                if map.get(req.as_str().unwrap()).is_none_or(Value::is_null) {
                    errors.push(format!("{path}: required `{req}` missing"));
                }
            }
            for (k, v) in map {
                match props.get(k) {
                    Some(ps) => check(root, ps, v, &format!("{path}.{k}"), errors),
                    None => errors.push(format!("{path}: `{k}` not in schema")),
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                check(root, &s["items"], v, &format!("{path}[{i}]"), errors);
            }
        }
        _ => {}
    }
}

#[test]
fn every_shipped_entry_agrees_with_the_schema() {
    let root = output_schema();
    let entries = json(&["list", "--format", "json", "--explain", "--all-statuses"]);
    let mut errors = Vec::new();
    for e in entries.as_array().unwrap() {
        check(&root, &root, e, e["id"].as_str().unwrap(), &mut errors);
    }
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn schema_names_exactly_the_fields_the_binary_writes() {
    let root = schema();
    let mut in_schema: Vec<&str> = root["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    in_schema.sort_unstable();
    let written = json(&["show", "c5", "--format", "json"]);
    let mut in_output: Vec<&str> = written
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .filter(|k| *k != "status_as_of")
        .collect();
    in_output.sort_unstable();
    assert_eq!(in_schema, in_output);
    // The output schema: the entry's fields, the computed status, and `why`.
    let output = output_schema();
    let mut listed: Vec<&str> = output["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    listed.sort_unstable();
    let explained = json(&["list", "--explain", "--format", "json"]);
    let mut in_list: Vec<&str> = explained[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    in_list.sort_unstable();
    assert_eq!(listed, in_list);
    assert_eq!(
        root["required"],
        serde_json::json!(["id", "name", "kind", "jurisdictions", "summary"])
    );
}

#[test]
fn schema_lists_closed_vocabularies_and_documents_fields() {
    let root = schema();
    let kinds = allowed_values(resolve(&root, &root["properties"]["kind"])).unwrap();
    assert!(
        kinds.contains(&Value::from("certification"))
            && kinds.contains(&Value::from("white-paper")),
        "{kinds:?}"
    );
    assert_eq!(kinds.len(), 9);
    let jur = resolve(&root, &root["properties"]["jurisdictions"]["items"]);
    let codes = jur["enum"].as_array().unwrap();
    assert!(codes.contains(&Value::from("sg")) && codes.contains(&Value::from("global")));
    assert_eq!(codes.len(), 249 + 2);
    let desc = root["properties"]["source_updated"]["description"]
        .as_str()
        .unwrap();
    assert!(desc.contains("Last updated"), "{desc}");
}

#[test]
fn a_mistyped_field_fails_the_walker() {
    // The walker itself must be able to fail, or the tests above prove nothing.
    let root = output_schema();
    let mut bad = json(&["show", "c5", "--format", "json"]);
    bad["acheived"] = Value::from("2020");
    bad["kind"] = Value::from("cert");
    let mut errors = Vec::new();
    check(&root, &root, &bad, "c5", &mut errors);
    assert_eq!(errors.len(), 2, "{errors:?}");
}

#[test]
fn schema_is_valid_json_with_a_draft() {
    let text = stdout(&["schema"]);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(v["title"], "Entry");
}

/// Every field of the schema, top level and the scope's, with nested objects other than
/// `scope` as one field (`period`, `source`, each evidence item): the granularity of
/// the field table that drives CSV, `show` and `diff`.
fn schema_fields(root: &Value) -> Vec<String> {
    let mut fields = Vec::new();
    for (name, node) in root["properties"].as_object().unwrap() {
        if name == "scope" {
            let scope = resolve(root, node);
            for inner in scope["properties"].as_object().unwrap().keys() {
                fields.push(format!("scope.{inner}"));
            }
        } else {
            fields.push(name.clone());
        }
    }
    fields.sort();
    fields
}

/// The field table (`FIELDS`) is the one list of an entry's fields: CSV's columns come
/// from it, so they must name exactly the type's fields, plus the one computed column.
#[test]
fn the_field_table_names_every_field_of_the_type() {
    let root = schema();
    let text = stdout(&["list", "--format", "csv"]);
    let header = text.lines().next().unwrap();
    let mut columns: Vec<String> = header
        .split(',')
        .filter(|c| *c != "status_as_of")
        .map(str::to_owned)
        .collect();
    columns.sort();
    assert_eq!(columns, schema_fields(&root));
}

/// Evidence's columns are the evidence item's fields, after the entry's id and name.
#[test]
fn evidence_columns_name_every_field_of_an_evidence_item() {
    let root = schema();
    let item = resolve(&root, &root["$defs"]["Evidence"]);
    let mut fields: Vec<&str> = item["properties"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    fields.sort_unstable();
    let text = stdout(&["evidence", "--format", "csv"]);
    let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
    assert_eq!(header[..2], ["entry", "name"]);
    let mut rest = header[2..].to_vec();
    rest.sort_unstable();
    assert_eq!(rest, fields);
}
