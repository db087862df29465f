//! The load wing: bytes on disk, or embedded at build time, into entries and problems.
//! Takes a [`Source`]; hands on [`Loaded`]: a [`Catalog`] of the entries that parsed,
//! every problem found (through the `check` wing), and what was skipped. Every limit on
//! untrusted bytes (size, count, regular files only, the YAML budget) is applied here.
//!
//! Reading a catalog: the embedded one, or a directory of YAML files.
//!
//! Every file is read under limits (size, count, regular files only), parsed into an
//! [`Entry`] with a strict YAML budget (no anchors or aliases, bounded depth and node
//! count), then checked by [`crate::check::validate`]. Problems are collected for all files;
//! the catalog holds the entries that parsed.

pub(crate) mod published;
pub(crate) mod read;
pub(crate) mod yaml;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::catalog::Catalog;
use crate::catalog::entry::Entry;
use crate::catalog::manifest::{self, Manifest};
use crate::catalog::untrusted::shown_path;
use crate::check::problem::Problem;
use crate::check::validate;
pub use crate::load::yaml::parse_entry;

pub use crate::load::read::MAX_FILE_BYTES;
use crate::load::read::{decode, io_reason, read_file};
/// Most files a catalog may hold: twice the largest catalog we benchmark.
pub const MAX_ENTRIES: usize = 200_000;

/// The shipped catalog, embedded at build time by `build/` as (file name, text), sorted.
static EMBEDDED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// The shipped catalog's manifest.
pub static EMBEDDED_MANIFEST: &str = include_str!("../../data/catalog.toml");

/// Where a catalog comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The catalog compiled into the binary.
    Embedded,
    /// A directory of `.yaml`/`.yml` files, one entry each.
    Dir(PathBuf),
}

impl Source {
    pub fn describe(&self) -> String {
        match self {
            Source::Embedded => "the embedded catalog".to_owned(),
            Source::Dir(p) => format!("`{}`", shown_path(p)),
        }
    }
}

/// Where an entry was read from, so a later check can point back at it.
#[derive(Debug, Clone)]
pub struct Origin {
    /// The file as shown in messages (`data/c5.yaml`, `my-catalog/c5.yaml`).
    pub file: String,
    from: From,
}

/// Where the file's text is.
#[derive(Debug, Clone)]
enum From {
    /// Compiled into the binary.
    Embedded(&'static str),
    /// On disk, read when parsed.
    Disk(PathBuf),
    /// On disk at the path the file is shown as (`Origin::file`), as nearly every
    /// file in a catalog directory is: one copy of the path, not two, for each of
    /// up to 200,000 files held while they load.
    DiskAsShown,
    /// A symbolic link in the catalog directory that leads out of it: refused
    /// without being read, so nothing outside the catalog is quoted in a message.
    Outside,
    /// Handed over in memory by the caller (tests, property checks).
    Memory,
}

impl Origin {
    /// The file on disk, if the text is in one.
    fn path(&self) -> Option<&Path> {
        match &self.from {
            From::Disk(path) => Some(path),
            From::DiskAsShown => Some(Path::new(&self.file)),
            From::Embedded(_) | From::Outside | From::Memory => None,
        }
    }

