//! The current time, injected so that every rule about "due" and "overdue" can be tested.

use std::sync::Mutex;

use chrono::{DateTime, Duration, FixedOffset, Utc};

use super::zone::Zone;

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;

    /// The zone "today", "this week" and "09:00" are read in.
    fn zone(&self) -> Zone {
        Zone::Local
    }
}

#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that only moves when told to, in a fixed zone (UTC unless told); for tests.
#[derive(Debug)]
pub struct ManualClock(Mutex<DateTime<Utc>>, Zone);

impl ManualClock {
    pub fn at(now: DateTime<Utc>) -> Self {
        ManualClock(Mutex::new(now), Zone::UTC)
    }

    /// `offset_hours` east of UTC (negative for the Americas).
    pub fn at_in(now: DateTime<Utc>, offset_hours: i32) -> Self {
        let offset = FixedOffset::east_opt(offset_hours * 3600).expect("an offset within a day");
        ManualClock(Mutex::new(now), Zone::Fixed(offset))
    }

    pub fn advance(&self, by: Duration) {
        *self.0.lock().unwrap() += by;
    }

    pub fn set(&self, now: DateTime<Utc>) {
        *self.0.lock().unwrap() = now;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }

    fn zone(&self) -> Zone {
        self.1
    }
}
