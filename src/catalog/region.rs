//! Countries, region groups, and what a `--region` value names.
//!
//! Countries and their ISO names come from the `isocountry` crate (ISO 3166-1). This
//! file adds only what the standard does not have: the short names people type
//! (`south korea`, `vietnam`, `uk`), and the groups compliance teams use (`eu`, `sea`,
//! `apac`, `americas`). How a region value matches an entry is decided in
//! [`crate::answer::query`].

use std::fmt;
use std::str::FromStr;

use isocountry::CountryCode;

/// An ISO 3166-1 alpha-2 country code, stored lowercase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Country([u8; 2]);

impl Country {
    /// The code, lowercase.
    pub fn code(&self) -> &str {
        // Both bytes are ASCII letters by construction.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    fn iso(&self) -> Option<CountryCode> {
        CountryCode::for_alpha2_caseless(self.code()).ok()
    }

    /// The name people use: the common English name where it differs from ISO's
    /// (`South Korea`, not `Korea (Republic of)`), else ISO's.
    pub fn name(&self) -> &'static str {
        COMMON
            .iter()
            .find(|(code, _, _)| code.as_bytes() == self.0)
            .map(|(_, name, _)| *name)
            .or_else(|| self.iso().map(|c| c.name()))
            .unwrap_or("")
    }

    /// Every ISO 3166-1 country, by code.
    pub fn all() -> impl Iterator<Item = Country> {
        let mut all: Vec<Country> = CountryCode::iter()
            .map(|c| Country::known(c.alpha2()))
            .collect();
        all.sort_unstable();
        all.into_iter()
    }

    /// Every name a country answers to: its common name, ISO's name and aliases.
    pub fn names(&self) -> impl Iterator<Item = &'static str> {
        let common = COMMON.iter().find(|(code, _, _)| code.as_bytes() == self.0);
        std::iter::once(self.name())
            .chain(self.iso().map(|c| c.name()))
            .chain(
                common
                    .into_iter()
                    .flat_map(|(_, _, aliases)| aliases.iter().copied()),
            )
    }

    /// Looks up an English country name (common, ISO or alias), ignoring case.
    pub fn from_name(name: &str) -> Option<Country> {
        let wanted = crate::catalog::vocab::fold(name);
        Country::all().find(|c| c.names().any(|n| crate::catalog::vocab::fold(n) == wanted))
    }

    const fn known(code: &str) -> Country {
        let b = code.as_bytes();
        Country([b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase()])
    }
}