    /// An origin with no file behind it, for checking text held in memory.
    pub fn named(file: impl Into<String>) -> Self {
        Origin {
            file: file.into(),
            from: From::Memory,
        }
    }
}

/// A file that was not read, and why.
pub type Skipped = (String, &'static str);

/// The result of a load: the entries that parsed, and every problem found.
#[derive(Debug, Default)]
pub struct Loaded {
    pub catalog: Catalog,
    pub problems: Vec<Problem>,
    /// Files in the directory that were not read, and why, for `--verbose`.
    pub skipped: Vec<Skipped>,
    /// Catalog files read, whether or not they parsed.
    pub files: usize,
}

/// Why there is no catalog to check at all. Problems inside files are not errors:
/// they are collected in [`Loaded`].
#[derive(Debug)]
pub enum LoadError {
    /// The catalog directory cannot be opened (`action` "open") or listed ("read").
    Directory {
        dir: PathBuf,
        action: &'static str,
        reason: String,
    },
    NotADirectory(PathBuf),
    /// More files than [`MAX_ENTRIES`], in a directory or given one by one.
    TooManyFiles {
        dir: Option<PathBuf>,
        max: usize,
    },
    NoYaml(PathBuf),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Directory {
                dir,
                action,
                reason,
            } => write!(
                f,
                "cannot {action} catalog directory `{}`: {reason}",
                shown_path(dir)
            ),
            Self::NotADirectory(dir) => write!(
                f,
                "`{}` is not a directory; expected a directory of .yaml files",
                shown_path(dir)
            ),
            Self::TooManyFiles {
                dir: Some(dir),
                max,
            } => write!(
                f,
                "catalog directory `{}` holds more than {max} .yaml files, the most one catalog may have",
                shown_path(dir)
            ),
            Self::TooManyFiles { dir: None, max } => write!(
                f,
                "more than {max} catalog files given, the most one catalog may have"
            ),
            Self::NoYaml(dir) => write!(
                f,
                "catalog directory `{}` has no .yaml or .yml files",
                shown_path(dir)
            ),
        }
    }
}

impl std::error::Error for LoadError {}

type Result<T, E = LoadError> = std::result::Result<T, E>;

impl Loaded {
    pub fn error_count(&self) -> usize {
        self.problems.iter().filter(|p| p.is_error()).count()
    }
}

/// Loads a catalog to answer questions from. The embedded catalog comes from the
/// entries `build/` wrote as Rust: building them is many times cheaper than parsing
/// the YAML, and every command that runs in a shell loop pays it. Its checks ran
/// where it was built (tests and `certs validate` in CI check `data/`), so they are
/// not repeated. Anything else, or embedded entries that do not build, goes through
/// [`load`] with every check.
///
/// `today` is asked for only when checks run: finding it reads the time zone file,
/// which the embedded path has no use for.
pub fn read(source: &Source, today: impl FnOnce() -> NaiveDate) -> Result<Loaded> {
    if *source == Source::Embedded
        && let Ok(entries) = embedded_entries()
        && entries.len() == EMBEDDED.len()
    {
        return Ok(Loaded {
            files: entries.len(),
            catalog: Catalog::new(entries).with_manifest_text(EMBEDDED_MANIFEST),
            ..Loaded::default()
        });
    }
    load(source, today())
}

/// The embedded catalog as `build/` wrote it in Rust, with no fallback: building
/// the entries costs a fraction of parsing them. Values with rules still go through
/// the model's `FromStr`, so a bad value is an error here, never a panic.
pub fn embedded_entries() -> Result<Vec<Entry>, String> {
    // The generated code names what the shipped data holds; a type may go unused.
    #[allow(unused_imports)]
    use crate::catalog::entry::{
        Basis, CoveredRegion, Evidence, Normalisation, Period, Scope, SourceRef,
    };
    use std::str::FromStr;
    fn s(text: &str) -> String {
        text.to_owned()
    }
    fn vs(items: &[&str]) -> Vec<String> {
        items.iter().map(|t| (*t).to_owned()).collect()
    }
    fn p<T: FromStr<Err = String>>(text: &str) -> Result<T, String> {
        text.parse()
    }
    fn vp<T: FromStr<Err = String>>(items: &[&str]) -> Result<Vec<T>, String> {
        items.iter().map(|t| t.parse()).collect()
    }
    Ok(include!(concat!(env!("OUT_DIR"), "/embedded_entries.rs")))
}

/// Loads and validates a catalog. Fails outright only when there is nothing to load
/// (a missing or empty directory); problems in files are collected in [`Loaded`].
pub fn load(source: &Source, today: NaiveDate) -> Result<Loaded> {
    let (files, skipped) = match source {
        Source::Embedded => (
            EMBEDDED
                .iter()
                .map(|(name, text)| Origin {
                    file: format!("data/{name}"),
                    from: From::Embedded(text),
                })
                .collect(),
            Vec::new(),
        ),
        Source::Dir(dir) => list_dir(dir, MAX_ENTRIES)?,
    };
    let (manifest, problems) = read_manifest(source);
    Ok(check_all(files, skipped, manifest, problems, today))
}

