//! Suggested swings for the window: the current scenario's flags a swing can answer, as of
//! the session's day, with what each swing resolves and adds (pay flags hidden while pay is).

use pendulum_core::Suggestion;

use super::Session;
use crate::error::ApiResult;
use crate::suggest::{DEFAULT_LIMIT, SuggestRequest, suggest};
use crate::view::hide_pay_flags;

impl Session {
    /// The best suggested swings for the current scenario as of the session's day: for the
    /// flag `request` names, or for every flag a swing answers, `request.limit` each (default
    /// three). Each suggestion's swing is dated on the session's day, so
    /// [`Session::simulate`] of it reports the same flags resolved and added. Changes nothing.
    pub fn suggest(&mut self, request: &SuggestRequest) -> ApiResult<Vec<Suggestion>> {
        let as_of = self.as_of;
        let limit = request.limit.map_or(DEFAULT_LIMIT, |n| n as usize);
        let open = self.open_mut()?;
        let show_pay = open.show_pay;
        let view = open.doc.view(open.scenario, Some(as_of))?;
        let mut found = suggest(
            &view.org,
            &view.config,
            as_of,
            request.for_flag.as_ref(),
            limit,
        )?;
        if !show_pay {
            for s in &mut found {
                hide_pay_flags(&mut s.resolves);
                hide_pay_flags(&mut s.adds);
            }
        }
        Ok(found)
    }
}
