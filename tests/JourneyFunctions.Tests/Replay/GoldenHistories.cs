using Azure.Data.Tables;
using JourneyFunctions.Hosting;
using JourneyFunctions.Triggers;
using Microsoft.DurableTask;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyFunctions.Tests.Replay;

/// <summary>
/// The orchestrator a replay runs: the app's own <see cref="JourneyOrchestrator.RunAsync"/>, resolved with the app's
/// DI (<c>AddJourneyFunctions</c>), as the Functions host would run it after a deploy. A replay calls no activity,
/// so the Table client is never used.
/// </summary>
internal static class GoldenHistories
{
    private static readonly Lazy<JourneyOrchestrator> Functions = new(() =>
    {
        var app = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddJourneyFunctions(_ => new TableServiceClient("UseDevelopmentStorage=true"))
            .BuildServiceProvider();
        return ActivatorUtilities.CreateInstance<JourneyOrchestrator>(app);
    });

    public static Task Orchestrator(TaskOrchestrationContext context) => Functions.Value.RunAsync(context);
}
