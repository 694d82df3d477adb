//! What to do now, read from every room below: Today's follow-ups, meetings, opportunities,
//! people going cold and how far the brainstorm has come; the user's goals and their progress;
//! the weekly plan of who to reach out to and why, and the Monday digest of it.

pub mod digest;
pub mod goals;
pub mod period;
pub mod plan;
pub mod progress;
pub mod today;