/// Loads and validates what a pre-commit hook hands over: catalog files and
/// directories, mixed. A file is checked as it is, whatever its name; the checks
/// across entries run within the set given; the manifest is the one beside the
/// first path, if there is one.
pub fn load_paths(paths: &[PathBuf], today: NaiveDate) -> Result<Loaded> {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        if path.is_dir() {
            let (mut f, mut s) = list_dir(path, MAX_ENTRIES)?;
            files.append(&mut f);
            skipped.append(&mut s);
        } else {
            // Read later, under the same limits; a missing file is a problem of its own.
            files.push(Origin {
                file: path.display().to_string(),
                from: From::Disk(path.clone()),
            });
        }
    }
    if files.len() > MAX_ENTRIES {
        return Err(LoadError::TooManyFiles {
            dir: None,
            max: MAX_ENTRIES,
        });
    }
    // One file named twice (`a.yaml ./a.yaml`, or a file and its folder) is read
    // once: it cannot clash with itself.
    if paths.len() > 1 {
        let mut seen = std::collections::HashSet::new();
        files.retain(|o| match o.path() {
            Some(p) => seen.insert(fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())),
            None => true,
        });
    }
    let dir = paths.first().map(|p| {
        if p.is_dir() {
            p.clone()
        } else {
            p.parent().map(Path::to_path_buf).unwrap_or_default()
        }
    });
    let (manifest, problems) = match dir {
        Some(d) => read_manifest(&Source::Dir(if d.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            d
        })),
        None => (None, Vec::new()),
    };
    Ok(check_all(files, skipped, manifest, problems, today))
}

/// Parses and checks every file, then the checks across entries.
fn check_all(
    files: Vec<Origin>,
    skipped: Vec<Skipped>,
    manifest: Option<Manifest>,
    mut problems: Vec<Problem>,
    today: NaiveDate,
) -> Loaded {
    let file_count = files.len();
    // The problems handed in are the manifest's: a broken catalog.toml is one error,
    // not one "no catalog.toml" warning for every entry that cites a document.
    let manifest_broken = manifest.is_none() && problems.iter().any(Problem::is_error);
    let mut parsed = parse_all(&files, today);
    let mut origins = Vec::with_capacity(parsed.len());
    // Files the typed parse refused, with the names they would be found by.
    let mut refused = Vec::new();
    // Every file's names as they look, entries first and then refused files, as
    // `keys_of` below numbers them.
    let mut folded = Vec::with_capacity(parsed.len());
    let mut refused_folded = Vec::new();
    for (origin, p) in parsed.iter_mut().enumerate() {
        problems.append(&mut p.problems);
        if p.entry.is_some() {
            origins.push(origin);
            folded.push(std::mem::take(&mut p.folded));
        } else if let Some(keys) = p.keys.take() {
            refused.push((origin, keys));
            refused_folded.push(std::mem::take(&mut p.folded));
        }
    }
    folded.append(&mut refused_folded);
    // In place: the entries stay where the workers wrote them, rather than being
    // copied into a second vector as large as the first.
    let entries: Vec<Entry> = parsed.into_iter().filter_map(|p| p.entry).collect();
    let sources = Sources {
        files: &files,
        origins: &origins,
    };
    // Names clash across every file that has them, so one run reports a clash with a
    // file that has other problems too.
    let keys_of = |i: usize| match entries.get(i) {
        Some(e) => validate::Keys::of(e),
        None => refused[i - entries.len()].1.view(),
    };
    let keyed_origins: Vec<usize> = origins
        .iter()
        .copied()
        .chain(refused.iter().map(|(o, _)| *o))
        .collect();
    let keyed_sources = Sources {
        files: &files,
        origins: &keyed_origins,
    };
    problems.extend(validate::check_keys(&folded, &keys_of, &keyed_sources));
    problems.extend(validate::check_summaries(&entries, &sources));
    if !manifest_broken {
        problems.extend(validate::check_sources(
            &entries,
            manifest.as_ref(),
            &sources,
        ));
    }
    Loaded {
        catalog: Catalog::new(entries).with_manifest(manifest),
        problems,
        skipped,
        files: file_count,
    }
}

