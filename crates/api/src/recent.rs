//! The recently opened documents, newest first, kept in a small JSON file in the app's data
//! folder. The paths stay on the Rust side: a front end gets names and folders to show, and
//! opens one by its index in the list it was shown.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ApiResult, ErrorCode};

/// How many documents the list keeps.
pub const RECENT_LIMIT: usize = 10;

/// One recent document as a front end shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct RecentDocument {
    /// The file's name without its extension.
    pub name: String,
    /// The folder it is in, with the home folder written `~`.
    pub location: String,
}

#[derive(Default, Deserialize, Serialize)]
struct Stored {
    documents: Vec<String>,
}

/// The list and the file it is saved in.
#[derive(Clone, Debug)]
pub struct Recent {
    file: PathBuf,
    paths: Vec<PathBuf>,
}

impl Recent {
    /// Reads the list saved in `file`. A missing file is an empty list; so is a damaged one
    /// (the list is a convenience, rebuilt as documents are opened), and the next save
    /// replaces it.
    pub fn load(file: &Path) -> Recent {
        let paths: Vec<PathBuf> = std::fs::read(file)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Stored>(&bytes).ok())
            .map(|s| s.documents.into_iter().map(PathBuf::from).collect())
            .unwrap_or_default();
        let mut recent = Recent {
            file: file.to_path_buf(),
            paths: Vec::new(),
        };
        for path in paths {
            if !recent.paths.contains(&path) && recent.paths.len() < RECENT_LIMIT {
                recent.paths.push(path);
            }
        }
        recent
    }

    /// Puts `path` first (once) and saves the list. A path that is not valid UTF-8 cannot be
    /// saved in JSON and is left out.
    pub fn remember(&mut self, path: &Path) -> ApiResult<()> {
        if path.to_str().is_none() {
            return Ok(());
        }
        self.paths.retain(|p| p != path);
        self.paths.insert(0, path.to_path_buf());
        self.paths.truncate(RECENT_LIMIT);
        self.save()
    }

    /// Takes `path` off the list (it was moved or deleted) and saves the list.
    pub fn forget(&mut self, path: &Path) -> ApiResult<()> {
        self.paths.retain(|p| p != path);
        self.save()
    }

    /// The documents to show, newest first.
    pub fn list(&self) -> Vec<RecentDocument> {
        let home = std::env::var_os("HOME").map(PathBuf::from);
        self.paths
            .iter()
            .map(|p| RecentDocument {
                name: p
                    .file_stem()
                    .map_or_else(String::new, |s| s.to_string_lossy().into_owned()),
                location: location(p, home.as_deref()),
            })
            .collect()
    }

    /// The path behind the `index`th document of [`Recent::list`].
    pub fn path(&self, index: usize) -> ApiResult<&Path> {
        self.paths.get(index).map(PathBuf::as_path).ok_or_else(|| {
            ApiError::new(
                ErrorCode::NotFound,
                format!(
                    "there is no recent document number {} (the list has {})",
                    index + 1,
                    self.paths.len()
                ),
            )
        })
    }

    fn save(&self) -> ApiResult<()> {
        let stored = Stored {
            documents: self
                .paths
                .iter()
                .filter_map(|p| p.to_str().map(str::to_owned))
                .collect(),
        };
        let json = serde_json::to_vec_pretty(&stored).map_err(|e| {
            ApiError::new(
                ErrorCode::Internal,
                format!("cannot encode the recent list: {e}"),
            )
        })?;
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir).map_err(|e| ApiError::io(dir, "create it", &e))?;
        }
        crate::export::write_atomically(&self.file, &json)
    }
}

/// The folder of `path` for display, `~` standing for the home folder.
fn location(path: &Path, home: Option<&Path>) -> String {
    let Some(dir) = path.parent() else {
        return String::new();
    };
    if let Some(rest) = home.and_then(|h| dir.strip_prefix(h).ok()) {
        if rest.as_os_str().is_empty() {
            return "~".into();
        }
        return format!("~/{}", rest.display());
    }
    dir.display().to_string()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "tests")]

    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("pendulum-recent-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn newest_first_once_each_and_at_most_ten() {
        let dir = temp("order");
        let file = dir.join("recent.json");
        let mut recent = Recent::load(&file);
        for i in 0..12 {
            recent
                .remember(&PathBuf::from(format!("/plans/org-{i}.pendulum")))
                .unwrap();
        }
        recent.remember(Path::new("/plans/org-5.pendulum")).unwrap();
        let names: Vec<String> = Recent::load(&file)
            .list()
            .into_iter()
            .map(|d| d.name)
            .collect();
        assert_eq!(
            names,
            [
                "org-5", "org-11", "org-10", "org-9", "org-8", "org-7", "org-6", "org-4", "org-3",
                "org-2"
            ]
        );
        assert_eq!(
            Recent::load(&file).path(0).unwrap(),
            Path::new("/plans/org-5.pendulum")
        );
    }

    #[test]
    fn a_damaged_list_is_empty_and_is_replaced_on_the_next_save() {
        let dir = temp("damaged");
        let file = dir.join("recent.json");
        std::fs::write(&file, b"{\"documents\": [1, 2").unwrap();
        let mut recent = Recent::load(&file);
        assert!(recent.list().is_empty());
        recent.remember(Path::new("/a/b.pendulum")).unwrap();
        assert_eq!(Recent::load(&file).list().len(), 1);
    }

    #[test]
    fn an_index_past_the_end_is_a_clear_error() {
        let dir = temp("index");
        let recent = Recent::load(&dir.join("recent.json"));
        let e = recent.path(3).unwrap_err();
        assert_eq!(e.code, ErrorCode::NotFound);
        assert!(e.message.contains("number 4"), "{}", e.message);
    }

    #[test]
    fn forgetting_takes_a_document_off_the_list() {
        let dir = temp("forget");
        let file = dir.join("recent.json");
        let mut recent = Recent::load(&file);
        recent.remember(Path::new("/a/one.pendulum")).unwrap();
        recent.remember(Path::new("/a/two.pendulum")).unwrap();
        recent.forget(Path::new("/a/one.pendulum")).unwrap();
        let names: Vec<String> = Recent::load(&file)
            .list()
            .into_iter()
            .map(|d| d.name)
            .collect();
        assert_eq!(names, ["two"]);
    }

    #[test]
    fn locations_show_the_home_folder_as_a_tilde() {
        let home = Path::new("/home/ana");
        assert_eq!(
            location(Path::new("/home/ana/plans/x.pendulum"), Some(home)),
            "~/plans"
        );
        assert_eq!(location(Path::new("/home/ana/x.pendulum"), Some(home)), "~");
        assert_eq!(location(Path::new("/srv/x.pendulum"), Some(home)), "/srv");
    }
}
