using System.Diagnostics;
using BenchmarkDotNet.Running;
using Journeys.Benchmarks;

// "simulate-cpu N": the simulation benchmark's run N times, reporting processor time as well as wall time, for a
// figure that the other processes of a shared machine do not inflate.
if (args is ["simulate-cpu", var count])
{
    var benchmark = new SimulationBenchmarks();
    benchmark.Setup();
    var process = Process.GetCurrentProcess();
    for (var i = 0; i < int.Parse(count, System.Globalization.CultureInfo.InvariantCulture); i++)
    {
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var steps = benchmark.Simulate();
        process.Refresh();
        var used = process.TotalProcessorTime - cpu;
        Console.WriteLine($"run {i + 1}: {steps} steps, wall {wall.Elapsed.TotalMilliseconds:F0} ms, processor {used.TotalMilliseconds:F0} ms, {steps / used.TotalSeconds:F0} steps/s per processor second");
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