/// The files behind the entries that parsed: the `i`-th entry came from
/// `files[origins[i]]`.
struct Sources<'a> {
    files: &'a [Origin],
    origins: &'a [usize],
}

impl validate::Files for Sources<'_> {
    fn name(&self, i: usize) -> &str {
        self.origins
            .get(i)
            .and_then(|&o| self.files.get(o))
            .map_or("", |f| f.file.as_str())
    }

    fn text(&self, i: usize) -> String {
        self.origins
            .get(i)
            .and_then(|&o| self.files.get(o))
            .map(reread)
            .unwrap_or_default()
    }
}

/// The catalog's `catalog.toml`, if it has one, and any problem reading it.
fn read_manifest(source: &Source) -> (Option<Manifest>, Vec<Problem>) {
    let (file, text) = match source {
        Source::Embedded => (
            format!("data/{}", manifest::FILE),
            Ok(EMBEDDED_MANIFEST.to_owned()),
        ),
        Source::Dir(dir) => {
            let path = dir.join(manifest::FILE);
            let shown = path.display().to_string();
            // Absent only when nothing is there: a dangling link or a loop named
            // catalog.toml is a broken manifest, not a missing one.
            let text = match fs::symlink_metadata(&path) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (None, Vec::new()),
                Err(e) => Err(format!("cannot read file: {}", io_reason(&e))),
                Ok(m)
                    if m.file_type().is_symlink()
                        && leads(fs::canonicalize(dir).ok().as_deref(), &path) != Leads::Inside =>
                {
                    Err("a symbolic link that leads outside the catalog directory, or nowhere; refused (copy the file in instead)".to_owned())
                }
                Ok(_) => read::read_limited(&path, manifest::MAX_BYTES, "a TOML file (the catalog manifest)")
                    .map_err(|e| match e {
                        read::Limited::TooLarge(n) => format!(
                            "file is {n} bytes, larger than the {}-byte limit for a manifest",
                            manifest::MAX_BYTES
                        ),
                        read::Limited::Other(msg) => msg,
                    })
                    .and_then(|b| decode(b).map_err(|(_, msg)| msg)),
            };
            (shown, text)
        }
    };
    match text.map(|t| (Manifest::parse(&t), t)) {
        Ok((Ok(m), text)) => {
            let problems = validate::check_manifest(&file, &text, &m);
            // A manifest with errors describes nothing: its entries are not checked
            // against it, and the errors say why.
            let usable = !problems.iter().any(Problem::is_error);
            (usable.then_some(m), problems)
        }
        Ok((Err((pos, msg)), _)) => (None, vec![Problem::error(&file, msg).at(pos)]),
        Err(msg) => (None, vec![Problem::error(&file, msg)]),
    }
}

/// Whether the link at `path` resolves to a file inside `dir`.
/// Where a symbolic link in a catalog directory leads: `root` is the directory,
/// canonical (`None` when it cannot be resolved).
#[derive(PartialEq)]
enum Leads {
    Inside,
    Outside,
    /// Nowhere: dangling, or a loop.
    Nowhere,
}

fn leads(root: Option<&Path>, link: &Path) -> Leads {
    match (root, fs::canonicalize(link)) {
        (_, Err(_)) => Leads::Nowhere,
        (Some(root), Ok(target)) if target.starts_with(root) => Leads::Inside,
        _ => Leads::Outside,
    }
}

