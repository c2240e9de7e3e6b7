//! The file handles of open documents, shared per file within the process.
//!
//! SQLite's locks on Unix are POSIX advisory locks, and closing *any* descriptor of a file
//! drops *all* of the process's POSIX locks on it ("How To Corrupt An SQLite Database"
//! §2.2). So this crate opens at most one descriptor per document file and process, shares
//! it between every [`crate::Document`] of that file, and closes it only after the last of
//! their SQLite connections. The same descriptor carries the exclusive `flock` that marks a
//! document as open for editing (RELIABILITY D5); `flock` and POSIX locks do not interact.
//!
//! On Windows `File::try_lock` is a mandatory whole-file lock that would also block
//! SQLite's own reads; a Windows build needs the edit lock on a sidecar file instead.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Weak};

use crate::StoreError;

/// A file's identity: device and inode (volume and file index on Windows).
type FileKey = (u64, u64);

static OPEN_FILES: Mutex<BTreeMap<FileKey, Weak<SharedFile>>> = Mutex::new(BTreeMap::new());

fn open_files() -> MutexGuard<'static, BTreeMap<FileKey, Weak<SharedFile>>> {
    // The map stays consistent even if a holder panicked: every change is one insert or remove.
    OPEN_FILES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The one descriptor of a document file in this process.
#[derive(Debug)]
pub(crate) struct SharedFile {
    file: File,
    key: FileKey,
    writable: bool,
    editing: AtomicBool,
}

impl Drop for SharedFile {
    fn drop(&mut self) {
        let mut files = open_files();
        if files.get(&self.key).is_some_and(|w| w.strong_count() == 0) {
            files.remove(&self.key);
        }
    }
}

impl SharedFile {
    /// The descriptor for `path`, opened read-write where allowed, never through a symlink.
    pub(crate) fn open(path: &Path) -> Result<Arc<SharedFile>, StoreError> {
        let key = file_key(
            path,
            &std::fs::symlink_metadata(path).map_err(StoreError::io(path))?,
        );
        let mut files = open_files();
        if let Some(shared) = files.get(&key).and_then(Weak::upgrade) {
            drop(files);
            return Ok(shared);
        }
        let (file, writable) = match options(true).open(path) {
            Ok(f) => (f, true),
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
                ) =>
            {
                (
                    options(false).open(path).map_err(StoreError::io(path))?,
                    false,
                )
            }
            Err(e) => return Err(StoreError::io(path)(e)),
        };
        // The path may have been replaced between the stat and the open; key by what was opened.
        let key = file_key(path, &file.metadata().map_err(StoreError::io(path))?);
        let shared = Arc::new(SharedFile {
            file,
            key,
            writable,
            editing: AtomicBool::new(false),
        });
        files.insert(key, Arc::downgrade(&shared));
        drop(files);
        Ok(shared)
    }

    pub(crate) fn is_writable(&self) -> bool {
        self.writable
    }

    /// Whether `path` still names this very file (not a file put in its place, or nothing).
    pub(crate) fn is_at(&self, path: &Path) -> Option<bool> {
        let meta = std::fs::symlink_metadata(path).ok()?;
        Some(file_key(path, &meta) == self.key)
    }

    /// Reads up to `buf.len()` bytes from the start of the file without moving the shared
    /// file offset. Returns how many were read.
    pub(crate) fn read_start(&self, buf: &mut [u8]) -> io::Result<usize> {
        let mut filled = 0;
        while filled < buf.len() {
            match read_at(&self.file, &mut buf[filled..], filled as u64) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(filled)
    }
}

/// The exclusive right to edit a document, in this process and against every other.
/// Released when dropped, or by the kernel when the process dies.
#[derive(Debug)]
pub(crate) struct EditLock(Arc<SharedFile>);

impl EditLock {
    pub(crate) fn take(shared: &Arc<SharedFile>, path: &Path) -> Result<EditLock, StoreError> {
        if shared.editing.swap(true, Ordering::SeqCst) {
            return Err(StoreError::InUse {
                path: path.to_path_buf(),
            });
        }
        match shared.file.try_lock() {
            Ok(()) => Ok(EditLock(Arc::clone(shared))),
            Err(e) => {
                shared.editing.store(false, Ordering::SeqCst);
                Err(match e {
                    TryLockError::WouldBlock => StoreError::InUse {
                        path: path.to_path_buf(),
                    },
                    TryLockError::Error(e) => StoreError::io(path)(e),
                })
            }
        }
    }
}

impl Drop for EditLock {
    fn drop(&mut self) {
        // An unlock failure leaves the lock to the kernel, which drops it with the descriptor.
        let _ = self.0.file.unlock();
        self.0.editing.store(false, Ordering::SeqCst);
    }
}

fn options(write: bool) -> OpenOptions {
    let mut o = OpenOptions::new();
    o.read(true).write(write);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.custom_flags(libc::O_NOFOLLOW);
    }
    o
}

#[cfg(unix)]
fn file_key(_path: &Path, m: &std::fs::Metadata) -> FileKey {
    use std::os::unix::fs::MetadataExt;
    (m.dev(), m.ino())
}

/// Without inode numbers, the canonical path (FNV-1a) names the file.
#[cfg(not(unix))]
fn file_key(path: &Path, _m: &std::fs::Metadata) -> FileKey {
    let full = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let bytes = full.as_os_str().as_encoded_bytes();
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    (hash, bytes.len() as u64)
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::unix::fs::FileExt::read_at(file, buf, offset)
}

#[cfg(windows)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    std::os::windows::fs::FileExt::seek_read(file, buf, offset)
}