impl FromStr for Country {
    type Err = String;
    /// Accepts exactly a lowercase code: data files are canonical. The CLI lowercases first.
    fn from_str(s: &str) -> Result<Self, String> {
        let short = crate::catalog::untrusted::shorten(s);
        let lower = s.len() == 2 && s.bytes().all(|b| b.is_ascii_lowercase());
        if lower && CountryCode::for_alpha2_caseless(s).is_ok() {
            Ok(Country::known(s))
        } else {
            Err(format!(
                "unknown country code `{short}`, expected a lowercase ISO 3166-1 alpha-2 code (e.g. `sg`, `de`)"
            ))
        }
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
crate::catalog::vocab::string_scalar!(
    Country,
    "a lowercase ISO 3166-1 alpha-2 country code",
    crate::catalog::vocab::obj(&[(
        "enum",
        Country::all()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .into()
    )])
);

/// Countries whose everyday English name is not ISO's, and other names people type
/// for them: (code, common name, aliases). ISO's own name is accepted too.
const COMMON: &[(&str, &str, &[&str])] = &[
    ("ae", "United Arab Emirates", &["UAE"]),
    ("bn", "Brunei", &["Brunei Darussalam"]),
    ("bo", "Bolivia", &["Bolivia (Plurinational State of)"]),
    (
        "cd",
        "Democratic Republic of the Congo",
        &["Congo (Democratic Republic of the)"],
    ),
    ("cg", "Republic of the Congo", &["Congo"]),
    ("ci", "Côte d'Ivoire", &["Ivory Coast"]),
    ("cn", "China", &["Mainland China", "PRC"]),
    ("cv", "Cabo Verde", &["Cape Verde"]),
    ("cz", "Czechia", &["Czech Republic"]),
    ("fk", "Falkland Islands", &["Falkland Islands (Malvinas)"]),
    ("fm", "Micronesia", &["Micronesia (Federated States of)"]),
    (
        "gb",
        "United Kingdom",
        &[
            "United Kingdom of Great Britain and Northern Ireland",
            "UK",
            "Great Britain",
            "Britain",
            "England",
        ],
    ),
    ("ir", "Iran", &["Iran (Islamic Republic of)"]),
    (
        "kp",
        "North Korea",
        &["Korea (Democratic People's Republic of)"],
    ),
    (
        "kr",
        "South Korea",
        &["Korea (Republic of)", "Korea", "Republic of Korea"],
    ),
    ("la", "Laos", &["Lao People's Democratic Republic"]),
    ("md", "Moldova", &["Moldova (Republic of)"]),
    ("mf", "Saint Martin", &["Saint Martin (French part)"]),
    (
        "mk",
        "North Macedonia",
        &["Macedonia (the former Yugoslav Republic of)", "Macedonia"],
    ),
    ("mo", "Macao", &["Macau"]),
    ("nl", "Netherlands", &["Holland"]),
    ("ps", "Palestine", &["Palestine, State of"]),
    ("ru", "Russia", &["Russian Federation"]),
    ("sx", "Sint Maarten", &["Sint Maarten (Dutch part)"]),
    ("sy", "Syria", &["Syrian Arab Republic"]),
    ("sz", "Eswatini", &["Swaziland"]),
    ("tl", "Timor-Leste", &["East Timor"]),
    ("tr", "Türkiye", &["Turkey"]),
    ("tw", "Taiwan", &["Taiwan, Province of China"]),
    ("tz", "Tanzania", &["Tanzania, United Republic of"]),
    (
        "us",
        "United States",
        &["United States of America", "USA", "America"],
    ),
    ("va", "Vatican City", &["Holy See"]),
    ("ve", "Venezuela", &["Venezuela (Bolivarian Republic of)"]),
    (
        "vg",
        "British Virgin Islands",
        &["Virgin Islands (British)"],
    ),
    ("vi", "U.S. Virgin Islands", &["Virgin Islands (U.S.)"]),
    ("vn", "Vietnam", &["Viet Nam"]),
];

/// A named group of countries.
pub struct Group {
    pub name: &'static str,
    pub description: &'static str,
    /// Other names people type for it.
    pub aliases: &'static [&'static str],
    pub members: &'static [Country],
}

const fn c(code: &str) -> Country {
    Country::known(code)
}

/// The 27 member states of the European Union.
#[rustfmt::skip]
pub const EU: &[Country] = &[
    c("at"), c("be"), c("bg"), c("cy"), c("cz"), c("de"), c("dk"), c("ee"), c("es"), c("fi"),
    c("fr"), c("gr"), c("hr"), c("hu"), c("ie"), c("it"), c("lt"), c("lu"), c("lv"), c("mt"),
    c("nl"), c("pl"), c("pt"), c("ro"), c("se"), c("si"), c("sk"),
];

/// The ten ASEAN member states.
#[rustfmt::skip]
const SEA: &[Country] = &[
    c("bn"), c("id"), c("kh"), c("la"), c("mm"), c("my"), c("ph"), c("sg"), c("th"), c("vn"),
];

#[rustfmt::skip]
const APAC: &[Country] = &[
    c("au"), c("bd"), c("bn"), c("bt"), c("cn"), c("fj"), c("hk"), c("id"), c("in"), c("jp"),
    c("kh"), c("kr"), c("la"), c("lk"), c("mm"), c("mn"), c("mo"), c("mv"), c("my"), c("np"),
    c("nz"), c("pg"), c("ph"), c("pk"), c("sg"), c("th"), c("tl"), c("tw"), c("vn"),
];

#[rustfmt::skip]
const AMERICAS: &[Country] = &[
    c("ar"), c("bo"), c("br"), c("bs"), c("bz"), c("ca"), c("cl"), c("co"), c("cr"), c("cu"),
    c("do"), c("ec"), c("gt"), c("gy"), c("hn"), c("ht"), c("jm"), c("mx"), c("ni"), c("pa"),
    c("pe"), c("pr"), c("py"), c("sr"), c("sv"), c("tt"), c("us"), c("uy"), c("ve"),
];

/// What the `global` region value stands for.
pub const GLOBAL_DESCRIPTION: &str = "Applies everywhere";

/// Region groups accepted by `--region`, besides `global`.
pub const GROUPS: &[Group] = &[
    Group {
        name: "eu",
        description: "European Union member states",
        aliases: &["european union"],
        members: EU,
    },
    Group {
        name: "sea",
        description: "Southeast Asia (ASEAN members)",
        aliases: &[
            "asean",
            "southeast asia",
            "south-east asia",
            "south east asia",
        ],
        members: SEA,
    },
    Group {
        name: "apac",
        description: "Asia-Pacific",
        aliases: &["asia-pacific", "asia pacific"],
        members: APAC,
    },
    Group {
        name: "americas",
        description: "North, Central and South America",
        aliases: &[],
        members: AMERICAS,
    },
];

/// What a `--region` value names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegionQuery {
    /// Entries that apply everywhere.
    Global,
    /// A group of countries, such as `eu`.
    Group(&'static Group),
    /// One country.
    Country(Country),
}

impl RegionQuery {
    /// The canonical spelling: `global`, a group name or a country code.
    pub fn label(&self) -> &str {
        match self {
            RegionQuery::Global => "global",
            RegionQuery::Group(g) => g.name,
            RegionQuery::Country(c) => c.code(),
        }
    }

    /// The countries the value stands for (none for `global`).
    pub fn countries(&self) -> &[Country] {
        match self {
            RegionQuery::Global => &[],
            RegionQuery::Group(g) => g.members,
            RegionQuery::Country(c) => std::slice::from_ref(c),
        }
    }

