//! The user's time zone, as the clock gives it: this computer's zone in the app, a fixed offset
//! in tests. Every rule that speaks of "09:00", "this week" or "on their birthday" reads it, so
//! those rules can be tested in any zone on any machine.

use chrono::{FixedOffset, Local, LocalResult, NaiveDate, NaiveDateTime, Offset, TimeZone};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// This computer's zone, daylight saving included.
    Local,
    Fixed(FixedOffset),
}

impl Zone {
    pub const UTC: Zone = Zone::Fixed(FixedOffset::east_opt(0).expect("zero is a valid offset"));
}

impl TimeZone for Zone {
    type Offset = FixedOffset;

    fn from_offset(offset: &FixedOffset) -> Self {
        Zone::Fixed(*offset)
    }

    fn offset_from_local_date(&self, local: &NaiveDate) -> LocalResult<FixedOffset> {
        match self {
            Zone::Local => Local.offset_from_local_date(local).map(|o| o.fix()),
            Zone::Fixed(offset) => LocalResult::Single(*offset),
        }
    }

    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> LocalResult<FixedOffset> {
        match self {
            Zone::Local => Local.offset_from_local_datetime(local).map(|o| o.fix()),
            Zone::Fixed(offset) => LocalResult::Single(*offset),
        }
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> FixedOffset {
        match self {
            Zone::Local => Local.offset_from_utc_date(utc).fix(),
            Zone::Fixed(offset) => *offset,
        }
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> FixedOffset {
        match self {
            Zone::Local => Local.offset_from_utc_datetime(utc).fix(),
            Zone::Fixed(offset) => *offset,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveTime, Utc};

    #[test]
    fn a_fixed_zone_turns_local_times_into_utc() {
        let zone = Zone::Fixed(FixedOffset::east_opt(2 * 3600).unwrap());
        let local = NaiveDate::from_ymd_opt(2026, 3, 4)
            .unwrap()
            .and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap());
        let utc = zone
            .from_local_datetime(&local)
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(utc.to_rfc3339(), "2026-03-04T07:00:00+00:00");
    }
}
