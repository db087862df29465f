//! Closed vocabularies: one macro declares the enum, its spellings and aliases, and a
//! [`Vocabulary`] trait lets the data loader, the command line and the error messages
//! share them. Data files are canonical (exact spelling); what people type is read
//! loosely ([`Vocabulary::parse_loose`]: any case, `_` or space for `-`), and a miss
//! names every valid value and the closest one.

/// A closed set of values with canonical spellings.
pub trait Vocabulary: Sized + Copy + 'static {
    /// What the values are called in messages: `industry`, `format`.
    const WHAT: &'static str;
    /// Every value, in declaration order.
    fn all() -> &'static [Self];
    /// The canonical spelling.
    fn name(self) -> &'static str;
    /// Other accepted spellings of this value.
    fn aliases(self) -> &'static [&'static str];

    /// Reads what a person typed: any case, with `_` or spaces for `-`; aliases too.
    fn parse_loose(text: &str) -> Result<Self, String> {
        let wanted = fold(text);
        Self::all()
            .iter()
            .copied()
            .find(|v| fold(v.name()) == wanted || v.aliases().iter().any(|a| fold(a) == wanted))
            .ok_or_else(|| unknown::<Self>(text))
    }
}

/// "unknown industry `fintek`, expected one of: …; did you mean `finance`?"
pub fn unknown<V: Vocabulary>(text: &str) -> String {
    let names: Vec<&str> = V::all().iter().map(|v| v.name()).collect();
    let spellings = V::all()
        .iter()
        .flat_map(|v| std::iter::once(v.name()).chain(v.aliases().iter().copied()));
    let hint = closest(text, spellings)
        .map(|s| {
            let canonical = V::all()
                .iter()
                .find(|v| v.name() == s || v.aliases().contains(&s))
                .map_or(s, |v| v.name());
            format!("; did you mean `{canonical}`?")
        })
        .unwrap_or_default();
    format!(
        "unknown {} `{}`, expected one of: {}{hint}",
        V::WHAT,
        crate::catalog::untrusted::shorten(text),
        names.join(", ")
    )
}

/// Lowercase, with `_` and spaces read as `-` and the ends trimmed.
pub fn fold(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
            '_' | ' ' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Longest input worth comparing for a suggestion: names are short, and comparing a
/// long text against every candidate would cost time for nothing.
const MAX_SUGGEST: usize = 64;

/// The candidate closest to `text`, when one is close enough to be a likely typo.
pub fn closest<'a>(text: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    if text.chars().count() > MAX_SUGGEST {
        return None;
    }
    let wanted = fold(text);
    candidates
        .filter(|c| c.chars().count() <= MAX_SUGGEST)
        .map(|c| (c, strsim::jaro_winkler(&wanted, &fold(c))))
        .filter(|(_, score)| *score > 0.8)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(c, _)| c)
}

/// Declares a closed vocabulary: the enum with serde names, `Display`, an exact
/// `FromStr` for data files, and [`Vocabulary`] for people.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident ($what:literal) { $( $(#[$vmeta:meta])* $variant:ident = $text:literal $(| $alias:literal)* ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, schemars::JsonSchema)]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[serde(rename = $text)]
                $variant,
            )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The spelling used in data files and on the command line.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl $crate::catalog::vocab::Vocabulary for $name {
            const WHAT: &'static str = $what;
            fn all() -> &'static [Self] {
                Self::ALL
            }
            fn name(self) -> &'static str {
                self.as_str()
            }
            fn aliases(self) -> &'static [&'static str] {
                match self { $($name::$variant => &[$($alias),*]),+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// Exact spelling (or an alias): data files are canonical.
        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                match s {
                    $($text $(| $alias)* => Ok($name::$variant),)+
                    _ => Err($crate::catalog::vocab::unknown::<$name>(s)),
                }
            }
        }

        // Through `FromStr`, so an unknown value is reported in our words, at its line.
        $crate::catalog::vocab::string_scalar!(@de $name, concat!("one of the ", $what, " values"));
    };
}
pub(crate) use vocabulary;

/// Implements `Deserialize` through `FromStr` and `Serialize` through `Display`, so the
/// parser reports a bad value at its own line and column with our message.
macro_rules! string_scalar {
    (@de $name:ty, $expecting:expr) => {
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl serde::de::Visitor<'_> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<$name, E> {
                        s.parse().map_err(E::custom)
                    }
                    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<$name, E> {
                        self.visit_str(&n.to_string())
                    }
                    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<$name, E> {
                        self.visit_str(&n.to_string())
                    }
                }
                // `deserialize_str`: YAML hands a plain scalar over as its text
                // whatever it looks like (`achieved: 2017`, `country: no`), without
                // trying it as a boolean, an integer and a float first, as
                // `deserialize_any` does for every value of every entry.
                d.deserialize_str(V)
            }
        }
    };
    ($name:ty, $expecting:literal, $schema:expr) => {
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                let mut schema: serde_json::Map<String, serde_json::Value> = $schema;
                schema.insert("type".into(), "string".into());
                schema.insert("description".into(), $expecting.into());
                schema.into()
            }
        }

        $crate::catalog::vocab::string_scalar!(@de $name, $expecting);

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
    };
}
pub(crate) use string_scalar;

