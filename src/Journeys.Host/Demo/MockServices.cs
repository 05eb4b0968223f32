using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Journeys.Host.Demo;

/// <summary>
/// The demo's outside world on loopback: a loyalty service (tiers and points), a mailer (counts messages and
/// idempotency keys) and a billing service (approves about half of the payment retries).
/// </summary>
public sealed class MockServices : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> keys = new(StringComparer.Ordinal);
    private int emails;
    private int lookups;
    private int retries;

    private MockServices(WebApplication app)
    {
        this.app = app;
    }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Messages the mailer accepted (cart emails and lifecycle messages), redeliveries included.</summary>
    public int Emails => Volatile.Read(ref emails);

    /// <summary>Distinct idempotency keys the mailer saw: the messages a real mailer would send.</summary>
    public int DistinctEmails => keys.Count;

    public int Lookups => Volatile.Read(ref lookups);

    public int PaymentRetries => Volatile.Read(ref retries);

    public static async Task<MockServices> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var mocks = new MockServices(app);
        app.MapGet("/members/{id}", (string id) =>
        {
            Interlocked.Increment(ref mocks.lookups);
            var gold = Bucket(id) < 30;
            return Results.Text($$"""{ "tier": "{{(gold ? "gold" : "silver")}}", "points": {{Bucket(id + "p") * 5}} }""", "application/json");
        });
        app.MapPost("/send", (HttpRequest request) => mocks.Accept(request));
        app.MapPost("/messages", (HttpRequest request) => mocks.Accept(request));
        app.MapPost("/payments/{id}/retry", (string id) =>
        {
            Interlocked.Increment(ref mocks.retries);
            return Results.Text($$"""{ "outcome": "{{(Bucket(id) < 50 ? "approved" : "declined")}}" }""", "application/json");
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        mocks.BaseUri = new Uri(address);
        return mocks;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    /// <summary>A stable 0..99 bucket per id, so reruns of the demo tell the same story.</summary>
    private static int Bucket(string id) => SHA256.HashData(Encoding.UTF8.GetBytes(id))[0] % 100;

    private IResult Accept(HttpRequest request)
    {
        var count = Interlocked.Increment(ref emails);
        keys.TryAdd(request.Headers["Idempotency-Key"].ToString(), 0);
        return Results.Text($$"""{ "messageId": "m-{{count}}" }""", "application/json");
    }
}
