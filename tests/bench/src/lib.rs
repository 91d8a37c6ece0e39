//! Synthetic hotels for measuring Innkeep: a seeded, deterministic generator that writes a
//! hotel's years of history into SQLite or PostgreSQL while keeping every invariant the core
//! keeps (one stay per room and night, balanced folios, gapless numbers, postings only on the
//! open business date), and the benchmarks run on them.

pub mod synthetic;
