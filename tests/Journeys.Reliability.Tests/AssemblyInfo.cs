// The scenarios measure latency and memory and kill processes: running them side by side on a 2-core machine would
// make each one the others' noise. One at a time keeps the numbers meaningful and the default run predictable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
