using Journeys.Host.Tests.Support;
using Journeys.Runtime.Catalog;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Journeys.Host.Tests.Serving;

/// <summary>What the host wires around the routes: lifecycle notifications to the runtime, and 500s without internals.</summary>
public sealed class EmbeddedHostTests
{
    [Fact]
    public async Task A_registered_lifecycle_observer_hears_publish_and_stop()
    {
        var observer = new Mock<IJourneyLifecycleObserver>();
        var changes = new List<JourneyLifecycleChange>();
        observer.Setup(o => o.OnLifecycleChangedAsync(It.IsAny<JourneyLifecycleChange>(), It.IsAny<CancellationToken>()))
            .Callback((JourneyLifecycleChange change, CancellationToken _) => changes.Add(change))
            .Returns(Task.CompletedTask);
        await using var api = await ApiHost.StartAsync(o => o.ConfigureServices = services => services.AddSingleton(observer.Object));
        await ManagementApiContract.DefineAbandonedCartConfigurationAsync(api.Admin);
        using var put = await api.PutAsync("/api/journeys/abandoned-cart", SampleFiles.Read("journeys/abandoned-cart.json"));
        using var publish = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/publish");
        using var stop = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/stop");

        Assert.Equal(2, changes.Count);
        Assert.Equal(("abandoned-cart", JourneyStatus.Live, (int?)1), (changes[0].JourneyId, changes[0].Status, changes[0].LiveVersion));
        Assert.Empty(changes[0].EndedVersions);
        Assert.Equal(("abandoned-cart", JourneyStatus.Stopped, (int?)null), (changes[1].JourneyId, changes[1].Status, changes[1].LiveVersion));
        Assert.Equal([1], changes[1].EndedVersions);
    }

    [Fact]
    public async Task An_unexpected_runtime_failure_is_a_500_problem_without_the_exception_text()
    {
        await using var api = await ApiHost.StartAsync();
        api.Runtime!.Setup(r => r.GetReportAsync("abandoned-cart", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("SQLite Error 11: database disk image is malformed at /var/secret"));

        using var response = await api.Admin.GetAsync("/api/journeys/abandoned-cart/report");

        var problem = await response.ProblemAsync(500);
        Assert.Equal(["INTERNAL_ERROR"], problem.Codes());
        Assert.DoesNotContain("/var/secret", problem.ToJsonString(), StringComparison.Ordinal);
    }
}
