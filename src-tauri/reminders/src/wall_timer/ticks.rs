//! Deadlines as Windows wants them for an absolute waitable-timer due time: a FILETIME, 100-ns
//! intervals since 1601-01-01 UTC. Kept apart from the Windows timer so it is tested everywhere.

use chrono::{DateTime, Utc};

/// Seconds from 1601-01-01 (the FILETIME epoch) to 1970-01-01 (the Unix epoch).
const SECONDS_FROM_1601_TO_1970: i64 = 11_644_473_600;
const TICKS_PER_SECOND: i64 = 10_000_000;
const NANOS_PER_TICK: i64 = 100;

/// `deadline` as FILETIME ticks, at least 1: `SetWaitableTimer` reads a positive due time as
/// absolute wall-clock time, but zero or a negative value as a delay *relative to now*, so a
/// deadline before 1601 must stay positive (it then goes off at once, as any past one does).
/// Deadlines too far away to count saturate rather than wrap round into the past.
pub fn filetime_ticks(deadline: DateTime<Utc>) -> i64 {
    let whole = deadline
        .timestamp()
        .checked_add(SECONDS_FROM_1601_TO_1970)
        .and_then(|seconds| seconds.checked_mul(TICKS_PER_SECOND));
    let ticks = match whole {
        // The sub-second part rounds down to whole ticks: at most 100 ns early, far below the
        // ~15 ms the system timer resolves anyway.
        Some(whole) => {
            whole.saturating_add(i64::from(deadline.timestamp_subsec_nanos()) / NANOS_PER_TICK)
        }
        None if deadline.timestamp() > 0 => i64::MAX,
        None => 1,
    };
    ticks.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_unix_epoch_is_the_well_known_filetime() {
        let epoch = Utc.with_ymd_and_hms(1970, 1, 1, 0, 0, 0).unwrap();
        assert_eq!(filetime_ticks(epoch), 116_444_736_000_000_000);
    }

    #[test]
    fn a_deadline_in_2026_counts_from_1601_in_hundreds_of_nanoseconds() {
        // 1_772_359_200 s after the Unix epoch, plus the 11_644_473_600 s between the epochs.
        let deadline = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap();
        assert_eq!(filetime_ticks(deadline), 134_168_328_000_000_000);
    }

    #[test]
    fn fractions_of_a_second_count_in_whole_ticks() {
        let deadline = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap()
            + chrono::Duration::nanoseconds(1_234_567_899);
        assert_eq!(
            filetime_ticks(deadline),
            134_168_328_000_000_000 + 12_345_678
        );
    }

    #[test]
    fn one_second_is_ten_million_ticks() {
        let deadline = Utc.with_ymd_and_hms(2026, 3, 1, 10, 0, 0).unwrap();
        assert_eq!(
            filetime_ticks(deadline + chrono::Duration::seconds(1)) - filetime_ticks(deadline),
            10_000_000
        );
    }

    #[test]
    fn the_filetime_epoch_and_before_stay_absolute_so_they_go_off_at_once() {
        let start = Utc.with_ymd_and_hms(1601, 1, 1, 0, 0, 0).unwrap();
        assert_eq!(filetime_ticks(start), 1);
        assert_eq!(filetime_ticks(start - chrono::Duration::days(365)), 1);
        assert_eq!(filetime_ticks(DateTime::<Utc>::MIN_UTC), 1);
    }

    #[test]
    fn the_farthest_deadline_saturates_instead_of_wrapping_into_the_past() {
        assert_eq!(filetime_ticks(DateTime::<Utc>::MAX_UTC), i64::MAX);
    }
}
