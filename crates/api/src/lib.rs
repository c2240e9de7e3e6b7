//! The use cases every Pendulum front end calls — load, check, stats, export — with the
//! serializable request and response types and the error codes. The CLI and the desktop
//! shell are thin adapters over this crate.
//!
//! Architecture Invariant: this is the only place that turns a user's files into an
//! [`pendulum_core::Org`]; front ends never parse.

pub mod cost;
pub mod document;
pub mod error;
pub mod export;
mod import;
mod loaded;
pub mod pendulum;
pub mod recent;
pub mod reports;
pub mod scenario;
pub mod session;
pub mod source;
pub mod suggest;
pub mod timeline;
pub mod today;
pub mod update;
pub mod view;

pub use error::{ApiError, ApiResult, ErrorCode};
pub use loaded::Loaded;
pub use recent::{Recent, RecentDocument};
pub use reports::{
    CheckReport, LayoutReport, LayoutRequest, StatsReport, check_report, layout_report,
    stats_report,
};
pub use session::{
    DocumentInfo, ExportFormat, FileChange, ImportFiles, Reloaded, ScenarioInfo, Session, Shown,
    TimelineRequest, TimelineShown,
};
pub use source::{OrgFile, OrgSource, load, override_rules};
pub use view::{OrgView, ViewRequest};