/// One file's outcome: the entry if it parsed, and the file's own problems.
#[derive(Debug, Default)]
pub struct Parsed {
    pub entry: Option<Entry>,
    pub problems: Vec<Problem>,
    /// For a file the typed parse refused: the names it would be found by, so the
    /// checks across entries see it too.
    pub keys: Option<Box<validate::Keys<'static>>>,
    /// The entry's names (or those of `keys`) as they look, folded by the worker
    /// that parsed the file: [`validate::Keys::folded`].
    pub folded: validate::Folded,
}

/// A file's text again, for placing a problem found across entries; empty when it
/// can no longer be read (the problem is then placed at the top of the file).
fn reread(origin: &Origin) -> String {
    if let From::Embedded(text) = origin.from {
        return text.to_owned();
    }
    origin
        .path()
        .and_then(|path| read_file(path).ok())
        .and_then(|bytes| decode(bytes).ok())
        .unwrap_or_default()
}

impl Parsed {
    fn failed(problem: Problem) -> Self {
        Parsed {
            problems: vec![problem],
            ..Parsed::default()
        }
    }
}

/// Parses files on all cores. Each file is independent, and on a large catalog the
/// YAML parse is nearly all of the load time; results keep the input order.
///
/// Workers take small batches from a shared counter rather than a fixed half each,
/// so a core that runs slower (a busy neighbour, a cold cache) does less of the work
/// instead of holding up the end.
fn parse_all(files: &[Origin], today: NaiveDate) -> Vec<Parsed> {
    const BATCH: usize = 64;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || files.len() < 4 * BATCH {
        return files.iter().map(|f| parse_one(f, today)).collect();
    }
    // One slot per file, written in place by whichever worker takes its batch: no
    // per-batch vectors to concatenate, and no vector grown by doubling.
    let mut slots: Vec<Parsed> = std::iter::repeat_with(Parsed::default)
        .take(files.len())
        .collect();
    let batches = std::sync::Mutex::new(files.chunks(BATCH).zip(slots.chunks_mut(BATCH)));
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    // A poisoned lock means another worker panicked; the scope re-raises it.
                    let Some((batch, out)) = batches.lock().ok().and_then(|mut b| b.next()) else {
                        return;
                    };
                    for (file, slot) in batch.iter().zip(out) {
                        *slot = parse_one(file, today);
                    }
                }
            });
        }
    });
    slots
}

fn parse_one(origin: &Origin, today: NaiveDate) -> Parsed {
    let read = |path: &Path| match read_file(path) {
        Ok(bytes) => check_bytes(origin, bytes, today),
        Err(msg) => Parsed::failed(Problem::error(&origin.file, msg)),
    };
    match &origin.from {
        From::Embedded(text) => check_text(origin, text, today),
        From::Disk(path) => read(path),
        From::DiskAsShown => read(Path::new(&origin.file)),
        From::Memory => Parsed::default(),
        From::Outside => Parsed::failed(Problem::error(
            &origin.file,
            "a symbolic link to a file outside the catalog directory; refused, so a catalog cannot make certs read (and quote) files elsewhere; copy the file in instead",
        )),
    }
}

/// Decodes, parses and checks one file's bytes as if read from `origin`.
pub fn check_bytes(origin: &Origin, bytes: Vec<u8>, today: NaiveDate) -> Parsed {
    match decode(bytes) {
        Ok(text) => check_text(origin, &text, today),
        Err((pos, msg)) => Parsed::failed(Problem::error(&origin.file, msg).at(pos)),
    }
}

