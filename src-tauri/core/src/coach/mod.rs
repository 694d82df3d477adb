//! What to do now, read from every room below: Today's follow-ups, meetings, opportunities,
//! people going cold and how far the brainstorm has come.

pub mod today;
