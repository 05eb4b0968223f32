using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using JourneyFunctions.Tests;
using JourneyFunctions.Tests.Durable.Work;
using JourneyFunctions.Triggers;
using Journeys.Azure.Durable;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace JourneyFunctions.Tests.Durable;

/// <summary>
/// A real Durable Task engine running the Functions app's own orchestrator and activity functions (the methods Azure
/// calls, resolved with the app's DI): the SDK's gRPC sidecar (from Microsoft.DurableTask.InProcessTestHost) on a
/// dynamic loopback port in front of a backend, and a Durable worker and client connected to it. The backend is
/// either the test host's in-memory service or DurableTask.AzureStorage (the production default) on Azurite.
/// </summary>
internal sealed class DurableEngine : IAsyncDisposable
{
    private readonly IHost sidecar;
    private readonly IHost worker;
    private readonly GrpcChannel channel;
    private readonly IDisposable? backend;

    private DurableEngine(IHost sidecar, IHost worker, GrpcChannel channel, IDisposable? backend)
    {
        this.sidecar = sidecar;
        this.worker = worker;
        this.channel = channel;
        this.backend = backend;
        Client = worker.Services.GetRequiredService<DurableTaskClient>();
    }

    public DurableTaskClient Client { get; }

    /// <summary>
    /// <paramref name="wrapOrchestrator"/>, when given, runs the app's orchestrator function itself (for example over
    /// a recording context); it must call the function it is given exactly once.
    /// </summary>
    public static Task<DurableEngine> StartInMemoryAsync(IServiceProvider app, OrchestratorWrapper? wrapOrchestrator = null)
    {
        var service = new InMemoryOrchestrationService();
        return StartAsync(app, service, service, backend: null, wrapOrchestrator);
    }

    /// <summary>The Azure Storage backend on <paramref name="connectionString"/>, in a task hub of its own.</summary>
    /// <param name="meter">When given: storage clients that count their requests and a backend that counts its work items (docs/performance.md).</param>
    public static async Task<DurableEngine> StartAzureStorageAsync(
        IServiceProvider app, string connectionString, string taskHub, OrchestratorWrapper? wrapOrchestrator = null, DurableWorkMeter? meter = null)
    {
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = meter?.ClientProvider(connectionString) ?? new StorageAccountClientProvider(connectionString),
            TaskHubName = taskHub,
            PartitionCount = 2,
            // Polling backs off to at most this; the default (30 s) would make each idle wait end late.
            MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
        };
        meter?.Configure(settings);
        var service = new AzureStorageOrchestrationService(settings);
        await service.CreateIfNotExistsAsync();
        return await StartAsync(app, meter?.Observe(service) ?? service, meter?.ObserveClient(service) ?? service, service as IDisposable, wrapOrchestrator);
    }

    public async ValueTask DisposeAsync()
    {
        await worker.StopAsync();
        worker.Dispose();
        await channel.ShutdownAsync();
        channel.Dispose();
        await sidecar.StopAsync();
        sidecar.Dispose();
        backend?.Dispose();
    }

    private static async Task<DurableEngine> StartAsync(
        IServiceProvider app, IOrchestrationService service, IOrchestrationServiceClient client, IDisposable? backend, OrchestratorWrapper? wrapOrchestrator)
    {
        var sidecar = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .ConfigureWebHostDefaults(web =>
            {
                web.UseUrls("http://127.0.0.1:0");
                web.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2));
                web.ConfigureServices(services =>
                {
                    services.AddGrpc(grpc => grpc.Interceptors.Add<ContinueAsNewEventCarryover>());
                    services.AddSingleton(service);
                    services.AddSingleton(client);
                    services.AddSingleton<TaskHubGrpcServer>();
                });
                web.Configure(pipeline =>
                {
                    pipeline.UseRouting();
                    pipeline.UseEndpoints(endpoints => endpoints.MapGrpcService<TaskHubGrpcServer>());
                });
            })
            .Build();
        await sidecar.StartAsync();
        var address = sidecar.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var channel = GrpcChannel.ForAddress(address);

        var functions = ActivatorUtilities.CreateInstance<JourneyOrchestrator>(app);
        DurableTaskClient? durableClient = null;
        DurableTaskClient Client() => durableClient ?? throw new InvalidOperationException("The Durable client is not ready yet.");
        var worker = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .ConfigureServices(services =>
            {
                services.AddDurableTaskWorker(builder =>
                {
                    builder.UseGrpc(channel);
                    builder.AddTasks(registry => Register(registry, functions, Client, wrapOrchestrator));
                });
                services.AddDurableTaskClient(builder =>
                {
                    builder.UseGrpc(channel);
                    builder.RegisterDirectly();
                });
            })
            .Build();
        durableClient = worker.Services.GetRequiredService<DurableTaskClient>();
        await worker.StartAsync();
        return new DurableEngine(sidecar, worker, channel, backend);
    }

    /// <summary>The app's functions under the names their attributes give them, each called as the Functions host calls it.</summary>
    private static void Register(DurableTaskRegistry registry, JourneyOrchestrator functions, Func<DurableTaskClient> client, OrchestratorWrapper? wrapOrchestrator)
    {
        registry.AddOrchestratorFunc<string?, object?>(ActivityNames.Orchestrator, async (context, _) =>
        {
            await (wrapOrchestrator is null ? functions.RunAsync(context) : wrapOrchestrator(context, functions.RunAsync));
            return null;
        });
        registry.AddActivityFunc<string, string>(ActivityNames.LoadJourney, (_, request) => functions.LoadJourneyAsync(request, new ActivityFunctionContext(default)));
        registry.AddActivityFunc<string, string>(ActivityNames.CallAction, (_, request) => functions.CallActionAsync(request, new ActivityFunctionContext(default)));
        registry.AddActivityFunc<string, string>(ActivityNames.FetchData, (_, request) => functions.FetchDataAsync(request, new ActivityFunctionContext(default)));
        registry.AddActivityFunc<string, object?>(ActivityNames.RecordSteps, async (_, record) =>
        {
            await functions.RecordStepsAsync(record, new ActivityFunctionContext(default));
            return null;
        });
        registry.AddActivityFunc<string, string>(ActivityNames.Jump, (_, request) => functions.JumpAsync(request, client(), new ActivityFunctionContext(default)));
    }
}
