using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Journeys.Host.Bench;

/// <summary>
/// The mock action endpoint on loopback: notes when the first call for each event id arrived (a
/// <see cref="Stopwatch"/> timestamp, comparable with the sender's in the same process).
/// </summary>
internal sealed class ActionSink : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, long> firstCalls = new(StringComparer.Ordinal);

    private ActionSink(WebApplication app)
    {
        this.app = app;
    }

    public Uri BaseUri { get; private set; } = null!;

    public int Count => firstCalls.Count;

    public static async Task<ActionSink> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var sink = new ActionSink(app);
        app.MapPost("/hit", async (HttpRequest request) =>
        {
            var arrived = Stopwatch.GetTimestamp();
            var hit = await JsonSerializer.DeserializeAsync(request.Body, BenchJsonContext.Default.ActionHit, request.HttpContext.RequestAborted);
            if (hit?.Id is { } id)
            {
                sink.firstCalls.TryAdd(id, arrived);
            }

            return Results.Text("""{ "ok": true }""", "application/json");
        });
        await app.StartAsync(cancellationToken);
        sink.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return sink;
    }

    public bool TryGetFirstCall(string id, out long timestamp) => firstCalls.TryGetValue(id, out timestamp);

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
