//! Exports of what the window shows: the current scenario as of the session's day.

use std::path::{Path, PathBuf};

use pendulum_core::Date;
use serde::{Deserialize, Serialize};

use super::{Open, Session};
use crate::Loaded;
use crate::error::ApiResult;
use crate::export::{PdfPreview, PdfRequest};
use crate::source::OrgSource;

/// What to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
#[derive(ts_rs::TS)]
pub enum ExportFormat {
    Pdf,
    Svg,
    Png,
    Csv,
    Xlsx,
    Json,
}

impl Session {
    /// Writes the current scenario as of the session's day to `out` (picked in a save
    /// dialog). PDF reports are dated `today`. A CSV export replaces the files it writes
    /// beside `out` only with `replace_beside` ([`crate::export::write_csv`]).
    pub fn export(
        &mut self,
        format: ExportFormat,
        pdf: &PdfRequest,
        out: &Path,
        replace_beside: bool,
    ) -> ApiResult<Vec<PathBuf>> {
        let (as_of, today) = (self.as_of, self.today);
        let scenario = self.info()?.scenario;
        let loaded = self.loaded(as_of)?;
        let open = self.open_ref()?;
        match format {
            ExportFormat::Json => crate::export::write_json(&loaded, out, pdf.with_cost),
            ExportFormat::Csv => {
                crate::export::write_csv(&loaded, as_of, out, pdf.with_cost, replace_beside)
            }
            ExportFormat::Xlsx => crate::export::write_xlsx(&loaded, as_of, out, pdf.with_cost),
            ExportFormat::Svg => {
                let text = crate::export::svg_text(&loaded, as_of, pdf.root.clone())?;
                crate::export::write_atomically(out, text.as_bytes())?;
                Ok(vec![out.to_path_buf()])
            }
            ExportFormat::Png => {
                let bytes = crate::export::png_bytes(&loaded, as_of, pdf.root.clone())?;
                crate::export::write_atomically(out, &bytes)?;
                Ok(vec![out.to_path_buf()])
            }
            ExportFormat::Pdf => {
                let source = report_source(open, scenario);
                let bytes = crate::export::pdf_bytes(&source, &loaded, as_of, today, pdf)?;
                crate::export::write_atomically(out, &bytes)?;
                Ok(vec![out.to_path_buf()])
            }
        }
    }

    /// What [`Session::export`] would print as a PDF with these options: its page count, page
    /// size and the first `max_pages` pages as SVG, drawn from the same marks.
    pub fn pdf_preview(&mut self, pdf: &PdfRequest, max_pages: usize) -> ApiResult<PdfPreview> {
        let (as_of, today) = (self.as_of, self.today);
        let scenario = self.info()?.scenario;
        let loaded = self.loaded(as_of)?;
        let source = report_source(self.open_ref()?, scenario);
        crate::export::pdf_preview(&source, &loaded, as_of, today, pdf, max_pages)
    }

    /// The current scenario as of `as_of`, owned: the exporters take a whole [`Loaded`].
    fn loaded(&mut self, as_of: Date) -> ApiResult<Loaded> {
        let open = self.open_mut()?;
        let view = open.doc.view(open.scenario, Some(as_of))?;
        Ok(Loaded {
            org: view.org.clone(),
            rules: view.config.clone(),
            warnings: Vec::new(),
        })
    }
}

/// The source a report names: the document, and the scenario unless it is the baseline.
fn report_source(open: &Open, scenario: String) -> OrgSource {
    OrgSource {
        path: open.path.clone(),
        scenario: (scenario != "baseline").then_some(scenario),
        ..OrgSource::default()
    }
}