/// A JSON object from pairs, for the hand-written schemas of string scalars.
pub(crate) fn obj(
    pairs: &[(&str, serde_json::Value)],
) -> serde_json::Map<String, serde_json::Value> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

/// Lowercase, without spaces, hyphens and underscores: `SOC 2`, `soc-2` and `soc2`
/// are one word to a person searching.
pub fn squeeze(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    squeeze_into(text, &mut out);
    out
}

/// [`squeeze`], appended to `out`, so a caller folding many texts reuses one buffer.
pub fn squeeze_into(text: &str, out: &mut String) {
    out.reserve(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            // Most of any text: no Unicode tables needed. ASCII white space is
            // U+0009 to U+000D and the space.
            match c {
                ' ' | '-' | '_' | '\t'..='\r' => {}
                _ => out.push(c.to_ascii_lowercase()),
            }
        } else if !c.is_whitespace() {
            out.extend(c.to_lowercase());
        }
    }
}

/// [`squeeze`], and then text that looks the same is the same: compatibility forms
/// folded (NFKC: `Ｃ５` is `C5`, a composed and a decomposed `é` are one), and every
/// character outside ASCII mapped to its UTS #39 confusable prototype (Cyrillic `С`
/// is Latin `C`). ASCII is left as typed, so two ids a person types differently
/// (`c1`, `cl`) stay different. Used where names must be unique.
pub fn look_alike(text: &str) -> String {
    if text.is_ascii() {
        return squeeze(text);
    }
    use unicode_normalization::UnicodeNormalization;
    let mut plain = String::with_capacity(text.len());
    for c in text.nfkc() {
        match super::confusable::skeleton(c) {
            Some(prototype) => plain.push_str(prototype),
            None => plain.push(c),
        }
    }
    // Prototypes can be capitals or spacing characters: fold again.
    let squeezed = squeeze(&plain);
    squeezed.nfkc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::entry::{Industry, Kind};

    #[test]
    fn text_that_looks_the_same_is_the_same() {
        for (a, b) in [
            ("\u{421}5", "C5"),
            ("\u{ff23}\u{ff15}", "C5"),
            ("Cafe\u{301}", "Caf\u{e9}"),
            ("K-ISMS", "kisms"),
        ] {
            assert_eq!(look_alike(a), look_alike(b), "{a:?} {b:?}");
        }
        assert_ne!(look_alike("c1"), look_alike("cl"));
        assert_ne!(look_alike("mtcs"), look_alike("mlps"));
    }

    #[test]
    fn people_type_any_case_and_separator() {
        assert_eq!(Kind::parse_loose("WHITE_PAPER"), Ok(Kind::WhitePaper));
        assert_eq!(
            Kind::parse_loose(" self assessment "),
            Ok(Kind::SelfAssessment)
        );
        assert_eq!(Industry::parse_loose("Banking"), Ok(Industry::Finance));
    }

    #[test]
    fn a_miss_lists_values_and_suggests_the_closest() {
        let err = Industry::parse_loose("fintech").unwrap_err();
        assert!(err.starts_with("unknown industry `fintech`, expected one of: automotive"));
        assert!(err.ends_with("did you mean `finance`?"), "{err}");
        assert!(
            !Industry::parse_loose("zzzz")
                .unwrap_err()
                .contains("did you mean")
        );
        assert_eq!(closest(&"x".repeat(1000), ["x"].into_iter()), None);
    }

    /// The fold with its ASCII fast path is the plain definition: drop spaces,
    /// hyphens, underscores and white space, lowercase the rest.
    #[test]
    fn squeeze_is_the_plain_definition() {
        let plain = |t: &str| -> String {
            t.chars()
                .filter(|c| !matches!(c, ' ' | '-' | '_') && !c.is_whitespace())
                .flat_map(char::to_lowercase)
                .collect()
        };
        let mut samples: Vec<String> = (0u8..128).map(|b| format!("a{}B", char::from(b))).collect();
        samples.extend(
            [
                "SOC 2",
                "K-ISMS",
                "Bundesamt für Sicherheit",
                "ΟΔΟΣ",
                "İstanbul",
                "a\u{a0}b\u{2028}c",
                "Ｃ５",
            ]
            .map(String::from),
        );
        for s in &samples {
            assert_eq!(squeeze(s), plain(s), "{s:?}");
        }
    }
}
