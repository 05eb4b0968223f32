namespace Journeys.Reliability.Tests.Support;

/// <summary>One in-process host (real time) shared by the tests of a class.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    private InProcessHost? host;

    internal InProcessHost Host => host ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => host = await InProcessHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
