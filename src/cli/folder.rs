//! An output folder that `certs site` owns, published whole or not at all.
//!
//! The site writes a manifest of its files (`.certs-site`, one path a line). A rebuild
//! into a folder it built removes the files it wrote before and no longer writes, and
//! keeps every other file (a `CNAME`, a `robots.txt`). A non-empty folder without a
//! manifest is refused unless `--force`, which still never deletes or overwrites a
//! file certs did not write.
//!
//! The new site is built in a fresh sibling folder (`.NAME.certs-new`), where every
//! file is created new, so no symlink already in the output folder can send a write
//! elsewhere; files certs did not write are linked (or copied) across; then the two
//! folders are swapped by renames. A build that fails or is killed before the swap
//! leaves the previous site as it was; one killed between the two renames leaves it
//! in `.NAME.certs-old`, and the next build puts it back first.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::catalog::untrusted::shown_path;
use crate::cli::exit::Refusal;
use crate::load::read::io_reason;

/// The manifest of the files a site wrote, inside its folder.
pub const MANIFEST: &str = ".certs-site";
const HEADER: &str =
    "# files written by certs site; certs removes them when a rebuild no longer writes them";

/// What a publish did, for the closing line.
#[derive(Debug, Default)]
pub struct Published {
    pub written: usize,
    /// Files the previous build wrote that this one does not.
    pub removed: usize,
    /// Files in the folder that certs did not write, kept.
    pub kept: usize,
}

/// Writes the files at `paths` (relative) as the whole content certs owns in `out`.
/// `write` is handed a [`Writer`] once the folder has been checked against every
/// path, and writes each file through it, one at a time, so a large site is never
/// held in memory whole; it must write each path of `paths` exactly once.
pub fn publish(
    out: &Path,
    paths: &[PathBuf],
    force: bool,
    write: impl FnOnce(&mut Writer) -> anyhow::Result<()>,
) -> anyhow::Result<Published> {
    let shown = || shown_path(out);
    let name = out.file_name().ok_or_else(|| {
        Refusal::usage(format!(
            "`{}` names no folder; give a folder's path, e.g. `public`",
            shown()
        ))
    })?;
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let sibling = |what: &str| {
        let mut n = std::ffi::OsString::from(".");
        n.push(name);
        n.push(what);
        parent.join(n)
    };
    let (fresh, old) = (sibling(".certs-new"), sibling(".certs-old"));
    fs::create_dir_all(&parent).map_err(|e| cannot("create the folder", &parent, &e))?;
    // A build killed between the two renames left the old site aside: put it back.
    if exists(&old) && !exists(out) {
        fs::rename(&old, out).map_err(|e| cannot("restore the previous site from", &old, &e))?;
    }
    let previous = match fs::symlink_metadata(out) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(cannot("open the output folder", out, &e)),
        Ok(m) if m.file_type().is_symlink() => {
            return Err(Refusal::usage(format!(
                "`{}` is a symbolic link; give the folder it points to, so certs never writes where a link leads",
                shown()
            )));
        }
        Ok(m) if !m.is_dir() => {
            return Err(Refusal::usage(format!(
                "`{}` exists and is not a folder; give a new or empty folder for the site",
                shown()
            )));
        }
        Ok(_) => Some(read_manifest(out)?),
    };
    let ours: BTreeSet<PathBuf> = previous.iter().flatten().flatten().cloned().collect();
    let new: BTreeSet<&Path> = paths.iter().map(PathBuf::as_path).collect();
    // What is in the folder that certs did not write: kept, never overwritten.
    let mut foreign = Vec::new();
    if previous.is_some() {
        walk(out, Path::new(""), &mut foreign)?;
        foreign.retain(|(rel, _)| !ours.contains(rel) && rel != Path::new(MANIFEST));
    }
    if matches!(previous, Some(None)) && !foreign.is_empty() && !force {
        return Err(Refusal::usage(format!(
            "`{}` is not empty and was not built by certs site; give a new or empty folder, or --force to write beside what is there (certs never deletes or overwrites a file it did not write)",
            shown()
        )));
    }
    // A file or link of someone else's where the site writes a file, or a folder.
    let clash = |rel: &Path| new.iter().any(|n| n.starts_with(rel));
    if let Some((rel, _)) = foreign
        .iter()
        .find(|(rel, kind)| *kind != Kind::Dir && clash(rel))
    {
        return Err(Refusal::usage(format!(
            "the site would overwrite `{}` in `{}`, which certs did not write; move it away first",
            shown_path(rel),
            shown()
        )));
    }

    // Build the new folder from nothing.
    if exists(&fresh) {
        fs::remove_dir_all(&fresh).map_err(|e| cannot("clear the leftover", &fresh, &e))?;
    }
    fs::create_dir(&fresh).map_err(|e| cannot("create", &fresh, &e))?;
    let mut writer = Writer {
        dir: &fresh,
        expected: &new,
        written: BTreeSet::new(),
    };
    let wrote = write(&mut writer).and_then(|()| writer.finish());
    if let Err(e) = wrote {
        // Nothing half-built is left beside the site.
        let _ = fs::remove_dir_all(&fresh);
        return Err(e);
    }
    for (rel, kind) in &foreign {
        let (from, to) = (out.join(rel), fresh.join(rel));
        match kind {
            Kind::Dir => fs::create_dir_all(&to).map_err(|e| cannot("create", &to, &e))?,
            Kind::Link => {
                let target =
                    fs::read_link(&from).map_err(|e| cannot("read the link", &from, &e))?;
                make_parent(&to)?;
                std::os::unix::fs::symlink(&target, &to)
                    .map_err(|e| cannot("keep the link", &to, &e))?;
            }
            Kind::File => {
                make_parent(&to)?;
                if fs::hard_link(&from, &to).is_err() {
                    fs::copy(&from, &to).map_err(|e| cannot("keep", &from, &e))?;
                }
            }
        }
    }
    let mut manifest = format!("{HEADER}\n");
    for rel in &new {
        manifest.push_str(&rel.display().to_string());
        manifest.push('\n');
    }
    create_new(&fresh.join(MANIFEST), manifest.as_bytes())?;

    // Swap.
    if previous.is_some() {
        if exists(&old) {
            fs::remove_dir_all(&old).map_err(|e| cannot("clear the leftover", &old, &e))?;
        }
        fs::rename(out, &old).map_err(|e| cannot("move aside the previous site in", out, &e))?;
        fs::rename(&fresh, out).map_err(|e| cannot("move the new site into", out, &e))?;
        fs::remove_dir_all(&old).map_err(|e| cannot("remove the previous site from", &old, &e))?;
    } else {
        fs::rename(&fresh, out).map_err(|e| cannot("move the new site into", out, &e))?;
    }
    Ok(Published {
        written: paths.len(),
        removed: ours.iter().filter(|p| !new.contains(p.as_path())).count(),
        kept: foreign.iter().filter(|(_, k)| *k != Kind::Dir).count(),
    })
}

