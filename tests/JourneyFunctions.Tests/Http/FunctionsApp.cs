using Azure.Data.Tables;
using JourneyFunctions.Hosting;
using JourneyFunctions.Tests.Durable;
using Journeys.Api;
using Journeys.Azure.Tables;
using Journeys.TestSupport.Api;
using Journeys.TestSupport.Azurite;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyFunctions.Tests.Http;

/// <summary>
/// The Functions app behind a <see cref="FunctionsHttpHost"/>: the app's own DI (<c>AddJourneyFunctions</c>) over Table
/// Storage on Azurite (tables emptied first), and an in-memory Durable Task engine running the app's orchestrator,
/// started when a function first binds <c>[DurableClient]</c>. The keys follow docs/azure.md: a host key
/// <c>admins</c> is the admin key, a key of the <c>Ingest</c> function (<c>producer</c>) the ingest key.
/// </summary>
internal sealed class FunctionsApp : IAsyncDisposable
{
    public const string MasterKey = "master-key-for-tests";
    public const string AdminKey = "admins-host-key-for-tests";
    public const string IngestKey = "producer-key-of-ingest-for-tests";

    /// <summary>The <c>default</c> key Azure creates for the <c>PutEvent</c> function: it grants that function only.</summary>
    public const string PutEventKey = "default-key-of-put-event-for-tests";

    private static readonly Uri BaseAddress = new("http://functions.test/");

    private readonly ServiceProvider app;
    private readonly SemaphoreSlim engineGate = new(1, 1);
    private DurableEngine? engine;

    private FunctionsApp(ServiceProvider app)
    {
        this.app = app;
        var keys = new FunctionKeys(
            MasterKey,
            new Dictionary<string, string> { ["admins"] = AdminKey },
            new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["Ingest"] = new Dictionary<string, string> { ["producer"] = IngestKey },
                ["PutEvent"] = new Dictionary<string, string> { ["default"] = PutEventKey },
            });
        Host = new FunctionsHttpHost(app, keys, DurableClientAsync);
    }

    public FunctionsHttpHost Host { get; }

    /// <summary>A fresh app; <paramref name="replace"/> may swap a port (registered after the app's own services, so it wins).</summary>
    public static async Task<FunctionsApp> StartAsync(AzuriteFixture azurite, Action<ApiOptions>? configure = null, Action<IServiceCollection>? replace = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var tableService = new TableServiceClient(azurite.ConnectionString);
        foreach (var table in new[] { JourneyTables.Catalog, JourneyTables.EventKeys, JourneyTables.Exits, JourneyTables.Counters, JourneyTables.DeadLetters, JourneyTables.Instances })
        {
            await tableService.DeleteTableAsync(table);
        }

        var options = new ApiOptions();
        configure?.Invoke(options);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Journeys:Secrets:MAILER_TOKEN"] = ApiUnderTest.MailerToken,
            ["Journeys:Secrets:LOYALTY_KEY"] = ApiUnderTest.LoyaltyKey,
        }).Build();

        // ApiOptions first: AddJourneysApi only adds its default when none is registered (as Program could override it).
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(options)
            .AddJourneyFunctions(_ => tableService);
        replace?.Invoke(services);
        return new FunctionsApp(services.BuildServiceProvider());
    }

    /// <summary>A client sending <paramref name="key"/> in <c>x-functions-key</c> (none when null).</summary>
    public HttpClient Client(string? key)
    {
        var client = new HttpClient(Host, disposeHandler: false) { BaseAddress = BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(FunctionKeys.HeaderName, key);
        }

        return client;
    }

    /// <summary>The contract suite's view: admin, ingest, no key and an unknown key; disposing it stops this app.</summary>
    public ApiUnderTest ForContract() => new(Client(AdminKey), Client(IngestKey), Client(null), Client("not-a-key"), DisposeAsync);

    public async ValueTask DisposeAsync()
    {
        if (engine is not null)
        {
            await engine.DisposeAsync();
        }

        await app.DisposeAsync();
        Host.Dispose();
        engineGate.Dispose();
        if (Host.Failures.Count > 0)
        {
            throw new AggregateException("A function threw (the host answered 500).", Host.Failures);
        }
    }

    private async Task<DurableTaskClient> DurableClientAsync()
    {
        await engineGate.WaitAsync();
        try
        {
            engine ??= await DurableEngine.StartInMemoryAsync(app);
            return engine.Client;
        }
        finally
        {
            engineGate.Release();
        }
    }
}
