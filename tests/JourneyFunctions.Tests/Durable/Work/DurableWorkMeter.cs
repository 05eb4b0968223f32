using DurableTask.AzureStorage;
using DurableTask.Core;

namespace JourneyFunctions.Tests.Durable.Work;

/// <summary>
/// Everything a measured engine counts: the storage requests of the Durable backend's clients and of the app's Table
/// stores (<see cref="Requests"/>), and the backend's work items (<see cref="Work"/>). Given to
/// <see cref="DurableEngine.StartAzureStorageAsync"/> (and <see cref="JourneyRun"/>), which then build their storage
/// clients with its options, wrap the backend and run in its task hub.
/// </summary>
public sealed class DurableWorkMeter
{
    private readonly Action<AzureStorageOrchestrationServiceSettings>? settings;

    /// <param name="settings">Changes to the engine's backend settings (the idle measurement takes the Functions defaults).</param>
    public DurableWorkMeter(Action<AzureStorageOrchestrationServiceSettings>? settings = null)
    {
        this.settings = settings;
        TaskHub = "hub" + Guid.NewGuid().ToString("N")[..12];
        Requests = new StorageRequestMeter(TaskHub);
    }

    public string TaskHub { get; }

    public StorageRequestMeter Requests { get; }

    public DurableWorkCounts Work { get; } = new();

    internal StorageAccountClientProvider ClientProvider(string connectionString) => new(
        StorageServiceClientProvider.ForBlob(connectionString, Requests.Blob()),
        StorageServiceClientProvider.ForQueue(connectionString, Requests.Queue()),
        StorageServiceClientProvider.ForTable(connectionString, Requests.Table(StorageCaller.Durable)));

    internal void Configure(AzureStorageOrchestrationServiceSettings backend) => settings?.Invoke(backend);

    internal IOrchestrationService Observe(IOrchestrationService backend) => new CountingOrchestrationService(backend, Work);

    internal IOrchestrationServiceClient ObserveClient(AzureStorageOrchestrationService backend) => new CountingOrchestrationServiceClient<AzureStorageOrchestrationService>(backend);

    /// <summary>Starts counting afresh (after setting up: publishing the samples, creating the task hub).</summary>
    public void Reset()
    {
        Requests.Reset();
        Work.Reset();
    }
}
