using JourneyFunctions.Tests.Azurite;
using Journeys.TestSupport.Azurite;
using Xunit.Abstractions;

namespace JourneyFunctions.Tests.Durable.Work;

/// <summary>
/// The per-entrant measurement of docs/performance.md. Run it with
/// <c>JOURNEYS_DURABLE_WORK=30 dotnet test tests/JourneyFunctions.Tests --filter Category=DurableWork --logger "console;verbosity=detailed"</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DurableWorkTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [DurableWorkFact]
    [Trait("Category", "DurableWork")]
    public async Task Durable_work_per_entrant_of_the_three_samples_on_the_Azure_Storage_backend()
    {
        var entrants = DurableWorkFactAttribute.Entrants!.Value;
        var samples = new List<SampleWork>();
        foreach (var workload in DurableWorkload.Samples)
        {
            samples.Add(await DurableWorkMeasurement.RunAsync(azurite, workload, entrants));
        }

        var idleSeconds = DurableWorkFactAttribute.IdleSeconds;
        var idle = idleSeconds == 0 ? null : await DurableWorkMeasurement.IdleAsync(azurite, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(idleSeconds));
        var report = DurableWorkReport.Format(samples, idle);
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable(DurableWorkFactAttribute.OutputVariable) is { Length: > 0 } file)
        {
            await File.WriteAllTextAsync(file, report);
        }

        Assert.All(samples, sample => Assert.True(sample.Episodes > 0 && sample.Requests.Count > 0));
    }
}
