//! Medians and 95th percentiles of timed runs.

use std::time::{Duration, Instant};

/// Times of one measured operation, kept sorted.
#[derive(Debug, Clone)]
pub struct Samples(Vec<Duration>);

impl Samples {
    pub fn new(mut times: Vec<Duration>) -> Self {
        assert!(!times.is_empty(), "no samples");
        times.sort();
        Samples(times)
    }

    /// Runs `operation` once per input, after a warm-up pass over the first inputs (so caches
    /// and prepared statements are as they are in a running app).
    pub fn measure<T>(inputs: &[T], mut operation: impl FnMut(&T)) -> Self {
        for input in inputs.iter().take(inputs.len().min(20)) {
            operation(input);
        }
        Samples::new(
            inputs
                .iter()
                .map(|input| {
                    let started = Instant::now();
                    operation(input);
                    started.elapsed()
                })
                .collect(),
        )
    }

    /// The nearest-rank percentile.
    pub fn percentile(&self, percent: f64) -> Duration {
        let rank = ((percent / 100.0) * self.0.len() as f64).ceil() as usize;
        self.0[rank.clamp(1, self.0.len()) - 1]
    }

    pub fn median(&self) -> Duration {
        self.percentile(50.0)
    }

    pub fn p95(&self) -> Duration {
        self.percentile(95.0)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Milliseconds with two decimals, as the tables print them.
pub fn ms(duration: Duration) -> String {
    format!("{:.2} ms", duration.as_secs_f64() * 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank() {
        let samples = Samples::new((1..=100).rev().map(Duration::from_millis).collect());
        assert_eq!(samples.median(), Duration::from_millis(50));
        assert_eq!(samples.p95(), Duration::from_millis(95));
        assert_eq!(samples.percentile(100.0), Duration::from_millis(100));
        let one = Samples::new(vec![Duration::from_millis(7)]);
        assert_eq!(one.p95(), Duration::from_millis(7));
    }
}
