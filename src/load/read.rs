//! Reading one file a user names, safely: a regular file only (a FIFO or a device
//! is refused before a byte is read, without blocking), at most [`MAX_FILE_BYTES`],
//! UTF-8 with the first bad byte located.

use std::fs;
use std::io::Read;
use std::path::Path;

/// Largest file read. An entry is a page of text; a megabyte is not an entry.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Reads a catalog file: a regular file (after following links) of at most
/// [`MAX_FILE_BYTES`].
///
/// The file is opened without blocking, so a FIFO named `*.yaml` cannot hang the load,
/// and anything that is not a regular file is refused before a byte is read. The
/// buffer is sized from the file's length, so reading takes one system call rather
/// than one per doubling of the buffer (8 per file before, on a 1.3 KB entry).
pub fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    read_limited(path, MAX_FILE_BYTES, "a YAML file").map_err(|e| match e {
        Limited::TooLarge(len) => too_large(len),
        Limited::Other(msg) => msg,
    })
}

/// Why a limited read failed.
pub enum Limited {
    TooLarge(u64),
    Other(String),
}

/// Reads a regular file of at most `limit` bytes; `what` names what was expected.
pub fn read_limited(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>, Limited> {
    let cannot = |e: std::io::Error| Limited::Other(format!("cannot read file: {}", io_reason(&e)));
    let mut file = open_nonblocking(path).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    if !meta.is_file() {
        return Err(Limited::Other(format!(
            "not a regular file; expected {what}"
        )));
    }
    if meta.len() > limit {
        return Err(Limited::TooLarge(meta.len()));
    }
    // One byte more than the file holds is asked for: a regular file answers a read
    // with fewer bytes than asked only at its end, so a file that gives exactly its
    // length is whole, without the second read that `read_to_end` makes to see the
    // end (10,000 system calls for 10,000 entries). A file that grew or answered
    // short is read on to its end, at most one byte past the limit.
    let len = meta.len() as usize;
    let mut bytes = vec![0; len + 1];
    let first = read_retrying(&mut file, &mut bytes).map_err(cannot)?;
    bytes.truncate(first);
    if first != len {
        file.take(limit + 1 - first as u64)
            .read_to_end(&mut bytes)
            .map_err(cannot)?;
    }
    if bytes.len() as u64 > limit {
        return Err(Limited::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// One `read`, retried if a signal interrupted it.
fn read_retrying(file: &mut fs::File, buf: &mut [u8]) -> std::io::Result<usize> {
    loop {
        match file.read(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> std::io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    // No effect on regular files; on a FIFO, open returns at once instead of waiting
    // for a writer.
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> std::io::Result<fs::File> {
    fs::File::open(path)
}

fn too_large(len: u64) -> String {
    format!(
        "file is {len} bytes, larger than the {MAX_FILE_BYTES}-byte (1 MiB) limit for one entry"
    )
}

pub fn io_reason(e: &std::io::Error) -> String {
    // ELOOP has no stable ErrorKind; name it so a symlink loop is recognisable.
    if e.raw_os_error() == Some(libc::ELOOP) {
        return "too many levels of symbolic links (a symlink loop?)".to_owned();
    }
    let s = e.to_string();
    s.split(" (os error").next().unwrap_or(&s).to_lowercase()
}

/// Decodes a catalog file's UTF-8, pointing at the first invalid byte's line and column.
pub fn decode(bytes: Vec<u8>) -> Result<String, ((u64, u64), String)> {
    decode_as(bytes, "catalog files")
}

/// Decodes UTF-8; `what` names the kind of file in the message (`catalog files`).
pub fn decode_as(bytes: Vec<u8>, what: &str) -> Result<String, ((u64, u64), String)> {
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let before = &bytes[..at];
        let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count() as u64
            + 1;
        (
            (line, column),
            format!(
                "invalid UTF-8 (byte 0x{:02x}); {what} must be UTF-8 text",
                bytes[at]
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_read_whole_in_one_read_and_the_limit_holds() {
        let dir = tempfile::tempdir().unwrap();
        for (len, limit, whole) in [
            (0, 10, true),
            (1, 10, true),
            (10, 10, true),
            (11, 10, false),
        ] {
            let path = dir.path().join(format!("{len}.yaml"));
            let text: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
            fs::write(&path, &text).unwrap();
            match read_limited(&path, limit, "a YAML file") {
                Ok(bytes) => assert!(whole && bytes == text, "{len} bytes under {limit}"),
                Err(Limited::TooLarge(n)) => assert!(!whole && n == len as u64, "{len}"),
                Err(Limited::Other(m)) => panic!("{len}: {m}"),
            }
        }
    }

    #[test]
    fn invalid_utf8_is_located() {
        let ((line, col), msg) = decode(b"id: a\nname: \xff\n".to_vec()).unwrap_err();
        assert_eq!((line, col), (2, 7));
        assert!(msg.contains("0xff"), "{msg}");
    }
}