/// Parses and checks one entry's text as if read from `origin`: the entry, if it
/// parsed, and the problems of this file alone.
pub fn check_text(origin: &Origin, text: &str, today: NaiveDate) -> Parsed {
    match parse_entry(text) {
        Ok(entry) => Parsed {
            problems: validate::check_entry(&entry, &origin.file, text, today),
            folded: validate::Keys::of(&entry).folded(),
            entry: Some(entry),
            keys: None,
        },
        Err((pos, msg)) => {
            // The typed parse stops at the first problem; walk the tree for all of them.
            // Problems it cannot see (several documents, too deep) keep the parser's.
            let all = crate::check::tree::check(text);
            if all.is_empty() {
                return Parsed::failed(Problem::error(&origin.file, msg).at(pos));
            }
            let keys = crate::check::tree::keys(text);
            Parsed {
                problems: all
                    .into_iter()
                    .map(|(pos, msg)| Problem::error(&origin.file, msg).at(pos))
                    .collect(),
                folded: keys
                    .as_ref()
                    .map(validate::Keys::folded)
                    .unwrap_or_default(),
                keys: keys.map(Box::new),
                ..Parsed::default()
            }
        }
    }
}

/// Lists a directory's catalog files, sorted by name so output never depends on
/// `read_dir` order. Returns the files and the names of those skipped.
/// Files whose names start with a dot are skipped: editors and tools keep their own
/// files there (`.#c5.yaml`, `.c5.yaml.swp`), and `ls` hides them too.
fn list_dir(dir: &Path, max_entries: usize) -> Result<(Vec<Origin>, Vec<Skipped>)> {
    let dir_error = |action: &'static str, e: std::io::Error| LoadError::Directory {
        dir: dir.to_path_buf(),
        action,
        reason: io_reason(&e),
    };
    let meta = fs::metadata(dir).map_err(|e| dir_error("open", e))?;
    if !meta.is_dir() {
        return Err(LoadError::NotADirectory(dir.to_path_buf()));
    }
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let mut root: Option<Option<PathBuf>> = None;
    for item in fs::read_dir(dir).map_err(|e| dir_error("read", e))? {
        let item = item.map_err(|e| dir_error("read", e))?;
        let name = item.file_name().to_string_lossy().into_owned();
        let is_yaml = name.ends_with(".yaml") || name.ends_with(".yml");
        if name == manifest::FILE {
            continue;
        }
        if name.starts_with('.') {
            skipped.push((
                display_path(dir, &name),
                "hidden (its name starts with a dot)",
            ));
            continue;
        }
        if !is_yaml {
            skipped.push((display_path(dir, &name), "not a .yaml or .yml file"));
            continue;
        }
        // A link is followed only when it stays inside the directory: the catalog is
        // the directory, and a link to `/etc/shadow` named `x.yaml` must not be read.
        // Plain files, nearly all of them, cost no extra system call.
        let inside = match item.file_type() {
            Ok(t) if t.is_symlink() => {
                let root = root.get_or_insert_with(|| fs::canonicalize(dir).ok());
                // A dangling link or a loop is read, so that its error says why.
                leads(root.as_deref(), &item.path()) != Leads::Outside
            }
            _ => true,
        };
        files.push((name, item.path(), inside));
        if files.len() > max_entries {
            return Err(LoadError::TooManyFiles {
                dir: Some(dir.to_path_buf()),
                max: max_entries,
            });
        }
    }
    if files.is_empty() {
        return Err(LoadError::NoYaml(dir.to_path_buf()));
    }
    files.sort();
    skipped.sort();
    let origins = files
        .into_iter()
        .map(|(name, path, inside)| {
            let file = display_path(dir, &name);
            let from = if !inside {
                From::Outside
            } else if Path::new(&file) == path {
                From::DiskAsShown
            } else {
                // A name that is not UTF-8 is shown lossily: read it by its path.
                From::Disk(path)
            };
            Origin { file, from }
        })
        .collect();
    Ok((origins, skipped))
}

