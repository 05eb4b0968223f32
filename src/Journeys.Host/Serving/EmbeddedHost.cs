using System.Diagnostics;
using Journeys.Api;
using Journeys.Api.Security;
using Journeys.Embedded.Engine;
using Journeys.Embedded.Storage;
using Journeys.Host.AdminConsole;
using Journeys.Host.Serving.Rejections;
using Journeys.Runtime.Catalog;
using Journeys.Runtime.Connectors;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Journeys.Host.Serving;

/// <summary>
/// The whole product in one process (SPEC §7): Kestrel serving the API of SPEC §6 over one SQLite file, with the
/// keys from configuration or a keys file beside the database, the catalog, the HTTP connectors and the journey
/// journey runtime (<see cref="EmbeddedHostOptions.AddRuntime"/>: the SQLite engine unless a test puts another in).
/// </summary>
public sealed class EmbeddedHost : IAsyncDisposable
{
    public const string AdminKeySetting = "Journeys:AdminKey";
    public const string IngestKeySetting = "Journeys:IngestKey";

    private readonly SqliteDatabase database;
    private readonly DatabaseLock databaseLock;
    private readonly IDisposable rejections;

    private EmbeddedHost(WebApplication app, SqliteDatabase database, DatabaseLock databaseLock, ApiKeys keys, string? keyFilePath, bool keyFileCreated)
    {
        App = app;
        this.database = database;
        this.databaseLock = databaseLock;

        // Requests Kestrel refuses before the pipeline runs get a problem document too (see KestrelRejectionListener).
        rejections = KestrelRejectionListener.Subscribe(
            app.Services.GetRequiredService<DiagnosticListener>(), app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits);
        Keys = keys;
        KeyFilePath = keyFilePath;
        KeyFileCreated = keyFileCreated;
    }

    public WebApplication App { get; }

    public ApiKeys Keys { get; }

    /// <summary>The keys file in use, or null when both keys come from configuration.</summary>
    public string? KeyFilePath { get; }

    /// <summary>Whether this start created the keys file.</summary>
    public bool KeyFileCreated { get; }

    public string DatabasePath => database.FilePath;

    /// <summary>The addresses Kestrel listens on, once started (with the real port when the URL asked for port 0).</summary>
    public IReadOnlyList<Uri> Addresses =>
        App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.Select(a => new Uri(a)).ToList() ?? [];

    /// <summary>
    /// Builds the host: takes the database's lock (<see cref="DatabaseInUseException"/> when another host holds it,
    /// before anything is opened), opens (and migrates) the database, resolves the keys, registers every service, maps
    /// the routes.
    /// </summary>
    public static async Task<EmbeddedHost> CreateAsync(EmbeddedHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var databaseLock = DatabaseLock.Acquire(options.DatabasePath);
        try
        {
            return await CreateLockedAsync(options, databaseLock, cancellationToken);
        }
        catch
        {
            databaseLock.Dispose();
            throw;
        }
    }

