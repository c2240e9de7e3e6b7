//! CSV files and workbooks → a loaded org, through `pendulum-csv`.

use pendulum_core::RuleConfig;
use pendulum_csv::{ImportRequest, Source};

use crate::error::{ApiError, ApiResult};
use crate::loaded::Loaded;

/// The files that come with a people file, each as (file name, bytes).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Beside<'a> {
    pub workstreams: Option<(&'a str, &'a [u8])>,
    pub allocations: Option<(&'a str, &'a [u8])>,
    pub bands: Option<(&'a str, &'a [u8])>,
    pub budgets: Option<(&'a str, &'a [u8])>,
}

/// Imports a people CSV or workbook (reading `sheet` of a workbook) with the files beside
/// it. Every problem is listed in the error, with file, row and column (sheet and cell for a
/// workbook).
pub(crate) fn import_csv<'a>(
    people: (&'a str, &'a [u8]),
    sheet: Option<&'a str>,
    beside: Beside<'a>,
) -> ApiResult<Loaded> {
    fn source<'a>((name, bytes): (&'a str, &'a [u8])) -> Source<'a> {
        Source::new(name, bytes)
    }
    let mut people = source(people);
    people.sheet = sheet;
    let request = ImportRequest {
        people,
        teams: None,
        workstreams: beside.workstreams.map(source),
        allocations: beside.allocations.map(source),
        bands: beside.bands.map(source),
        budgets: beside.budgets.map(source),
    };
    match pendulum_csv::import(&request) {
        Ok(imported) => {
            let mut warnings: Vec<String> =
                imported.warnings.iter().map(ToString::to_string).collect();
            if imported.more_warnings > 0 {
                warnings.push(format!("… and {} more warnings", imported.more_warnings));
            }
            Ok(Loaded {
                org: imported.org,
                rules: RuleConfig::default(),
                warnings,
            })
        }
        Err(errors) => Err(ApiError::bad_input(errors.to_string())),
    }
}
