//! Work in progress: see the issue that introduces this crate.