/// Writes the new site's files into the fresh folder, each path once, and only the
/// paths the folder was checked against.
pub struct Writer<'a> {
    dir: &'a Path,
    expected: &'a BTreeSet<&'a Path>,
    written: BTreeSet<PathBuf>,
}

impl Writer<'_> {
    pub fn file(&mut self, rel: &Path, bytes: &[u8]) -> anyhow::Result<()> {
        // A page outside the list, or written twice, is a bug of ours: refuse rather
        // than publish a site whose manifest does not say what it holds.
        if !self.expected.contains(rel) || !self.written.insert(rel.to_path_buf()) {
            anyhow::bail!(
                "internal error: the site wrote `{}`, which it did not plan, or wrote it twice",
                shown_path(rel)
            );
        }
        create_new(&self.dir.join(rel), bytes)
    }

    fn finish(&self) -> anyhow::Result<()> {
        match self.expected.iter().find(|p| !self.written.contains(**p)) {
            Some(missing) => anyhow::bail!(
                "internal error: the site planned `{}` but did not write it",
                shown_path(missing)
            ),
            None => Ok(()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    File,
    Dir,
    Link,
}

/// The files certs wrote into `out` before: `None` when there is no manifest.
fn read_manifest(out: &Path) -> anyhow::Result<Option<Vec<PathBuf>>> {
    let path = out.join(MANIFEST);
    match fs::symlink_metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(cannot("read", &path, &e)),
        Ok(m) if !m.is_file() => {
            return Err(Refusal::usage(format!(
                "`{}` is not a regular file; certs site keeps its list of files there",
                shown_path(&path)
            )));
        }
        Ok(_) => {}
    }
    let bytes = crate::load::read::read_limited(&path, 16 * 1024 * 1024, "a list of files")
        .map_err(|_| Refusal::usage(format!("cannot read `{}`", shown_path(&path))))?;
    let text = String::from_utf8_lossy(&bytes);
    // Only plain relative paths inside the folder count: a tampered manifest cannot
    // make a rebuild delete anything outside it.
    Ok(Some(
        text.lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(PathBuf::from)
            .filter(|p| {
                p.components()
                    .all(|c| matches!(c, std::path::Component::Normal(_)))
            })
            .collect(),
    ))
}

/// Every file, folder and link below `dir`, by path relative to the folder, without
/// following a link.
fn walk(dir: &Path, rel: &Path, found: &mut Vec<(PathBuf, Kind)>) -> anyhow::Result<()> {
    let at = dir.join(rel);
    let mut items: Vec<_> = fs::read_dir(&at)
        .map_err(|e| cannot("read", &at, &e))?
        .collect::<Result<_, _>>()
        .map_err(|e| cannot("read", &at, &e))?;
    items.sort_by_key(fs::DirEntry::file_name);
    for item in items {
        let path = rel.join(item.file_name());
        let kind = item
            .file_type()
            .map_err(|e| cannot("read", &dir.join(&path), &e))?;
        if kind.is_symlink() {
            found.push((path, Kind::Link));
        } else if kind.is_dir() {
            found.push((path.clone(), Kind::Dir));
            walk(dir, &path, found)?;
        } else if kind.is_file() {
            found.push((path, Kind::File));
        } else {
            // Copying a FIFO would wait for a writer forever; a device could be endless.
            return Err(Refusal::usage(format!(
                "`{}` in `{}` is not a file, folder or link (a FIFO, socket or device); certs site keeps only those, so move it away first",
                shown_path(&path),
                shown_path(dir)
            )));
        }
    }
    Ok(())
}

fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

fn make_parent(path: &Path) -> anyhow::Result<()> {
    match path.parent() {
        Some(p) => fs::create_dir_all(p).map_err(|e| cannot("create", p, &e)),
        None => Ok(()),
    }
}

/// Creates a file that must not exist yet: in a fresh folder, nothing can be there,
/// so nothing is followed or overwritten.
fn create_new(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    make_parent(path)?;
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| cannot("write", path, &e))?;
    file.write_all(bytes)
        .with_context(|| format!("cannot write `{}`", shown_path(path)))
}

fn cannot(what: &str, path: &Path, e: &std::io::Error) -> anyhow::Error {
    Refusal::usage(format!(
        "cannot {what} `{}`: {}",
        shown_path(path),
        io_reason(e)
    ))
}
