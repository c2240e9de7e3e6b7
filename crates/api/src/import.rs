//! CSV files → a loaded org, through `pendulum-csv`.

use pendulum_core::RuleConfig;
use pendulum_csv::{ImportRequest, Source};

use crate::error::{ApiError, ApiResult};
use crate::loaded::Loaded;

/// Imports a people CSV with optional workstreams and allocations CSVs, each as (file name,
/// bytes). Every problem is listed in the error, with file, row and column.
pub(crate) fn import_csv<'a>(
    people: (&'a str, &'a [u8]),
    workstreams: Option<(&'a str, &'a [u8])>,
    allocations: Option<(&'a str, &'a [u8])>,
) -> ApiResult<Loaded> {
    fn source<'a>((name, bytes): (&'a str, &'a [u8])) -> Source<'a> {
        Source { name, bytes }
    }
    let request = ImportRequest {
        people: source(people),
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