    /// Every region value there is: `global`, the groups, every country.
    pub fn all() -> impl Iterator<Item = RegionQuery> {
        std::iter::once(RegionQuery::Global)
            .chain(GROUPS.iter().map(RegionQuery::Group))
            .chain(Country::all().map(RegionQuery::Country))
    }
}

impl fmt::Display for RegionQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl PartialEq for Group {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}
impl Eq for Group {}

impl fmt::Debug for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

impl FromStr for RegionQuery {
    type Err = String;
    /// Accepts a country code in any case, an English country name, a group (or a
    /// common name for it) or `global`.
    fn from_str(s: &str) -> Result<Self, String> {
        use crate::catalog::vocab::fold;
        let wanted = fold(s);
        if wanted == "global" {
            return Ok(RegionQuery::Global);
        }
        if let Some(g) = GROUPS
            .iter()
            .find(|g| g.name == wanted || g.aliases.iter().any(|a| fold(a) == wanted))
        {
            return Ok(RegionQuery::Group(g));
        }
        if let Some(c) = wanted
            .parse::<Country>()
            .ok()
            .or_else(|| Country::from_name(s))
        {
            return Ok(RegionQuery::Country(c));
        }
        Err(unknown_region(s))
    }
}

/// The error for a region value that names nothing, with the closest value.
fn unknown_region(s: &str) -> String {
    let short = crate::catalog::untrusted::shorten(s);
    let squeezed: String = s.chars().filter(|c| c.is_alphanumeric()).collect();
    let mut names: Vec<(&'static str, String)> = vec![("global", "global".to_owned())];
    for g in GROUPS {
        names.push((g.name, g.name.to_owned()));
        names.extend(g.aliases.iter().map(|a| (*a, g.name.to_owned())));
    }
    for c in Country::all() {
        names.extend(c.names().map(|n| (n, c.code().to_owned())));
    }
    // Compare without spaces too, so `hongkong` finds `Hong Kong`.
    let hint = crate::catalog::vocab::closest(&squeezed, names.iter().map(|(n, _)| *n))
        .or_else(|| crate::catalog::vocab::closest(s, names.iter().map(|(n, _)| *n)))
        .and_then(|n| names.iter().find(|(name, _)| *name == n))
        .map(|(name, code)| {
            if name.eq_ignore_ascii_case(code) {
                format!("; did you mean `{code}`?")
            } else {
                format!("; did you mean `{code}` ({name})?")
            }
        })
        .unwrap_or_default();
    format!(
        "unknown region `{short}`, expected an ISO 3166-1 alpha-2 country code (`sg`), an English country name (`singapore`), a group ({}) or `global`; `certs regions --all` lists them{hint}",
        GROUPS
            .iter()
            .map(|g| format!("`{}`", g.name))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_iso_country_has_a_name_and_a_code() {
        assert_eq!(Country::all().count(), 249);
        for c in Country::all() {
            assert!(!c.name().is_empty(), "{c}");
            assert_eq!(c.code().parse::<Country>(), Ok(c));
        }
        for (code, _, _) in COMMON {
            assert!(code.parse::<Country>().is_ok(), "{code}");
        }
    }

    #[test]
    fn group_members_are_known_countries() {
        for g in GROUPS {
            for m in g.members {
                assert!(!m.name().is_empty(), "{} in {}", m.code(), g.name);
            }
        }
        assert_eq!(EU.len(), 27);
        assert_eq!(SEA.len(), 10);
    }

    #[test]
    fn region_values_people_type() {
        let code = |s: &str| s.parse::<RegionQuery>().unwrap().label().to_owned();
        assert_eq!(code("SG"), "sg");
        assert_eq!(code("singapore"), "sg");
        assert_eq!(code("South Korea"), "kr");
        assert_eq!(code("korea"), "kr");
        assert_eq!(code("Korea (Republic of)"), "kr");
        assert_eq!(code("Germany"), "de");
        assert_eq!(code("hong kong"), "hk");
        assert_eq!(code("EU"), "eu");
        assert_eq!(code("asean"), "sea");
        assert_eq!(code("South-East Asia"), "sea");
        assert_eq!(code("southeast asia"), "sea");
        assert_eq!(code("Global"), "global");
        assert_eq!(Country::known("kr").name(), "South Korea");
        assert_eq!(Country::known("de").name(), "Germany");
    }

    #[test]
    fn unknown_regions_suggest_the_closest_value() {
        let err = "atlantis".parse::<RegionQuery>().unwrap_err();
        assert!(err.contains("`atlantis`") && err.contains("`sea`"), "{err}");
        let err = "hongkong".parse::<RegionQuery>().unwrap_err();
        assert!(err.ends_with("did you mean `hk` (Hong Kong)?"), "{err}");
        let err = "europe".parse::<RegionQuery>().unwrap_err();
        assert!(err.contains("did you mean `eu`"), "{err}");
    }

    #[test]
    fn country_codes_in_data_are_lowercase() {
        assert!("SG".parse::<Country>().is_err());
        assert!("sg".parse::<Country>().is_ok());
        assert!("zz".parse::<Country>().is_err());
    }
}
