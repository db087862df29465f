//! The shipped entries as Rust expressions, so that starting `certs` builds them
//! rather than parses them: parsing them as JSON was 40% of the instructions of
//! `certs list` on the embedded catalog. Each expression is a struct literal of the
//! model, so a field added to `Entry` and not here fails the build; values with rules
//! go through the model's own `FromStr` (the `p`, `vp` helpers in `load/mod.rs`), and
//! a test checks that the result equals the YAML's parse.

/// The entries as one `vec![…]` expression.
pub fn entries(values: &[serde_json::Value]) -> String {
    format!(
        "vec![\n{}]",
        values
            .iter()
            .map(entry_code)
            .collect::<Vec<_>>()
            .join(",\n")
    )
}

fn lit(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => format!("{s:?}"),
        other => format!("{:?}", other.to_string()),
    }
}

fn get<'a>(v: &'a serde_json::Value, key: &str) -> Option<&'a serde_json::Value> {
    v.get(key).filter(|x| !x.is_null())
}

fn s(v: &serde_json::Value, key: &str) -> String {
    format!("s({})", get(v, key).map_or_else(|| "\"\"".to_owned(), lit))
}

fn os(v: &serde_json::Value, key: &str) -> String {
    match get(v, key) {
        Some(x) => format!("Some(s({}))", lit(x)),
        None => "None".to_owned(),
    }
}

fn items<'a>(v: &'a serde_json::Value, key: &str) -> Vec<&'a serde_json::Value> {
    get(v, key)
        .and_then(|x| x.as_array())
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

fn vs(v: &serde_json::Value, key: &str) -> String {
    let parts: Vec<String> = items(v, key).into_iter().map(lit).collect();
    format!("vs(&[{}])", parts.join(", "))
}

fn p(v: &serde_json::Value, key: &str) -> String {
    format!("p({})?", get(v, key).map_or_else(|| "\"\"".to_owned(), lit))
}

fn op(v: &serde_json::Value, key: &str) -> String {
    match get(v, key) {
        Some(x) => format!("Some(p({})?)", lit(x)),
        None => "None".to_owned(),
    }
}

fn vp(v: &serde_json::Value, key: &str) -> String {
    let parts: Vec<String> = items(v, key).into_iter().map(lit).collect();
    format!("vp(&[{}])?", parts.join(", "))
}

fn entry_code(e: &serde_json::Value) -> String {
    let empty = serde_json::Value::Object(Default::default());
    let scope = get(e, "scope").unwrap_or(&empty);
    let regions: Vec<String> = items(scope, "regions")
        .into_iter()
        .map(|r| {
            format!(
                "CoveredRegion {{ name: {}, country: {} }}",
                s(r, "name"),
                p(r, "country")
            )
        })
        .collect();
    let data_centres = match get(scope, "data_centres").and_then(|x| x.as_u64()) {
        Some(n) => format!("Some({n})"),
        None => "None".to_owned(),
    };
    let evidence: Vec<String> = items(e, "evidence")
        .into_iter()
        .map(|ev| {
            format!(
                "Evidence {{ kind: {}, title: {}, reference: {}, access: {}, contact: {}, url: {} }}",
                p(ev, "type"),
                os(ev, "title"),
                os(ev, "reference"),
                vp(ev, "access"),
                os(ev, "contact"),
                op(ev, "url")
            )
        })
        .collect();
    let period = match get(e, "period") {
        Some(per) => format!(
            "Some(Period {{ start: {}, end: {} }})",
            p(per, "start"),
            p(per, "end")
        ),
        None => "None".to_owned(),
    };
    let source = match get(e, "source") {
        Some(src) => {
            let normalised: Vec<String> = items(src, "normalised")
                .into_iter()
                .map(|n| {
                    format!(
                        "Normalisation {{ field: {}, value: {}, reason: {} }}",
                        s(n, "field"),
                        s(n, "value"),
                        s(n, "reason")
                    )
                })
                .collect();
            let basis: Vec<String> = items(src, "basis")
                .into_iter()
                .map(|b| {
                    format!(
                        "Basis {{ field: {}, value: {}, quote: {}, judged: {} }}",
                        s(b, "field"),
                        s(b, "value"),
                        os(b, "quote"),
                        os(b, "judged")
                    )
                })
                .collect();
            format!(
                "Some(Box::new(SourceRef {{ document: {}, section: {}, normalised: vec![{}], basis: vec![{}] }}))",
                s(src, "document"),
                s(src, "section"),
                normalised.join(", "),
                basis.join(", ")
            )
        }
        None => "None".to_owned(),
    };
    format!(
        "Entry {{ id: {}, name: {}, full_name: {}, aliases: {}, kind: {}, status: {}, issuer: {}, auditor: {}, jurisdictions: {}, industries: {}, scope: Scope {{ level: {}, data_centres: {data_centres}, regions: vec![{}], services: {} }}, standards: {}, achieved: {}, valid_until: {}, period: {period}, source_updated: {}, evidence: vec![{}], summary: {}, links: {}, related_certifications: {}, source: {source} }}",
        p(e, "id"),
        s(e, "name"),
        os(e, "full_name"),
        vs(e, "aliases"),
        p(e, "kind"),
        op(e, "status"),
        os(e, "issuer"),
        os(e, "auditor"),
        vp(e, "jurisdictions"),
        vp(e, "industries"),
        os(scope, "level"),
        regions.join(", "),
        vs(scope, "services"),
        vs(e, "standards"),
        op(e, "achieved"),
        op(e, "valid_until"),
        op(e, "source_updated"),
        evidence.join(", "),
        s(e, "summary"),
        vp(e, "links"),
        vs(e, "related_certifications"),
    )
}
