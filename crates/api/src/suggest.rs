//! Suggested swings (`docs/swings.md`, "Suggestions"): for the flags a swing can answer, the
//! best swings, each judged as `simulate` judges it.

use pendulum_core::swing::{SUGGESTED_RULES, Suggestion, SwingLab};
use pendulum_core::{Date, Org, Rule, RuleConfig};
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, ApiResult, ErrorCode};

/// Suggestions per flag when none is asked for (the app shows three).
pub const DEFAULT_LIMIT: usize = 3;

/// The most suggestions per flag one request may ask for.
pub const MAX_LIMIT: usize = 100;

/// One flag to suggest swings for: its rule and the id of the person it is on.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize, ts_rs::TS)]
pub struct FlagRef {
    pub rule: Rule,
    pub subject: String,
}

impl FlagRef {
    /// Reads `RULE:SUBJECT` (`pendulum-due:p-henrik`).
    pub fn parse(text: &str) -> ApiResult<FlagRef> {
        let (rule, subject) = text.split_once(':').ok_or_else(|| {
            ApiError::usage(format!(
                "--for takes RULE:SUBJECT (e.g. pendulum-due:p-henrik), found {text:?}"
            ))
        })?;
        let rule = Rule::ALL
            .into_iter()
            .find(|r| r.as_str() == rule.trim())
            .ok_or_else(|| {
                ApiError::usage(format!(
                    "--for {text:?}: no rule is named {:?}; {}",
                    rule.trim(),
                    answered()
                ))
            })?;
        let subject = subject.trim();
        if subject.is_empty() {
            return Err(ApiError::usage(format!(
                "--for {text:?} names no subject (RULE:SUBJECT)"
            )));
        }
        Ok(FlagRef {
            rule,
            subject: subject.to_owned(),
        })
    }
}

/// What the app asks for: one flag's suggestions or every flag's, and how many per flag.
#[derive(Clone, Debug, Default, Deserialize, ts_rs::TS)]
#[serde(default, deny_unknown_fields)]
#[ts(optional_fields = nullable)]
pub struct SuggestRequest {
    /// Only this flag's suggestions; `None`: every flag a swing answers.
    #[serde(rename = "for")]
    #[ts(rename = "for")]
    pub for_flag: Option<FlagRef>,
    /// Suggestions per flag, best first (1 to 100); `None`: three.
    pub limit: Option<u32>,
}

/// "suggestions answer span-too-wide, span-too-narrow, pendulum-due and manager-overloaded".
fn answered() -> String {
    let names: Vec<&str> = SUGGESTED_RULES.iter().map(|r| r.as_str()).collect();
    match names.split_last() {
        Some((last, rest)) => format!("suggestions answer {} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// Checks a limit given by a user: 1 to [`MAX_LIMIT`].
pub fn check_limit(limit: usize) -> ApiResult<usize> {
    if (1..=MAX_LIMIT).contains(&limit) {
        Ok(limit)
    } else {
        Err(ApiError::usage(format!(
            "--limit must be 1 to {MAX_LIMIT}, found {limit}"
        )))
    }
}

/// The best `limit` swings for each flag a swing can answer on `as_of` (only the flag
/// `target` names, when given), flag by flag in reporting order, each dated `as_of`.
pub fn suggest(
    org: &Org,
    config: &RuleConfig,
    as_of: Date,
    target: Option<&FlagRef>,
    limit: usize,
) -> ApiResult<Vec<Suggestion>> {
    let limit = check_limit(limit)?;
    if let Some(t) = target
        && !SUGGESTED_RULES.contains(&t.rule)
    {
        return Err(ApiError::usage(format!(
            "no swing answers {}; {}",
            t.rule,
            answered()
        )));
    }
    let lab = SwingLab::new(org, config, as_of);
    let Some(t) = target else {
        return Ok(lab.suggest_all(limit));
    };
    let flag = lab
        .flags()
        .iter()
        .find(|f| f.rule == t.rule && f.subject.id == t.subject)
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::Unknown,
                format!("{} has no {} flag as of {as_of}", t.subject, t.rule),
            )
        })?;
    Ok(lab.suggest(flag, limit))
}
