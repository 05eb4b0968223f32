using System.Net;
using Journeys.Host.Demo;
using Journeys.Host.Tests.Api;
using Journeys.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Journeys.Host.Tests.Serving;

/// <summary>
/// Issue 11 item 9: outbound calls do not log at Information (HttpClient's own categories default to Warning, so no
/// profile ids in request paths); the host logs what matters: publish, engine start and stop, failures with reasons.
/// </summary>
public sealed class HostLogTests
{
    [Fact]
    public async Task Outbound_calls_are_quiet_and_publish_engine_start_stop_and_failures_are_logged()
    {
        var recorder = new LogRecorder();
        await using var mocks = await MockServices.StartAsync(CancellationToken.None);
        var mock = mocks.BaseUri.ToString().TrimEnd('/');
        var api = await ApiHost.StartAsync(
            options =>
            {
                options.ConfigureServices = services => services.AddSingleton<ILoggerProvider>(recorder);
                options.TimeScale = 36_000;

                // The mailer's secret is missing, so every email fails: a failure the log must explain.
                options.Configuration.Remove("Journeys:Secrets:MAILER_TOKEN");
            },
            mockRuntime: false);
        try
        {
            using var source = await api.PutAsync("/api/datasources/loyalty", SampleFiles.Read("datasources/loyalty.json").Replace("https://loyalty.example.com", mock, StringComparison.Ordinal));
            using var action = await api.PutAsync("/api/actions/send-email", SampleFiles.Read("actions/send-email.json").Replace("https://mailer.example.com", mock, StringComparison.Ordinal));
            foreach (var (path, sample) in new[] { ("/api/events/cart.abandoned", "events/cart.abandoned.json"), ("/api/events/order.placed", "events/order.placed.json"), ("/api/journeys/abandoned-cart", "journeys/abandoned-cart.json") })
            {
                using var put = await api.PutAsync(path, SampleFiles.Read(sample));
                Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            }

            using var publish = await api.SendAsync(HttpMethod.Post, "/api/journeys/abandoned-cart/publish");
            Assert.Equal(HttpStatusCode.OK, publish.StatusCode);
            using var ingest = await api.Ingest.PostAsync("/api/ingest", ApiHost.Json("""{ "id": "e1", "type": "cart.abandoned", "customer": { "id": "shopper-secret-id", "email": "a@example.com" }, "cart": { "id": "k1", "total": 10 } }"""));
            Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
            await WaitUntilAsync(() => recorder.Records.Any(IsEmailFailure));
        }
        finally
        {
            await api.DisposeAsync();
        }

        var records = recorder.Records;
        Assert.DoesNotContain(records, r => r.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) && r.Level < LogLevel.Warning);
        Assert.DoesNotContain(records, r => r.Level < LogLevel.Warning && r.Message.Contains("shopper-secret-id", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Level == LogLevel.Information && r.Message.Contains("abandoned-cart", StringComparison.Ordinal) && r.Message.Contains("version 1", StringComparison.Ordinal) && r.Message.Contains("published", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(records, r => r.Level == LogLevel.Information && r.Message.StartsWith("Engine started", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Level == LogLevel.Information && r.Message.StartsWith("Engine stopped", StringComparison.Ordinal));
        Assert.Contains(records, IsEmailFailure);
    }

    /// <summary>A warning that names the journey and the failed node (vip-email or std-email, by the shopper's tier).</summary>
    private static bool IsEmailFailure(LogRecorder.LogRecord record) =>
        record.Level >= LogLevel.Warning
        && record.Message.Contains("abandoned-cart", StringComparison.Ordinal)
        && (record.Message.Contains("'vip-email'", StringComparison.Ordinal) || record.Message.Contains("'std-email'", StringComparison.Ordinal));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            await Task.Delay(50, limit.Token);
        }
    }
}