fn display_path(dir: &Path, name: &str) -> String {
    dir.join(name).display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
    }

    #[test]
    fn embedded_catalog_loads_clean() {
        let loaded = load(&Source::Embedded, today()).unwrap();
        assert_eq!(loaded.error_count(), 0, "{:#?}", loaded.problems);
        assert_eq!(loaded.catalog.entries().len(), 21);
        // The only warnings are true ones: the source names no evidence for these.
        for p in &loaded.problems {
            let id = p.entry.as_deref().unwrap();
            let entry = loaded
                .catalog
                .entries()
                .iter()
                .find(|e| e.id.as_str() == id)
                .unwrap();
            assert!(entry.evidence.is_empty(), "{p}");
        }
    }

    #[test]
    fn embedded_entries_hold_exactly_what_the_yaml_says() {
        // The fast path must never answer differently from the YAML it was made from.
        let fast = embedded_entries().expect("the embedded entries build on their own");
        assert_eq!(fast.len(), EMBEDDED.len(), "one entry per file in data/");
        let fast = Catalog::new(fast);
        let yaml = load(&Source::Embedded, today()).unwrap();
        assert_eq!(fast.entries(), yaml.catalog.entries());
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let from_disk = load(&Source::Dir(data), today()).unwrap();
        assert_eq!(fast.entries(), from_disk.catalog.entries());
    }

    #[test]
    fn parallel_load_keeps_each_file_with_its_entry() {
        // Enough files for the batched workers; a cross-file problem must name the
        // file it is in, which needs parse results back in file order.
        let dir = tempfile::tempdir().unwrap();
        for i in 0..600 {
            let alias = if i == 577 { "aliases: [e0005]\n" } else { "" };
            let text = format!(
                "id: e{i:04}\nname: E{i}\nkind: audit\njurisdictions: [sg]\n{alias}evidence:\n  - type: certificate\nsummary: s\n"
            );
            std::fs::write(dir.path().join(format!("e{i:04}.yaml")), text).unwrap();
        }
        let loaded = load(&Source::Dir(dir.path().to_owned()), today()).unwrap();
        assert_eq!(loaded.catalog.entries().len(), 600);
        let errors: Vec<&Problem> = loaded.problems.iter().filter(|p| p.is_error()).collect();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].file.ends_with("e0577.yaml"), "{}", errors[0]);
        assert_eq!(errors[0].entry.as_deref(), Some("e0577"));
        assert_eq!((errors[0].line, errors[0].column), (Some(5), Some(11)));
    }

    #[test]
    fn too_many_files_is_an_error_naming_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..4 {
            std::fs::write(dir.path().join(format!("e{i}.yaml")), "x").unwrap();
        }
        let err = list_dir(dir.path(), 3).unwrap_err().to_string();
        assert!(err.contains("holds more than 3 .yaml files"), "{err}");
        assert!(list_dir(dir.path(), 4).is_ok());
    }
}

#[cfg(test)]
/// Lookup on the embedded catalog: here, because the catalog wing cannot load one.
mod lookup_tests {
    use crate::catalog::{Catalog, Lookup};
    use crate::load::{Source, load};

    fn catalog() -> Catalog {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        load(&Source::Embedded, today).unwrap().catalog
    }

    #[test]
    fn keys_ignore_case_spaces_hyphens_and_underscores() {
        let c = catalog();
        for (key, id) in [
            ("PCI", "pci-dss"),
            ("pci dss", "pci-dss"),
            ("K-ISMS", "kisms"),
            ("k isms", "kisms"),
            ("bsi c5", "c5"),
            ("sec 17a-4", "sec-17a-4"),
            ("SEC_17a_4", "sec-17a-4"),
        ] {
            assert_eq!(c.get(key).map(|e| e.id.as_str()), Some(id), "{key}");
        }
    }

    #[test]
    fn a_key_that_starts_several_entries_is_ambiguous() {
        let c = catalog();
        match c.lookup("fsi") {
            Lookup::Ambiguous(found) => {
                let ids: Vec<&str> = found.iter().map(|e| e.id.as_str()).collect();
                assert_eq!(
                    ids,
                    [
                        "fsi-audit-id",
                        "fsi-audit-my",
                        "fsi-audit-ph",
                        "fsi-audit-th"
                    ]
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_near_miss_suggests_without_opening() {
        let c = catalog();
        assert!(matches!(c.lookup("tisx"), Lookup::Missing(Some(e)) if e.id.as_str() == "tisax"));
        assert_eq!(c.lookup("zzzzzz"), Lookup::Missing(None));
    }
}
