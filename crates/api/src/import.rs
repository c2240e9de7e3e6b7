//! CSV files and workbooks → a loaded org, through `pendulum-csv`.

use pendulum_core::RuleConfig;
use pendulum_csv::{ImportRequest, Source};

use crate::error::{ApiError, ApiResult};
use crate::loaded::Loaded;

/// Imports a people CSV or workbook (reading `sheet` of a workbook) with optional
/// workstreams and allocations files, each as (file name, bytes). Every problem is listed
/// in the error, with file, row and column (sheet and cell for a workbook).
pub(crate) fn import_csv<'a>(
    people: (&'a str, &'a [u8]),
    sheet: Option<&'a str>,
    workstreams: Option<(&'a str, &'a [u8])>,
    allocations: Option<(&'a str, &'a [u8])>,
) -> ApiResult<Loaded> {
    fn source<'a>((name, bytes): (&'a str, &'a [u8])) -> Source<'a> {
        Source::new(name, bytes)
    }
    let mut people = source(people);
    people.sheet = sheet;
    let request = ImportRequest {
        people,
        teams: None,
        workstreams: workstreams.map(source),
        allocations: allocations.map(source),
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