    private static async Task<EmbeddedHost> CreateLockedAsync(EmbeddedHostOptions options, DatabaseLock databaseLock, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddInMemoryCollection(options.Configuration);
        builder.Logging.ClearProviders();
        if (options.ConsoleLogging)
        {
            builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        }

        // Request-by-request framework logs would drown the host's own lines; HttpClient's own (four lines per
        // outbound call, with profile ids in the paths) likewise: its warnings and errors still come through.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestLineSize = RequestTargetLimit.KestrelRequestLineSize;

            // One byte over the largest route limit: the handlers refuse bodies over their own, smaller, limit with a
            // problem document; this bound only protects routes that do not read a body at all.
            kestrel.Limits.MaxRequestBodySize = options.Api.LargestBodyLimit + 1;

            // Every endpoint (from --urls too) serves HTTP/1.x through the writer that gives Kestrel's own refusals a body.
            kestrel.ConfigureEndpointDefaults(KestrelRejectionListener.UseOn);
        });

        var (keys, keyFilePath, created) = ResolveKeys(builder.Configuration, options.DatabasePath);

        var database = new SqliteDatabase(options.DatabasePath);
        try
        {
            // Both stores migrate their schema on open, asynchronously, here: DI factories then only construct.
            var store = await SqliteCatalogStore.OpenAsync(database, cancellationToken);
            var runtimeStore = await SqliteRuntimeStore.OpenAsync(database, cancellationToken);
            var services = builder.Services;
            services.AddSingleton(database);
            services.AddSingleton<ICatalogStore>(store);
            services.AddSingleton(runtimeStore);
            services.AddJourneyConnectors();
            services.AddSingleton(options); // The runtime registration reads DatabasePath and TimeScale from here.
            services.AddJourneyCatalog(sp => new JourneyCatalog(
                sp.GetRequiredService<ICatalogStore>(),
                sp.GetService<ICatalogValidator>() ?? new ConfiguredSecretsValidator(ContractCatalogValidator.Instance, sp.GetRequiredService<IConfiguration>()),
                sp.GetService<TimeProvider>(),
                [new DeferredLifecycleObservers(sp)]));
            services.AddSingleton<IJourneyLifecycleObserver, LifecycleLog>();
            services.AddJourneysApi(options.Api);
            services.AddOpenApi(openApi =>
            {
                openApi.AddOperationTransformer<ConditionalHeadersTransformer>();
                openApi.AddOperationTransformer<OperationSummaryTransformer>();
                openApi.AddOperationTransformer<ApiKeySecurityTransformer>();
                openApi.AddDocumentTransformer<ApiKeySecurityTransformer>();
                openApi.AddDocumentTransformer<PolymorphicSchemaTransformer>();
                openApi.AddSchemaTransformer<NullableNotRequiredTransformer>();
            });
            services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));
            options.AddRuntime(services);
            options.ConfigureServices?.Invoke(services);

            var app = builder.Build();
            app.UseMiddleware<ProblemErrorMiddleware>();
            app.UseMiddleware<AdminConsoleMiddleware>(ConsoleAssets.Embedded); // The admin console at /, SPEC §9.
            app.MapJourneysApi(keys);
            app.MapOpenApi("/api/openapi.json");
            return new EmbeddedHost(app, database, databaseLock, keys, keyFilePath, created);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>Starts, prints where it listens, and runs until <paramref name="cancellationToken"/> or SIGINT/SIGTERM; in-flight requests finish first.</summary>
    public async Task RunAsync(TextWriter? output, CancellationToken cancellationToken)
    {
        await App.StartAsync(cancellationToken);
        if (output is not null)
        {
            await output.WriteLineAsync($"Journeys is listening on {string.Join(", ", Addresses)}");
            await output.WriteLineAsync($"Database: {DatabasePath}");
            await output.WriteLineAsync(KeyFilePath is null
                ? "Keys: from configuration (Journeys__AdminKey, Journeys__IngestKey)"
                : $"Keys: {KeyFilePath}{(KeyFileCreated ? " (generated now)" : string.Empty)}; send one in the x-api-key header");
            await output.WriteLineAsync("Press Ctrl+C to stop.");
        }

        await App.WaitForShutdownAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        rejections.Dispose();
        database.Dispose();
        databaseLock.Dispose();
    }

    /// <summary>
    /// Keys from configuration; a key left unset comes from the keys file beside the database, created on first use.
    /// </summary>
    private static (ApiKeys Keys, string? KeyFilePath, bool Created) ResolveKeys(IConfiguration configuration, string databasePath)
    {
        var admin = configuration[AdminKeySetting];
        var ingest = configuration[IngestKeySetting];
        if (!string.IsNullOrWhiteSpace(admin) && !string.IsNullOrWhiteSpace(ingest))
        {
            return (new ApiKeys(admin, ingest), null, false);
        }

        var path = KeyFile.PathFor(databasePath);
        var stored = KeyFile.LoadOrCreate(path, out var created);
        return (new ApiKeys(string.IsNullOrWhiteSpace(admin) ? stored.AdminKey : admin, string.IsNullOrWhiteSpace(ingest) ? stored.IngestKey : ingest), path, created);
    }
}
